import { termOf } from '../search/analyse';
import { docKey, keyField, keyOrd, type Postings } from '../search/postings';
import { TEXT_FIELD } from '../search/search-fields';
import type { SearchTables } from '../search/search-tables';
import { forEachToken } from '../search/tokenise';
import { STOP_WORDS } from './stop-words';

/** Index terms of the function words (stop-words.ts): left out of every vector, as "more like this" searches do. */
let stopTerms: Set<string> | undefined;
export const isStopTerm = (term: string): boolean => (stopTerms ??= new Set([...STOP_WORDS].map(termOf))).has(term);

/**
 * What TF-IDF cosine needs of a corpus, read once from its postings (text field only): each
 * term's document frequency and each document's vector length. A term's weight in a document
 * is its stored length-normalised frequency (postings.ts) times idf = ln(N / df); within one
 * document the normalisation is the same for every term, so the weights are proportional to
 * the raw counts and the cosine is the classic TF-IDF cosine. Function words are left out: in a
 * small corpus their idf is not zero, and "the" would make every English text like every other.
 */
export type RelatedIndex = { documents: number; df: Map<string, number>; norms: Float64Array };

export function buildRelatedIndex(tables: SearchTables): RelatedIndex {
  const builder = relatedIndexBuilder(tables.documentCount);
  for (const batch of tables.postingsBatches()) builder.add(batch);
  return builder.finish();
}

/** buildRelatedIndex, letting other work run between batches of terms (`pause`). */
export async function buildRelatedIndexPaced(tables: SearchTables, pause: () => Promise<void>): Promise<RelatedIndex> {
  const builder = relatedIndexBuilder(tables.documentCount);
  for (const batch of tables.postingsBatches()) {
    builder.add(batch);
    await pause();
  }
  return builder.finish();
}

function relatedIndexBuilder(n: number): { add(batch: readonly { term: string; postings: Postings }[]): void; finish(): RelatedIndex } {
  const df = new Map<string, number>();
  const sums = new Float64Array(n);
  const visit = (term: string, postings: Postings) => {
    let count = 0;
    for (let i = 0; i < postings.count; i++) if (keyField(postings.keys[i]!) === TEXT_FIELD) count++;
    if (count === 0 || isStopTerm(term)) return;
    df.set(term, count);
    const idf = Math.log(n / count);
    if (idf === 0) return;
    for (let i = 0; i < postings.count; i++) {
      const key = postings.keys[i]!;
      if (keyField(key) !== TEXT_FIELD) continue;
      const w = postings.weights[i]! * idf;
      sums[keyOrd(key)]! += w * w;
    }
  };
  return {
    add: (batch) => batch.forEach(({ term, postings }) => visit(term, postings)),
    finish: () => ({ documents: n, df, norms: sums.map(Math.sqrt) }),
  };
}

/** Terms of the document that score the others: its heaviest, so a long book costs no more than a page. */
export const QUERY_TERMS = 100;

/**
 * The documents most like one (by ord), best first: cosine of the TF-IDF vectors, scored over the
 * document's QUERY_TERMS heaviest terms (their postings only) and divided by both full vector
 * lengths. Documents with nothing in common are left out.
 */
export function relatedDocuments(index: RelatedIndex, tables: SearchTables, ord: number, text: string, limit: number): { ord: number; score: number }[] {
  const tf = new Map<string, number>();
  countTerms(text, tf);
  return relatedByTerms(index, tables, ord, tf, limit);
}

/** Characters of text counted between pauses (a book's 5 MB took seconds at once, on main's thread). */
export const TERMS_CHUNK = 64 * 1024;

/** The index terms of a text and their counts, letting other work run between chunks of it (`pause`). */
export async function documentTermsPaced(text: string, pause: () => Promise<void>, chunk = TERMS_CHUNK): Promise<Map<string, number>> {
  const tf = new Map<string, number>();
  for (let start = 0; start < text.length; ) {
    // Cut at a blank, which no word holds: each chunk's words are the text's words.
    let end = Math.min(text.length, start + chunk);
    while (end < text.length && !isBlank(text.charCodeAt(end))) end++;
    countTerms(text.slice(start, end), tf);
    start = end;
    if (start < text.length) await pause();
  }
  return tf;
}

const isBlank = (code: number) => code === 32 || code === 10 || code === 9 || code === 13;

function countTerms(text: string, tf: Map<string, number>): void {
  forEachToken(text, (word) => {
    if (STOP_WORDS.has(word)) return;
    const term = termOf(word);
    tf.set(term, (tf.get(term) ?? 0) + 1);
  });
}

/** The documents most like one whose terms (and counts) are `tf`: TF-IDF cosine, best first. */
export function relatedByTerms(index: RelatedIndex, tables: SearchTables, ord: number, tf: Map<string, number>, limit: number): { ord: number; score: number }[] {
  const weights: [string, number][] = [];
  let sum = 0;
  for (const [term, count] of tf) {
    const df = index.df.get(term);
    if (!df) continue;
    const w = count * Math.log(index.documents / df);
    if (w <= 0) continue;
    weights.push([term, w]);
    sum += w * w;
  }
  const norm = Math.sqrt(sum);
  if (norm === 0 || limit < 1) return [];
  weights.sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  // Dot products in an array of the corpus's size, reused (a common term touches most documents:
  // a Map and a sort of them all cost ~100 ms a call on 126k documents); the best kept as found.
  const { scores, touched } = scratchOf(index);
  let touchedCount = 0;
  const self = docKey(ord, TEXT_FIELD);
  for (const [term, w] of weights.slice(0, QUERY_TERMS)) {
    const postings = tables.postings(term);
    if (!postings) continue;
    const idf = Math.log(index.documents / index.df.get(term)!);
    for (let i = 0; i < postings.count; i++) {
      const key = postings.keys[i]!;
      if (keyField(key) !== TEXT_FIELD || key === self) continue;
      const other = keyOrd(key);
      if (scores[other] === 0) touched[touchedCount++] = other;
      scores[other]! += w * postings.weights[i]! * idf;
    }
  }
  const best: { ord: number; score: number }[] = [];
  const ahead = (a: { ord: number; score: number }, b: { ord: number; score: number }) => b.score - a.score || a.ord - b.ord;
  for (let t = 0; t < touchedCount; t++) {
    const other = touched[t]!;
    const dot = scores[other]!;
    scores[other] = 0;
    const score = index.norms[other]! > 0 ? dot / (norm * index.norms[other]!) : 0;
    if (!(score > 0)) continue;
    const entry = { ord: other, score };
    if (best.length === limit && ahead(entry, best[limit - 1]!) >= 0) continue;
    let i = best.length < limit ? best.push(entry) - 1 : limit - 1;
    best[i] = entry;
    for (; i > 0 && ahead(best[i]!, best[i - 1]!) < 0; i--) [best[i], best[i - 1]] = [best[i - 1]!, best[i]!];
  }
  return best;
}

const scratch = new WeakMap<RelatedIndex, { scores: Float64Array; touched: Uint32Array }>();
function scratchOf(index: RelatedIndex) {
  let arrays = scratch.get(index);
  if (!arrays) scratch.set(index, (arrays = { scores: new Float64Array(index.documents), touched: new Uint32Array(index.documents) }));
  return arrays;
}
