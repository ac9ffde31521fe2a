import type { Collocate } from '../../common/analysis/analysis-types';
import { termOf } from '../search/analyse';
import type { PreparedQuery } from '../search/resolved-query';
import type { SearchTables } from '../search/search-tables';
import { logLikelihood, mutualInformation } from './association';
import { matchedSpans } from './concordance';
import { STOP_WORDS } from './stop-words';
import { forEachWindow, type WindowVisitor } from './window-tokens';

/** Texts read per statement. */
const TEXT_BATCH = 1000;

export type CollocateOptions = {
  /** Words on each side of the node, 1 to 10. */
  window: number;
  /** Leave out function words (stop-words.ts). */
  hideStopWords: boolean;
  /** Fewest co-occurrences a collocate needs to be listed. */
  minCount: number;
  /** Words in the corpus (N of the contingency table). */
  corpusWords: number;
  /** Occurrences of each index term in the texts of the corpus (asked once, for every term listed). */
  frequenciesOf: (terms: readonly string[]) => readonly number[];
};

export type CollocateResult = { occurrences: number; collocates: Collocate[] };

/**
 * The words that stand within `window` words of each occurrence of the query in the texts.
 * Words are counted by index term (their stem, as search matches them: "video" and "videos"
 * together) and shown in their most frequent form in the windows.
 */
export function findCollocates(prepared: PreparedQuery, tables: SearchTables, options: CollocateOptions): CollocateResult {
  // Forms (folded words) numbered as first seen, counted in a typed array: a common word's
  // windows hold 2 million words of a few tens of thousands of forms. Terms are formed at the end.
  const ids = new Map<string, number>();
  const forms: string[] = [];
  let counts = new Int32Array(1 << 12);
  /** 1 for a function word left out (hideStopWords), by form. */
  let hidden = new Uint8Array(1 << 12);
  const idOf = (word: string): number => {
    let id = ids.get(word);
    if (id === undefined) {
      ids.set(word, (id = forms.length));
      forms.push(word);
      if (id === counts.length) {
        const grown = new Int32Array(id * 2);
        grown.set(counts);
        counts = grown;
        const grownHidden = new Uint8Array(id * 2);
        grownHidden.set(hidden);
        hidden = grownHidden;
      }
      hidden[id] = options.hideStopWords && STOP_WORDS.has(word) ? 1 : 0;
    }
    return id;
  };
  let occurrences = 0;
  let windowWords = 0;
  // The current run's words by form, looked up once each (-1 until a window takes the word).
  let words: readonly string[] = [];
  let runIds = new Int32Array(1024);
  const take = (from: number, to: number) => {
    for (let t = from; t < to; t++) {
      let id = runIds[t]!;
      if (id < 0) runIds[t] = id = idOf(words[t]!);
      if (hidden[id] === 0) counts[id]!++;
    }
  };
  const visitor: WindowVisitor = {
    run(runWords) {
      words = runWords;
      if (runIds.length < words.length) runIds = new Int32Array(Math.max(words.length, runIds.length * 2));
      runIds.fill(-1, 0, words.length);
    },
    window(leftFrom, leftTo, rightFrom, rightTo) {
      occurrences++;
      windowWords += leftTo - leftFrom + rightTo - rightFrom;
      take(leftFrom, leftTo);
      take(rightFrom, rightTo);
    },
    words(left, right) {
      occurrences++;
      for (const word of [...left, ...right]) {
        windowWords++;
        const id = idOf(word);
        if (hidden[id] === 0) counts[id]!++;
      }
    },
  };
  let pending: { ord: number; spans: { start: number; end: number }[] }[] = [];
  const flush = () => {
    const texts = tables.texts(pending.map(({ ord }) => ord));
    for (const { ord, spans } of pending) forEachWindow(texts.get(ord)!, spans, options.window, visitor);
    pending = [];
  };
  for (const match of matchedSpans(prepared, tables)) {
    pending.push(match);
    if (pending.length === TEXT_BATCH) flush();
  }
  if (pending.length > 0) flush();

  // Per term, its count and its commonest form (ties: the first in code-unit order).
  const byTerm = new Map<string, { count: number; word: string; wordCount: number }>();
  for (let id = 0; id < forms.length; id++) {
    const n = counts[id]!;
    if (n === 0) continue;
    const form = forms[id]!;
    const term = termOf(form);
    const entry = byTerm.get(term);
    if (!entry) byTerm.set(term, { count: n, word: form, wordCount: n });
    else {
      entry.count += n;
      if (n > entry.wordCount || (n === entry.wordCount && form < entry.word)) {
        entry.word = form;
        entry.wordCount = n;
      }
    }
  }

  const span = 2 * options.window;
  const listed = [...byTerm].filter(([, { count }]) => count >= options.minCount);
  const frequencies = options.frequenciesOf(listed.map(([term]) => term));
  const collocates: Collocate[] = [];
  for (const [k, [, { count, word }]] of listed.entries()) {
    // A word of the windows is in the index; at least count occurrences exist.
    const frequency = Math.max(count, frequencies[k]!);
    collocates.push({
      word,
      count,
      frequency,
      logLikelihood: logLikelihood({ o11: count, windowWords, frequency, corpusWords: options.corpusWords }),
      mutualInformation: mutualInformation(count, occurrences, frequency, span, options.corpusWords),
    });
  }
  collocates.sort((a, b) => b.logLikelihood - a.logLikelihood || b.count - a.count || (a.word < b.word ? -1 : 1));
  return { occurrences, collocates };
}
