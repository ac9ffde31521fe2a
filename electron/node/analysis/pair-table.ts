/**
 * A hash table from a pair of 32-bit numbers to a number, in typed arrays (open addressing,
 * linear probing, grown at half full): what counting n-grams does millions of times, without an
 * object or a boxed number per key.
 */
export class PairTable {
  private firsts = new Uint32Array(1 << 12);
  private seconds = new Uint32Array(1 << 12);
  /** Value + 1; 0 marks a free cell. */
  private values = new Int32Array(1 << 12);
  private mask = (1 << 12) - 1;
  size = 0;

  private static hash(a: number, b: number): number {
    let h = Math.imul(a ^ 0x9e3779b9, 0x85ebca6b) ^ b;
    h = Math.imul(h ^ (h >>> 16), 0xc2b2ae35);
    return (h ^ (h >>> 13)) >>> 0;
  }

  /** The value of (a, b), or -1. */
  get(a: number, b: number): number {
    let i = PairTable.hash(a, b) & this.mask;
    for (;;) {
      const v = this.values[i]!;
      if (v === 0) return -1;
      if (this.firsts[i] === a && this.seconds[i] === b) return v - 1;
      i = (i + 1) & this.mask;
    }
  }

  /** Sets (a, b) to value (not present yet: call get first). */
  insert(a: number, b: number, value: number): void {
    if ((this.size + 1) * 2 > this.values.length) this.grow();
    this.place(a, b, value + 1);
    this.size++;
  }

  private place(a: number, b: number, stored: number): void {
    let i = PairTable.hash(a, b) & this.mask;
    while (this.values[i] !== 0) i = (i + 1) & this.mask;
    this.firsts[i] = a;
    this.seconds[i] = b;
    this.values[i] = stored;
  }

  private grow(): void {
    const { firsts, seconds, values } = this;
    const capacity = values.length * 2;
    this.firsts = new Uint32Array(capacity);
    this.seconds = new Uint32Array(capacity);
    this.values = new Int32Array(capacity);
    this.mask = capacity - 1;
    for (let i = 0; i < values.length; i++) if (values[i] !== 0) this.place(firsts[i]!, seconds[i]!, values[i]!);
  }
}
