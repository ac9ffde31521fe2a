import { MAX_WORD_LIST_ENTRIES, type WordListEntry, type WordListSort } from '../../common/analysis/analysis-types';
import type { DocumentText } from '../corpus/corpus-texts';
import { forEachToken } from '../search/tokenise';
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

/**
 * Counts the words (folded as search folds them: case, Arabic variants and marks) or the
 * n-grams of texts, paragraph by paragraph: an n-gram never joins the end of one paragraph to
 * the start of the next. Keeps the MAX_WORD_LIST_ENTRIES most frequent (ties by word).
 */
export function countWords(visitDocuments: (visit: (doc: DocumentText) => void) => void, options: WordListOptions): WordCounts {
  const { n, hideStopWords } = options;
  const index = new Map<string, number>();
  let counts = new Uint32Array(1024);
  let docs = new Uint32Array(1024);
  let lastDoc = new Int32Array(1024).fill(-1);
  let documents = 0;
  let tokens = 0;
  let full = false;
  const window: string[] = [];

  const add = (key: string, ord: number) => {
    tokens++;
    let slot = index.get(key);
    if (slot === undefined) {
      if (index.size >= MAX_DISTINCT) {
        full = true;
        return;
      }
      slot = index.size;
      index.set(key, slot);
      if (slot === counts.length) {
        const grow = <T extends Uint32Array | Int32Array>(from: T, make: (size: number) => T) => {
          const to = make(from.length * 2);
          to.set(from);
          return to;
        };
        counts = grow(counts, (size) => new Uint32Array(size));
        docs = grow(docs, (size) => new Uint32Array(size));
        lastDoc = grow(lastDoc, (size) => new Int32Array(size).fill(-1));
      }
    }
    counts[slot]!++;
    if (lastDoc[slot] !== ord) {
      lastDoc[slot] = ord;
      docs[slot]!++;
    }
  };

  visitDocuments((doc) => {
    documents++;
    for (const paragraph of doc.paragraphs) {
      window.length = 0;
      forEachToken(doc.text.slice(paragraph.start, paragraph.end), (word) => {
        window.push(word);
        if (window.length > n) window.shift();
        if (window.length < n) return;
        if (hideStopWords && (STOP_WORDS.has(window[0]!) || STOP_WORDS.has(window[n - 1]!))) return;
        add(n === 1 ? word : window.join(' '), doc.ord);
      });
    }
  });

  const top = topEntries(index, counts, MAX_WORD_LIST_ENTRIES);
  return {
    documents,
    tokens,
    distinct: index.size,
    truncated: full || index.size > top.length,
    entries: top.map(([words, slot]) => ({ words, count: counts[slot]!, documents: docs[slot]! })),
  };
}

const byCountThenWord = (a: [string, number, number], b: [string, number, number]) => b[2] - a[2] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0);

/** The k most frequent entries, most first, ties by word: a bounded selection, not a sort of every entry. */
function topEntries(index: Map<string, number>, counts: Uint32Array, k: number): [string, number][] {
  if (index.size <= k) {
    return [...index].map(([w, s]): [string, number, number] => [w, s, counts[s]!]).sort(byCountThenWord).map(([w, s]) => [w, s]);
  }
  // The k-th largest count, from a histogram of counts; then only entries at or above it are sorted.
  const histogram = new Map<number, number>();
  for (const slot of index.values()) histogram.set(counts[slot]!, (histogram.get(counts[slot]!) ?? 0) + 1);
  let seen = 0;
  let threshold = 0;
  for (const count of [...histogram.keys()].sort((a, b) => b - a)) {
    seen += histogram.get(count)!;
    threshold = count;
    if (seen >= k) break;
  }
  const kept: [string, number, number][] = [];
  for (const [w, s] of index) if (counts[s]! >= threshold) kept.push([w, s, counts[s]!]);
  return kept.sort(byCountThenWord).slice(0, k).map(([w, s]) => [w, s]);
}

const collator = new Intl.Collator('und', { sensitivity: 'base', numeric: true });

/** Entries in the order asked for: by count (as counted) or by word, ties by count. */
export function sortEntries(entries: readonly WordListEntry[], sort: WordListSort): WordListEntry[] {
  if (sort === 'count') return [...entries];
  return [...entries].sort((a, b) => collator.compare(a.words, b.words) || b.count - a.count);
}
