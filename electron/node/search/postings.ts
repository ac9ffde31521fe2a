/**
 * Postings of one term (the blob stored per term in search_terms), all unsigned varints:
 *   u32 n | u32 entryBytes | n × (key delta, weight × 1000, occurrence bytes) | occurrences
 * A key is document ord << 2 | field; keys are sorted. The weight is the term's frequency in
 * that field as BM25F weighs it (field boost, length normalisation: build-search-index.ts),
 * to 3 decimals: stored exactly.
 * Entries are decoded into typed arrays once per read (a common word's 100k in about a
 * millisecond); occurrences, varint triples (word index delta, start delta, length), only
 * for the few documents that need positions (phrases, NEAR, snippets), never for scoring.
 */
export type Occurrence = { index: number; start: number; length: number };

export type Postings = {
  readonly count: number;
  /** Documents holding the term in any field (a document's keys are adjacent): its idf's df. */
  readonly documents: number;
  readonly keys: Uint32Array;
  readonly weights: Float64Array;
  occurrences(entry: number): Occurrence[];
  /** Word indices only (no objects): what phrase and proximity checks compare. */
  positions(entry: number): number[];
  /** The word indices of an entry read one at a time, as far as asked (phrase checks stop early). */
  cursor(entry: number): PositionCursor;
  /** Bytes of an entry's occurrences: grows with its term frequency, known without decoding. */
  occurrenceBytes(entry: number): number;
  /** How many occurrences an entry holds, counted without decoding them (a varint ends at a byte under 0x80; three per occurrence). */
  occurrenceCount(entry: number): number;
  /** Entry number of a key, or -1. */
  find(key: number): number;
  readonly byteLength: number;
};

export const FIELD_BITS = 2;
export const docKey = (ord: number, field: number): number => ord * (1 << FIELD_BITS) + field;
export const keyOrd = (key: number): number => key >>> FIELD_BITS;
export const keyField = (key: number): number => key & ((1 << FIELD_BITS) - 1);

/** Scratch space for encode(): the entries of the term being encoded. */
let scratch = new Uint8Array(1 << 16);

/**
 * Accumulates one term's postings (in key order): the format's reference writer, one object per
 * term. The indexer uses PostingsPool (postings-pool.ts), which gives the same bytes.
 */
export class PostingsWriter {
  /**
   * Per entry (document × field) three numbers in one typed array, so that adding touches
   * one block of memory: key, term frequency, end of its occurrences in `bytes` (set when
   * the next entry starts, or in encode). Half the memory of three arrays of numbers.
   */
  private table = new Uint32Array(6);
  private count = 0;
  private bytes = new Uint8Array(16);
  private used = 0;
  private lastKey = -1;
  private lastIndex = 0;
  private lastStart = 0;

  /** Adds an occurrence; occurrences arrive grouped by key, in increasing key and position. */
  add(key: number, occurrence: Occurrence): void {
    this.addOccurrence(key, occurrence.index, occurrence.start, occurrence.length);
  }

  /** add() without an object per occurrence (the indexer's inner loop). */
  addOccurrence(key: number, index: number, start: number, length: number): void {
    let table = this.table;
    if (this.lastKey !== key) {
      const at = this.count * 3;
      if (at > 0) table[at - 1] = this.used;
      if (at + 3 > table.length) {
        const grown = new Uint32Array(table.length * 2);
        grown.set(table);
        this.table = table = grown;
      }
      table[at] = key;
      table[at + 1] = 1;
      this.count++;
      this.lastKey = key;
      this.lastIndex = 0;
      this.lastStart = 0;
    } else {
      table[this.count * 3 - 2]! += 1;
    }
    let bytes = this.bytes;
    if (this.used + 15 > bytes.length) {
      const grown = new Uint8Array(bytes.length * 2);
      grown.set(bytes);
      this.bytes = bytes = grown;
    }
    let p = writeVarint(bytes, this.used, index - this.lastIndex);
    p = writeVarint(bytes, p, start - this.lastStart);
    this.used = writeVarint(bytes, p, length);
    this.lastIndex = index;
    this.lastStart = start;
  }

