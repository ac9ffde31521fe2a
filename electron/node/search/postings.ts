/**
 * Postings of one term, packed for lazy use (the blob stored per term in search_terms):
 *   u32 n | u32 key[n] (document ord << 2 | field) | f32 weight[n] | u32 occEnd[n] | occurrences
 * Keys are sorted. weight is the term's Lunr BM25 weight in that field (boosts included).
 * Occurrences of entry i are bytes [occEnd[i-1], occEnd[i]) of the occurrence region: varint
 * triples (word index delta, start delta, length), decoded only for the few documents that
 * need positions (phrases, NEAR, snippets), never for scoring.
 */
export type Occurrence = { index: number; start: number; length: number };

export type Postings = {
  readonly count: number;
  readonly keys: Uint32Array;
  readonly weights: Float32Array;
  occurrences(entry: number): Occurrence[];
  /** Word indices only (no objects): what phrase and proximity checks compare. */
  positions(entry: number): number[];
  /** Entry number of a key, or -1. */
  find(key: number): number;
  readonly byteLength: number;
};

export const FIELD_BITS = 2;
export const docKey = (ord: number, field: number): number => ord * (1 << FIELD_BITS) + field;
export const keyOrd = (key: number): number => key >>> FIELD_BITS;
export const keyField = (key: number): number => key & ((1 << FIELD_BITS) - 1);

/** Accumulates one term's postings while a corpus is indexed (in key order). */
export class PostingsWriter {
  private keys: number[] = [];
  private tfs: number[] = [];
  private bytes = new Uint8Array(16);
  private used = 0;
  private ends: number[] = [];
  private lastIndex = 0;
  private lastStart = 0;

  /** Adds an occurrence; occurrences arrive grouped by key, in increasing key and position. */
  add(key: number, occurrence: Occurrence): void {
    const n = this.keys.length;
    if (n === 0 || this.keys[n - 1] !== key) {
      if (n > 0) this.ends.push(this.used);
      this.keys.push(key);
      this.tfs.push(0);
      this.lastIndex = 0;
      this.lastStart = 0;
    }
    this.tfs[this.tfs.length - 1]! += 1;
    if (this.used + 15 > this.bytes.length) {
      const grown = new Uint8Array(this.bytes.length * 2);
      grown.set(this.bytes);
      this.bytes = grown;
    }
    this.used = writeVarint(this.bytes, this.used, occurrence.index - this.lastIndex);
    this.used = writeVarint(this.bytes, this.used, occurrence.start - this.lastStart);
    this.used = writeVarint(this.bytes, this.used, occurrence.length);
    this.lastIndex = occurrence.index;
    this.lastStart = occurrence.start;
  }

  get entryCount(): number {
    return this.keys.length;
  }

  entries(): { keys: readonly number[]; tfs: readonly number[] } {
    return { keys: this.keys, tfs: this.tfs };
  }

  encode(weights: ArrayLike<number>): Buffer {
    const n = this.keys.length;
    const ends = [...this.ends, this.used];
    const buffer = Buffer.alloc(4 + 12 * n + this.used);
    buffer.writeUInt32LE(n, 0);
    for (let i = 0; i < n; i++) {
      buffer.writeUInt32LE(this.keys[i]!, 4 + 4 * i);
      buffer.writeFloatLE(weights[i]!, 4 + 4 * n + 4 * i);
      buffer.writeUInt32LE(ends[i]!, 4 + 8 * n + 4 * i);
    }
    buffer.set(this.bytes.subarray(0, this.used), 4 + 12 * n);
    return buffer;
  }
}

/** Writes an unsigned varint (5 bytes at most for 32-bit values); returns the next position. */
function writeVarint(out: Uint8Array, at: number, value: number): number {
  let p = at;
  let v = value;
  while (v >= 0x80) {
    out[p++] = (v & 0x7f) | 0x80;
    v = Math.floor(v / 128);
  }
  out[p++] = v;
  return p;
}

/** Views over a stored blob; copies it once if SQLite handed back an unaligned buffer. */
export function decodePostings(blob: Uint8Array): Postings {
  let bytes = blob;
  if (bytes.byteOffset % 4 !== 0) bytes = new Uint8Array(blob);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const n = view.getUint32(0, true);
  const keys = new Uint32Array(bytes.buffer, bytes.byteOffset + 4, n);
  const weights = new Float32Array(bytes.buffer, bytes.byteOffset + 4 + 4 * n, n);
  const ends = new Uint32Array(bytes.buffer, bytes.byteOffset + 4 + 8 * n, n);
  const region = bytes.subarray(4 + 12 * n);
  return {
    count: n,
    keys,
    weights,
    byteLength: bytes.byteLength,
    find(key) {
      let lo = 0;
      let hi = n - 1;
      while (lo <= hi) {
        const mid = (lo + hi) >>> 1;
        const k = keys[mid]!;
        if (k === key) return mid;
        if (k < key) lo = mid + 1;
        else hi = mid - 1;
      }
      return -1;
    },
    occurrences(entry) {
      const out: Occurrence[] = [];
      let p = entry === 0 ? 0 : ends[entry - 1]!;
      const end = ends[entry]!;
      let index = 0;
      let start = 0;
      while (p < end) {
        const a = readVarint(region, p);
        const b = readVarint(region, a.next);
        const c = readVarint(region, b.next);
        p = c.next;
        index += a.value;
        start += b.value;
        out.push({ index, start, length: c.value });
      }
      return out;
    },
    positions(entry) {
      const out: number[] = [];
      let p = entry === 0 ? 0 : ends[entry - 1]!;
      const end = ends[entry]!;
      let index = 0;
      while (p < end) {
        // Word index delta, then skip the start delta and the length.
        let value = 0;
        let scale = 1;
        for (;;) {
          const byte = region[p++]!;
          value += (byte & 0x7f) * scale;
          if (byte < 0x80) break;
          scale *= 128;
        }
        index += value;
        out.push(index);
        while (region[p++]! >= 0x80);
        while (region[p++]! >= 0x80);
      }
      return out;
    },
  };
}

function readVarint(bytes: Uint8Array, at: number): { value: number; next: number } {
  let p = at;
  let value = 0;
  let scale = 1;
  for (;;) {
    const byte = bytes[p++]!;
    value += (byte & 0x7f) * scale;
    if (byte < 0x80) return { value, next: p };
    scale *= 128;
  }
}
