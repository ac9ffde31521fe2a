import type { Steps } from '../steps/run-steps';
import { jaccard, mix32, passageShingles } from './passage-shingles';

/**
 * Repeated passages: paragraphs found in more than one place in a corpus, word for word or
 * nearly (a few words changed, other punctuation). Each paragraph of at least MIN_WORDS words
 * becomes its set of three-word shingles (passage-shingles.ts) and a MinHash signature of
 * BANDS × ROWS values; paragraphs whose signatures agree on every row of some band are
 * candidates, and a candidate is kept when the Jaccard similarity of the shingle sets
 * themselves is at least MIN_SIMILARITY. Kept pairs join groups (connected components), so
 * three copies of one caption are one group. Everything is hashed with fixed seeds and
 * walked in corpus order: the same corpus gives the same groups.
 *
 * With 16 bands of 2 rows a pair at similarity 0.5 becomes a candidate with probability
 * 1 − (1 − 0.5²)¹⁶ ≈ 0.99, at 0.4 ≈ 0.94; a pair at 0.2 ≈ 0.48, checked and dropped. In a bucket
 * every member is checked against the bucket's first only, so the checks are at most
 * BANDS × paragraphs however common a passage is.
 */
export const MIN_WORDS = 8;
export const MIN_SIMILARITY = 0.5;
const BANDS = 16;
const ROWS = 2;
const HASHES = BANDS * ROWS;
/**
 * Fixed multipliers (odd) and offsets of the MinHash functions h_i(x) = a_i·x + b_i mod 2³²: a
 * permutation of the 32-bit numbers each, cheap enough to run 32 times over every shingle, and
 * fair on shingles that are already well-mixed hashes (passage-shingles.ts).
 */
const MULTIPLIERS = Uint32Array.from({ length: HASHES }, (_, i) => mix32((i + 1) * 0x9e3779b9) | 1);
const OFFSETS = Uint32Array.from({ length: HASHES }, (_, i) => mix32((i + 1) * 0x85ebca6b + 7));
/** Paragraphs compared between two pauses of a build. */
const STEP_EVERY = 4096;

export type PassagePlace = { doc: number; idx: number };
export type RepeatedMember = PassagePlace & { words: number; similarity: number };
/** A group in corpus order; similarity (0–1) of each member to the first. */
export type RepeatedGroup = RepeatedMember[];

/** Grows by doubling: shingles of every paragraph in one buffer. */
class U32List {
  data = new Uint32Array(1024);
  length = 0;
  push(value: number) {
    if (this.length === this.data.length) {
      const grown = new Uint32Array(this.data.length * 2);
      grown.set(this.data);
      this.data = grown;
    }
    this.data[this.length++] = value;
  }
  trimmed(): Uint32Array {
    return this.data.subarray(0, this.length);
  }
}

export class RepeatedPassageFinder {
  private readonly docs = new U32List();
  private readonly idxs = new U32List();
  private readonly words = new U32List();
  /** Start of each paragraph's shingles in `shingles` (one more entry than paragraphs). */
  private readonly starts = new U32List();
  private readonly shingles = new U32List();
  private readonly bands = new U32List();
  private readonly signature = new Uint32Array(HASHES);

  constructor() {
    this.starts.push(0);
  }

  /** A paragraph, in corpus order (documents by ord, paragraphs by idx). Short ones are left out. */
  add(doc: number, idx: number, text: string): void {
    const { shingles, words } = passageShingles(text);
    if (words < MIN_WORDS || shingles.length === 0) return;
    this.docs.push(doc);
    this.idxs.push(idx);
    this.words.push(words);
    for (const s of shingles) this.shingles.push(s);
    this.starts.push(this.shingles.length);
    const sig = this.signature;
    sig.fill(0xffffffff);
    for (let h = 0; h < HASHES; h++) {
      const a = MULTIPLIERS[h]!;
      const b = OFFSETS[h]!;
      let min = 0xffffffff;
      for (let i = 0; i < shingles.length; i++) {
        const v = (Math.imul(shingles[i]!, a) + b) >>> 0;
        if (v < min) min = v;
      }
      sig[h] = min;
    }
    for (let b = 0; b < BANDS; b++) {
      let key = b + 1;
      for (let r = 0; r < ROWS; r++) key = Math.imul(key ^ sig[b * ROWS + r]!, 0x01000193) >>> 0;
      this.bands.push(mix32(key));
    }
  }

  get passages(): number {
    return this.docs.length;
  }

  private shinglesOf(p: number): Uint32Array {
    return this.shingles.data.subarray(this.starts.data[p]!, this.starts.data[p + 1]!);
  }

  /** The groups found, in corpus order of their first paragraph; yields between batches of work. */
  *groupSteps(): Steps<RepeatedGroup[]> {
    const n = this.passages;
    const parent = new Uint32Array(n);
    for (let i = 0; i < n; i++) parent[i] = i;
    const find = (x: number): number => {
      while (parent[x] !== x) {
        parent[x] = parent[parent[x]!]!;
        x = parent[x]!;
      }
      return x;
    };
    // Keys and paragraph numbers packed in one double each (key · 2^bits + number, < 2^53),
    // sorted natively; with more than 2^21 paragraphs the key keeps fewer bits (more candidates, still checked).
    const bits = Math.max(1, Math.ceil(Math.log2(n + 1)));
    const keyBits = Math.min(32, 53 - bits);
    const shift = 2 ** bits;
    const packed = new Float64Array(n);
    const bands = this.bands.trimmed();
    let work = 0;
    for (let b = 0; b < BANDS; b++) {
      for (let p = 0; p < n; p++) packed[p] = (bands[p * BANDS + b]! >>> (32 - keyBits)) * shift + p;
      packed.sort();
      for (let i = 0; i < n; ) {
        const key = Math.floor(packed[i]! / shift);
        let j = i + 1;
        while (j < n && Math.floor(packed[j]! / shift) === key) j++;
        if (j - i > 1) {
          // Each member of a bucket against its first: a bucket of k costs k − 1 checks, not k².
          const first = packed[i]! % shift;
          const firstShingles = this.shinglesOf(first);
          for (let m = i + 1; m < j; m++) {
            const p = packed[m]! % shift;
            const a = find(first);
            const c = find(p);
            if (a === c) continue;
            if (jaccard(firstShingles, this.shinglesOf(p)) >= MIN_SIMILARITY) parent[Math.max(a, c)] = Math.min(a, c);
            if (++work % STEP_EVERY === 0) yield;
          }
        }
        i = j;
      }
      yield;
    }
    // A union keeps the smaller root, so a group's root is its first paragraph in corpus order,
    // and the groups come out in that order.
    const size = new Uint32Array(n);
    for (let p = 0; p < n; p++) size[find(p)]!++;
    const members = new Map<number, number[]>();
    for (let p = 0; p < n; p++) {
      const root = find(p);
      if (size[root]! < 2) continue;
      let list = members.get(root);
      if (!list) members.set(root, (list = []));
      list.push(p);
    }
    const groups: RepeatedGroup[] = [];
    for (const list of members.values()) {
      const firstShingles = this.shinglesOf(list[0]!);
      groups.push(
        list.map((p, i) => ({
          doc: this.docs.data[p]!,
          idx: this.idxs.data[p]!,
          words: this.words.data[p]!,
          similarity: i === 0 ? 1 : jaccard(firstShingles, this.shinglesOf(p)),
        })),
      );
      if (++work % STEP_EVERY === 0) yield;
    }
    return groups;
  }
}