  get entryCount(): number {
    return this.count;
  }

  /** Key of entry i. */
  key(i: number): number {
    return this.table[i * 3]!;
  }

  /** Term frequency of entry i (occurrences in that document's field). */
  tf(i: number): number {
    return this.table[i * 3 + 1]!;
  }

  encode(weights: ArrayLike<number>): Buffer {
    const n = this.count;
    const table = this.table;
    if (n > 0) table[n * 3 - 1] = this.used;
    if (scratch.length < n * 15) scratch = new Uint8Array(n * 15);
    const entries = scratch;
    let p = 0;
    let previousKey = 0;
    let previousEnd = 0;
    for (let i = 0; i < n; i++) {
      const key = table[i * 3]!;
      const end = table[i * 3 + 2]!;
      p = writeVarint(entries, p, key - previousKey);
      p = writeVarint(entries, p, Math.round(weights[i]! * 1000));
      p = writeVarint(entries, p, end - previousEnd);
      previousKey = key;
      previousEnd = end;
    }
    // Every byte is written below.
    const buffer = Buffer.allocUnsafe(8 + p + this.used);
    buffer.writeUInt32LE(n, 0);
    buffer.writeUInt32LE(p, 4);
    buffer.set(entries.subarray(0, p), 8);
    buffer.set(this.bytes.subarray(0, this.used), 8 + p);
    return buffer;
  }
}

/** Writes an unsigned varint (5 bytes at most for 32-bit values); returns the next position. */
/**
 * A blob's head written (the counts, then each entry's key, weight × 1000 and occurrence end as
 * varint deltas) in a buffer with room left for its `occurrenceBytes`; `scratch` holds at least 15
 * bytes an entry. Returns the buffer and where the occurrences go.
 */
export function postingsHead(scratch: Uint8Array, n: number, keys: ArrayLike<number>, weights: ArrayLike<number>, ends: ArrayLike<number>, occurrenceBytes: number): { buffer: Buffer; at: number } {
  // The import as a local: under tsx (the command line, benches) each use of it is a getter call.
  const varint = writeVarint;
  let p = 0;
  let previousKey = 0;
  let previousEnd = 0;
  for (let i = 0; i < n; i++) {
    p = varint(scratch, p, keys[i]! - previousKey);
    p = varint(scratch, p, Math.round(weights[i]! * 1000));
    p = varint(scratch, p, ends[i]! - previousEnd);
    previousKey = keys[i]!;
    previousEnd = ends[i]!;
  }
  // Every byte is written, here and by the caller.
  const buffer = Buffer.allocUnsafe(8 + p + occurrenceBytes);
  buffer.writeUInt32LE(n, 0);
  buffer.writeUInt32LE(p, 4);
  buffer.set(scratch.subarray(0, p), 8);
  return { buffer, at: 8 + p };
}

export function writeVarint(out: Uint8Array, at: number, value: number): number {
  let p = at;
  let v = value;
  while (v >= 0x80) {
    out[p++] = (v & 0x7f) | 0x80;
    v = Math.floor(v / 128);
  }
  out[p++] = v;
  return p;
}

/**
 * Occurrences a stored blob holds in one field of every document, counted from the blob itself
 * (what summing occurrenceCount over that field's entries of decodePostings(blob) gives) without
 * decoding it into arrays: collocates ask this of tens of thousands of terms at once.
 */
