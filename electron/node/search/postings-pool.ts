import { postingsHead } from './postings';
/**
 * The postings of every term of a corpus while it is indexed, in a few large typed arrays
 * rather than objects and arrays per term: a term is a number, its state one record, and its
 * entries and occurrences chains of chunks in two pools that grow as needed (as Lucene's
 * byte block pools do). Adding an occurrence touches the term's record and the ends of its two
 * chains, nothing the garbage collector has to trace or copy. encode() gives exactly the blob
 * of PostingsWriter#encode (postings.ts) for the same occurrences.
 */

/** Record fields, per term. */
const LAST_KEY = 0;
const LAST_INDEX = 1;
const LAST_START = 2;
const COUNT = 3;
const USED = 4;
const OCC_HEAD = 5;
const OCC_POS = 6;
const OCC_END = 7;
const OCC_LEVEL = 8;
const ENT_HEAD = 9;
const ENT_POS = 10;
const ENT_END = 11;
const ENT_LEVEL = 12;
const STRIDE = 16;

/** Data bytes of a term's n-th occurrence chunk (each is followed by 4 bytes: the next chunk's offset). */
const OCC_SIZES = [12, 28, 60, 124, 252, 508, 1020, 2044, 4092];
/** Entries (key, term frequency, end of occurrences) of a term's n-th entry chunk (then 1 slot: the next chunk). */
const ENT_SIZES = [1, 2, 4, 8, 16, 32, 64, 128, 256, 512];
const LAST_OCC_LEVEL = OCC_SIZES.length - 1;
const LAST_ENT_LEVEL = ENT_SIZES.length - 1;

export class PostingsPool {
  private records = new Int32Array(STRIDE * 1024);
  private terms = 0;
  private bytes = new Uint8Array(1 << 16);
  private bytesTop = 0;
  private entries = new Uint32Array(1 << 14);
  private entriesTop = 0;

  /** Keys, term frequencies and occurrence ends of the term last load()ed. */
  keys = new Uint32Array(1024);
  tfs = new Uint32Array(1024);
  private ends = new Uint32Array(1024);
  private loaded = -1;
  private scratch = new Uint8Array(1 << 16);

  /** A new term, numbered from 0 in the order of creation. */
  newTerm(): number {
    const term = this.terms++;
    if (this.terms * STRIDE > this.records.length) {
      const grown = new Int32Array(this.records.length * 2);
      grown.set(this.records);
      this.records = grown;
    }
    const r = term * STRIDE;
    const records = this.records;
    const occ = this.allocateBytes(OCC_SIZES[0]! + 4);
    const ent = this.allocateEntries(ENT_SIZES[0]! * 3 + 1);
    records[r + LAST_KEY] = -1;
    records[r + OCC_HEAD] = occ;
    records[r + OCC_POS] = occ;
    records[r + OCC_END] = occ + OCC_SIZES[0]!;
    records[r + ENT_HEAD] = ent;
    records[r + ENT_POS] = ent;
    records[r + ENT_END] = ent + ENT_SIZES[0]! * 3;
    return term;
  }

  /** Adds an occurrence of a term; occurrences of a term arrive grouped by key, in increasing key and position. */
  add(term: number, key: number, index: number, start: number, length: number): void {
    const records = this.records;
    const r = term * STRIDE;
    if (records[r + LAST_KEY] !== key) {
      let pos = records[r + ENT_POS]!;
      if (records[r + COUNT]! > 0) {
        this.entries[pos + 2] = records[r + USED]!;
        pos += 3;
        if (pos === records[r + ENT_END]) pos = this.nextEntryChunk(r, pos);
      }
      const entries = this.entries;
      entries[pos] = key;
      entries[pos + 1] = 1;
      records[r + ENT_POS] = pos;
      records[r + COUNT]!++;
      records[r + LAST_KEY] = key;
      records[r + LAST_INDEX] = 0;
      records[r + LAST_START] = 0;
    } else {
      this.entries[records[r + ENT_POS]! + 1]!++;
    }
    this.writeVarint(r, index - records[r + LAST_INDEX]!);
    this.writeVarint(r, start - records[r + LAST_START]!);
    this.writeVarint(r, length);
    records[r + LAST_INDEX] = index;
    records[r + LAST_START] = start;
  }

  /** Entries (document × field) of a term. */
  entryCount(term: number): number {
    return this.records[term * STRIDE + COUNT]!;
  }

  /** Fills keys and tfs (and the ends encode needs) with a term's entries; returns their count. */
  load(term: number): number {
    const r = term * STRIDE;
    const n = this.records[r + COUNT]!;
    if (n > this.keys.length) {
      const size = Math.max(n, this.keys.length * 2);
      this.keys = new Uint32Array(size);
      this.tfs = new Uint32Array(size);
      this.ends = new Uint32Array(size);
    }
    const { entries, keys, tfs, ends } = this;
    let pos = this.records[r + ENT_HEAD]!;
    let level = 0;
    let left = ENT_SIZES[0]!;
    for (let i = 0; i < n; i++) {
      if (left === 0) {
        pos = entries[pos]!;
        if (level < LAST_ENT_LEVEL) level++;
        left = ENT_SIZES[level]!;
      }
      keys[i] = entries[pos]!;
      tfs[i] = entries[pos + 1]!;
      ends[i] = entries[pos + 2]!;
      pos += 3;
      left--;
    }
    // The last entry's occurrences end where the term's do.
    if (n > 0) ends[n - 1] = this.records[r + USED]!;
    this.loaded = term;
    return n;
  }

