import { MAX_WORD_LIST_ENTRIES, type WordListEntry, type WordListSort } from '../../common/analysis/analysis-types';
import type { DocumentText } from '../corpus/corpus-texts';
import { forEachToken } from '../search/tokenise';
import { PairTable } from './pair-table';
import { STOP_WORDS } from './stop-words';

export type WordListOptions = {
  /** Words per entry, 1 to 3. */
  n: number;
  /** Leave out words of the stop lists, and n-grams starting or ending with one. */
  hideStopWords: boolean;
};

export type WordCounts = { documents: number; tokens: number; distinct: number; truncated: boolean; entries: WordListEntry[] };

/**
 * Distinct entries counted at most: past it new words are no longer added (those already
 * counted still are) and the answer says it was cut. Bounds memory on any corpus.
 */
export const MAX_DISTINCT = 1_000_000;

/** Grows a typed array to at least `size`, doubling. */
function grown<T extends Uint32Array | Int32Array>(from: T, size: number, make: (size: number) => T): T {
  if (size <= from.length) return from;
  const to = make(Math.max(size, from.length * 2));
  to.set(from);
  return to;
}

/** Word pairs a trigram count keeps at most (its first two words): past it, as past MAX_DISTINCT. */
const MAX_PAIRS = 4 * MAX_DISTINCT;

/**
 * Counts the words (folded as search folds them: case, Arabic variants and marks) or the
 * n-grams of texts, paragraph by paragraph: an n-gram never joins the end of one paragraph to
 * the start of the next. Keeps the MAX_WORD_LIST_ENTRIES most frequent (ties by word).
 * Words get numbers as they come; an n-gram is counted under a pair of numbers (two words; for
 * three, the pair of its first two and the third) in a typed-array hash table, never as a
 * string, and is spelt out only for the entries listed.
 */
export function countWords(batches: Iterable<readonly DocumentText[]>, options: WordListOptions): WordCounts {
  const counter = createWordCounter(options);
  for (const batch of batches) for (const doc of batch) counter.add(doc);
  return counter.finish();
}

/** Told after each batch; `stopped` is asked before the next one (a cancelled count ends there). */
export type CountWatcher = { counted(documents: number): void; stopped(): boolean };

/** Thrown by countWordsPaced when its watcher says stop. */
export class CountStopped extends Error {}

/** countWords, letting other work run between batches of documents (`pause`), telling `watcher` how far it got. */
export async function countWordsPaced(
  batches: Iterable<readonly DocumentText[]>,
  options: WordListOptions,
  pause: () => Promise<void>,
  watcher?: CountWatcher,
): Promise<WordCounts> {
  const counter = createWordCounter(options);
  let documents = 0;
  for (const batch of batches) {
    if (watcher?.stopped()) throw new CountStopped('The count was stopped.');
    for (const doc of batch) counter.add(doc);
    documents += batch.length;
    watcher?.counted(documents);
    await pause();
  }
  return counter.finish();
}