export function fieldOccurrences(blob: Uint8Array, field: number): number {
  const view = new DataView(blob.buffer, blob.byteOffset, blob.byteLength);
  const n = view.getUint32(0, true);
  const region = 8 + view.getUint32(4, true);
  const mask = (1 << FIELD_BITS) - 1;
  let p = 8;
  const next = (): number => {
    let value = 0;
    let scale = 1;
    for (;;) {
      const byte = blob[p++]!;
      value += (byte & 0x7f) * scale;
      if (byte < 0x80) return value;
      scale *= 128;
    }
  };
  let key = 0;
  let end = 0;
  let varints = 0;
  for (let i = 0; i < n; i++) {
    key += next();
    next();
    const from = end;
    end += next();
    if ((key & mask) !== field) continue;
    for (let q = region + from, stop = region + end; q < stop; q++) if (blob[q]! < 0x80) varints++;
  }
  // Three varints an occurrence.
  return varints / 3;
}

/** Decodes a stored blob's entries into typed arrays; occurrences stay packed until asked for. */
export function decodePostings(blob: Uint8Array): Postings {
  const view = new DataView(blob.buffer, blob.byteOffset, blob.byteLength);
  const n = view.getUint32(0, true);
  const entryBytes = view.getUint32(4, true);
  const keys = new Uint32Array(n);
  const weights = new Float64Array(n);
  const ends = new Uint32Array(n);
  let p = 8;
  // Inline varint reads: no object per value, this loop runs over every entry of a read.
  const next = (): number => {
    let value = 0;
    let scale = 1;
    for (;;) {
      const byte = blob[p++]!;
      value += (byte & 0x7f) * scale;
      if (byte < 0x80) return value;
      scale *= 128;
    }
  };
  let key = 0;
  let end = 0;
  let documents = 0;
  let lastOrd = -1;
  for (let i = 0; i < n; i++) {
    key += next();
    weights[i] = next() / 1000;
    end += next();
    keys[i] = key;
    ends[i] = end;
    if (key >>> FIELD_BITS !== lastOrd) {
      lastOrd = key >>> FIELD_BITS;
      documents++;
    }
  }
  const region = blob.subarray(8 + entryBytes);
  return {
    count: n,
    documents,
    keys,
    weights,
    byteLength: 16 * n + region.byteLength,
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
    cursor(entry) {
      return new PositionCursor(region, entry === 0 ? 0 : ends[entry - 1]!, ends[entry]!);
    },
    occurrenceBytes(entry) {
      return ends[entry]! - (entry === 0 ? 0 : ends[entry - 1]!);
    },
    occurrenceCount(entry) {
      let last = 0;
      for (let p = entry === 0 ? 0 : ends[entry - 1]!, end = ends[entry]!; p < end; p++) if (region[p]! < 0x80) last++;
      return last / 3;
    },
    positions(entry) {
      const out: number[] = [];
      for (const cursor = new PositionCursor(region, entry === 0 ? 0 : ends[entry - 1]!, ends[entry]!); cursor.index !== Infinity; cursor.next()) out.push(cursor.index);
      return out;
    },
  };
}

/**
 * Ascending word indices of one entry, decoded lazily: `index` is the current one (Infinity
 * once past the last); `seek(target)` moves to the first index at or after target.
 */
export class PositionCursor {
  index = -1;
  private p: number;

  constructor(
    private readonly region: Uint8Array,
    from: number,
    private readonly end: number,
  ) {
    this.p = from;
    this.next();
  }

  /** Moves to the next index (Infinity after the last) and returns it. */
  next(): number {
    const region = this.region;
    let p = this.p;
    if (p >= this.end) return (this.index = Infinity);
    let value = 0;
    let scale = 1;
    for (;;) {
      const byte = region[p++]!;
      value += (byte & 0x7f) * scale;
      if (byte < 0x80) break;
      scale *= 128;
    }
    // Skip the start delta and the length.
    while (region[p++]! >= 0x80);
    while (region[p++]! >= 0x80);
    this.p = p;
    return (this.index = (this.index < 0 ? 0 : this.index) + value);
  }

  seek(target: number): number {
    while (this.index < target) this.next();
    return this.index;
  }
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