  /** The occurrence ends (bytes so far, per entry) of the term last load()ed. */
  get loadedEnds(): Uint32Array {
    return this.ends;
  }

  /** Bytes of a term's occurrences. */
  occurrenceBytes(term: number): number {
    return this.records[term * STRIDE + USED]!;
  }

  /** Copies a term's occurrence bytes into out at `at`; returns where they end. */
  copyOccurrences(term: number, out: Uint8Array, at: number): number {
    const r = term * STRIDE;
    const bytes = this.bytes;
    let left = this.records[r + USED]!;
    let pos = this.records[r + OCC_HEAD]!;
    for (let level = 0; left > 0; ) {
      const size = OCC_SIZES[level]!;
      const take = Math.min(size, left);
      out.set(bytes.subarray(pos, pos + take), at);
      at += take;
      left -= take;
      if (left > 0) {
        pos = readU32(bytes, pos + size);
        if (level < LAST_OCC_LEVEL) level++;
      }
    }
    return at;
  }

  /** The stored blob of the term last load()ed, with its weights (see postings.ts). */
  encode(weights: ArrayLike<number>): Buffer {
    const r = this.loaded * STRIDE;
    const n = this.records[r + COUNT]!;
    const used = this.records[r + USED]!;
    if (this.scratch.length < n * 15) this.scratch = new Uint8Array(n * 15);
    const { buffer, at: head } = postingsHead(this.scratch, n, this.keys, weights, this.ends, used);
    const bytes = this.bytes;
    let at = head;
    let left = used;
    let pos = this.records[r + OCC_HEAD]!;
    for (let level = 0; left > 0; ) {
      const size = OCC_SIZES[level]!;
      const take = Math.min(size, left);
      buffer.set(bytes.subarray(pos, pos + take), at);
      at += take;
      left -= take;
      if (left > 0) {
        pos = readU32(bytes, pos + size);
        if (level < LAST_OCC_LEVEL) level++;
      }
    }
    return buffer;
  }

  private writeVarint(r: number, value: number): void {
    const records = this.records;
    let pos = records[r + OCC_POS]!;
    let end = records[r + OCC_END]!;
    let bytes = this.bytes;
    let v = value;
    let written = 0;
    for (;;) {
      if (pos === end) {
        pos = this.nextOccurrenceChunk(r, pos);
        end = records[r + OCC_END]!;
        bytes = this.bytes;
      }
      written++;
      if (v < 0x80) {
        bytes[pos++] = v;
        break;
      }
      bytes[pos++] = (v & 0x7f) | 0x80;
      v = Math.floor(v / 128);
    }
    records[r + OCC_POS] = pos;
    records[r + USED]! += written;
  }

  /** Starts a term's next occurrence chunk after the full one ending at end; returns its start. */
  private nextOccurrenceChunk(r: number, end: number): number {
    const records = this.records;
    const level = Math.min(records[r + OCC_LEVEL]! + 1, LAST_OCC_LEVEL);
    const chunk = this.allocateBytes(OCC_SIZES[level]! + 4);
    writeU32(this.bytes, end, chunk);
    records[r + OCC_LEVEL] = level;
    records[r + OCC_END] = chunk + OCC_SIZES[level]!;
    return chunk;
  }

  /** Starts a term's next entry chunk after the full one ending at end; returns its start. */
  private nextEntryChunk(r: number, end: number): number {
    const records = this.records;
    const level = Math.min(records[r + ENT_LEVEL]! + 1, LAST_ENT_LEVEL);
    const chunk = this.allocateEntries(ENT_SIZES[level]! * 3 + 1);
    this.entries[end] = chunk;
    records[r + ENT_LEVEL] = level;
    records[r + ENT_END] = chunk + ENT_SIZES[level]! * 3;
    return chunk;
  }

  private allocateBytes(size: number): number {
    const at = this.bytesTop;
    this.bytesTop += size;
    if (this.bytesTop > this.bytes.length) {
      const grown = new Uint8Array(Math.max(this.bytesTop, Math.ceil(this.bytes.length * 1.5)));
      grown.set(this.bytes);
      this.bytes = grown;
    }
    return at;
  }

  private allocateEntries(size: number): number {
    const at = this.entriesTop;
    this.entriesTop += size;
    if (this.entriesTop > this.entries.length) {
      const grown = new Uint32Array(Math.max(this.entriesTop, Math.ceil(this.entries.length * 1.5)));
      grown.set(this.entries);
      this.entries = grown;
    }
    return at;
  }
}


function writeU32(bytes: Uint8Array, at: number, value: number): void {
  bytes[at] = value & 0xff;
  bytes[at + 1] = (value >>> 8) & 0xff;
  bytes[at + 2] = (value >>> 16) & 0xff;
  bytes[at + 3] = value >>> 24;
}

function readU32(bytes: Uint8Array, at: number): number {
  return (bytes[at]! | (bytes[at + 1]! << 8) | (bytes[at + 2]! << 16)) + bytes[at + 3]! * 0x1000000;
}