/** The counting of countWords, a document at a time. */
export function createWordCounter(options: WordListOptions): { add(doc: DocumentText): void; finish(): WordCounts } {
  const { n, hideStopWords } = options;
  const vocabulary = new Map<string, number>();
  const words: string[] = [];
  const stop: boolean[] = [];
  // n-gram number → slot; a slot's parts (first part: a word or a pair; second: a word).
  const slots = new PairTable();
  const pairs = new PairTable();
  let pairFirst = new Uint32Array(1024);
  let pairSecond = new Uint32Array(1024);
  let partA = new Uint32Array(1024);
  let partB = new Uint32Array(1024);
  let counts = new Uint32Array(1024);
  let docs = new Uint32Array(1024);
  let lastDoc = new Int32Array(1024).fill(-1);
  let distinct = 0;
  let documents = 0;
  let tokens = 0;
  let full = false;
  const window = new Int32Array(3);

  const wordId = (word: string): number => {
    let id = vocabulary.get(word);
    if (id === undefined) {
      id = words.length;
      vocabulary.set(word, id);
      words.push(word);
      stop.push(STOP_WORDS.has(word));
    }
    return id;
  };
  const pairId = (a: number, b: number): number => {
    let id = pairs.get(a, b);
    if (id < 0) {
      id = pairs.size;
      if (id >= MAX_PAIRS) return -1;
      pairs.insert(a, b, id);
      pairFirst = grown(pairFirst, id + 1, (size) => new Uint32Array(size));
      pairSecond = grown(pairSecond, id + 1, (size) => new Uint32Array(size));
      pairFirst[id] = a;
      pairSecond[id] = b;
    }
    return id;
  };
  const add = (a: number, b: number, ord: number) => {
    tokens++;
    let slot = slots.get(a, b);
    if (slot < 0) {
      if (distinct >= MAX_DISTINCT) {
        full = true;
        return;
      }
      slot = distinct++;
      slots.insert(a, b, slot);
      const size = slot + 1;
      partA = grown(partA, size, (k) => new Uint32Array(k));
      partB = grown(partB, size, (k) => new Uint32Array(k));
      counts = grown(counts, size, (k) => new Uint32Array(k));
      docs = grown(docs, size, (k) => new Uint32Array(k));
      if (size > lastDoc.length) lastDoc = grown(lastDoc, size, (k) => new Int32Array(k).fill(-1));
      partA[slot] = a;
      partB[slot] = b;
    }
    counts[slot]!++;
    if (lastDoc[slot] !== ord) {
      lastDoc[slot] = ord;
      docs[slot]!++;
    }
  };

  const addDocument = (doc: DocumentText) => {
    documents++;
    for (const paragraph of doc.paragraphs) {
      let seen = 0;
      forEachToken(doc.text.slice(paragraph.start, paragraph.end), (word) => {
        const id = wordId(word);
        window[0] = window[1]!;
        window[1] = window[2]!;
        window[2] = id;
        if (++seen < n) return;
        const first = window[3 - n]!;
        if (hideStopWords && (stop[first] || stop[id])) return;
        if (n === 1) add(0, id, doc.ord);
        else if (n === 2) add(first, id, doc.ord);
        else {
          const pair = pairId(first, window[1]!);
          if (pair < 0) full = true;
          else add(pair, id, doc.ord);
        }
      });
    }
  };

  const spell = (slot: number): string => {
    const b = words[partB[slot]!]!;
    if (n === 1) return b;
    if (n === 2) return `${words[partA[slot]!]} ${b}`;
    const pair = partA[slot]!;
    return `${words[pairFirst[pair]!]} ${words[pairSecond[pair]!]} ${b}`;
  };
  const finish = (): WordCounts => {
    const top = topSlots(distinct, counts, spell, MAX_WORD_LIST_ENTRIES);
    return {
      documents,
      tokens,
      distinct,
      truncated: full || distinct > top.length,
      entries: top.map(([words, slot]) => ({ words, count: counts[slot]!, documents: docs[slot]! })),
    };
  };
  return { add: addDocument, finish };
}

const byCountThenWord = (a: [string, number, number], b: [string, number, number]) => b[2] - a[2] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0);

/** The k most frequent slots, most first, ties by word: a bounded selection, not a sort of every entry. */
function topSlots(distinct: number, counts: Uint32Array, spell: (slot: number) => string, k: number): [string, number][] {
  // The k-th largest count, from a histogram of counts; then only slots at or above it are spelt and sorted.
  let threshold = 0;
  if (distinct > k) {
    const histogram = new Map<number, number>();
    for (let slot = 0; slot < distinct; slot++) histogram.set(counts[slot]!, (histogram.get(counts[slot]!) ?? 0) + 1);
    let seen = 0;
    for (const count of [...histogram.keys()].sort((a, b) => b - a)) {
      seen += histogram.get(count)!;
      threshold = count;
      if (seen >= k) break;
    }
  }
  const kept: [string, number, number][] = [];
  for (let slot = 0; slot < distinct; slot++) if (counts[slot]! >= threshold) kept.push([spell(slot), slot, counts[slot]!]);
  return kept.sort(byCountThenWord).slice(0, k).map(([w, s]) => [w, s]);
}

const collator = new Intl.Collator('und', { sensitivity: 'base', numeric: true });

/** Entries in the order asked for: by count (as counted) or by word, ties by count. */
export function sortEntries(entries: readonly WordListEntry[], sort: WordListSort): WordListEntry[] {
  if (sort === 'count') return [...entries];
  return [...entries].sort((a, b) => collator.compare(a.words, b.words) || b.count - a.count);
}
