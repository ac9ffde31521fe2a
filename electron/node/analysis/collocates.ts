import type { Collocate } from '../../common/analysis/analysis-types';
import { termOf } from '../search/analyse';
import { keyField } from '../search/postings';
import type { PreparedQuery } from '../search/resolved-query';
import { TEXT_FIELD } from '../search/search-fields';
import type { SearchTables } from '../search/search-tables';
import { logLikelihood, mutualInformation } from './association';
import { matchedSpans } from './concordance';
import { tokensAround } from './keyword-context';
import { STOP_WORDS } from './stop-words';

export type CollocateOptions = {
  /** Words on each side of the node, 1 to 10. */
  window: number;
  /** Leave out function words (stop-words.ts). */
  hideStopWords: boolean;
  /** Fewest co-occurrences a collocate needs to be listed. */
  minCount: number;
  /** Words in the corpus (N of the contingency table). */
  corpusWords: number;
  /** Occurrences of an index term in the texts of the corpus. */
  frequencyOf: (term: string) => number;
};

export type CollocateResult = { occurrences: number; collocates: Collocate[] };

/** Occurrences of a term in the text field of every document, counted from its postings. */
export function termFrequency(tables: SearchTables, term: string): number {
  const postings = tables.postings(term);
  if (!postings) return 0;
  let total = 0;
  for (let entry = 0; entry < postings.count; entry++) {
    if (keyField(postings.keys[entry]!) === TEXT_FIELD) total += postings.occurrenceCount(entry);
  }
  return total;
}

/**
 * The words that stand within `window` words of each occurrence of the query in the texts.
 * Words are counted by index term (their stem, as search matches them: "video" and "videos"
 * together) and shown in their most frequent form in the windows.
 */
export function findCollocates(prepared: PreparedQuery, tables: SearchTables, options: CollocateOptions): CollocateResult {
  const counts = new Map<string, { count: number; forms: Map<string, number> }>();
  let occurrences = 0;
  let windowWords = 0;
  // Each form's term once: a common word's windows hold the same few thousand forms again and again.
  const terms = new Map<string, string>();
  const BATCH = 100;
  let pending: { ord: number; spans: { start: number; end: number }[] }[] = [];
  const flush = () => {
    const docs = tables.documents(pending.map(({ ord }) => ({ ord })));
    for (const { ord, spans } of pending) {
      const text = docs.get(ord)!.text.text;
      for (const span of spans) {
        occurrences++;
        const { left, right } = tokensAround(text, span, options.window);
        for (const token of [...left, ...right]) {
          windowWords++;
          if (options.hideStopWords && STOP_WORDS.has(token.word)) continue;
          let term = terms.get(token.word);
          if (term === undefined) terms.set(token.word, (term = termOf(token.word)));
          let entry = counts.get(term);
          if (!entry) counts.set(term, (entry = { count: 0, forms: new Map() }));
          entry.count++;
          entry.forms.set(token.word, (entry.forms.get(token.word) ?? 0) + 1);
        }
      }
    }
    pending = [];
  };
  for (const match of matchedSpans(prepared, tables)) {
    pending.push(match);
    if (pending.length === BATCH) flush();
  }
  if (pending.length > 0) flush();

  const span = 2 * options.window;
  const collocates: Collocate[] = [];
  for (const [term, { count, forms }] of counts) {
    if (count < options.minCount) continue;
    // A word of the windows is in the index; at least count occurrences exist.
    const frequency = Math.max(count, options.frequencyOf(term));
    const word = [...forms].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]![0];
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
