import { MAX_CONCORDANCE_LINES, type ConcordanceSort } from '../../common/analysis/analysis-types';
import type { Span } from '../../common/search/search-types';
import { foldWord } from '../search/normalise';
import type { PreparedQuery } from '../search/resolved-query';
import { runQuery, textSpans, withPostingsMemo } from '../search/search-engine';
import type { SearchTables } from '../search/search-tables';
import { collapse, keywordContext, type KeywordContext } from './keyword-context';
import { nthWordBeside } from './window-tokens';

/** Where a line stands, before its context is read: most requests show a page of them. */
export type LinePlace = { ord: number; start: number; end: number };

/** A concordance line before its paragraph is looked up (only the lines shown need that). */
export type RawLine = KeywordContext & LinePlace & { documentId: string; title: string };

export type Concordance = { places: LinePlace[]; truncated: boolean };

/** Documents read per statement. */
const BATCH = 100;

/** The matched spans of every document the query finds, in corpus order, as far as the bound allows. */
export function* matchedSpans(
  prepared: PreparedQuery,
  shared: SearchTables,
): Generator<{ ord: number; spans: Span[] }> {
  const tables = withPostingsMemo(shared);
  const { hits } = runQuery(prepared, tables, tables.documentCount);
  const ords = hits.map((hit) => hit.ord).sort((a, b) => a - b);
  for (const ord of ords) {
    const spans = textSpans(prepared, tables, ord);
    if (spans.length > 0) yield { ord, spans };
  }
}

/**
 * Every occurrence of the query in the text of the corpus, in corpus order (document order, then
 * place in the document); at most MAX_CONCORDANCE_LINES. Only the index is read: no text.
 */
export function findConcordance(prepared: PreparedQuery, tables: SearchTables): Concordance {
  const places: LinePlace[] = [];
  for (const { ord, spans } of matchedSpans(prepared, tables)) {
    for (const span of spans) {
      if (places.length === MAX_CONCORDANCE_LINES) return { places, truncated: true };
      places.push({ ord, start: span.start, end: span.end });
    }
  }
  return { places, truncated: false };
}

/** The lines at these places with `width` words of context, their documents read BATCH at a time. */
export function linesAt(tables: SearchTables, places: readonly LinePlace[], width: number): RawLine[] {
  const lines: RawLine[] = [];
  for (let from = 0; from < places.length; ) {
    const ords = new Set<number>();
    let to = from;
    while (to < places.length && (ords.size < BATCH || ords.has(places[to]!.ord))) ords.add(places[to++]!.ord);
    const docs = tables.documents([...ords].map((ord) => ({ ord })));
    for (let i = from; i < to; i++) {
      const place = places[i]!;
      const doc = docs.get(place.ord)!;
      lines.push({ ...place, documentId: doc.id, title: doc.title, ...keywordContext(doc.text.text, place, width) });
    }
    from = to;
  }
  return lines;
}

const collator = new Intl.Collator('und', { sensitivity: 'base', numeric: true });

/** Texts read per statement by a sort. */
const TEXT_BATCH = 1000;

/**
 * The sort key of each place: the folded keyword, or the n-th word on one side as the line's
 * leftWords / rightWords hold it (nthWordBeside: that word alone, not the line's whole context).
 */
function sortKeys(tables: SearchTables, places: readonly LinePlace[], sort: Exclude<ConcordanceSort, 'corpus'>, width: number): string[] {
  const keys: string[] = [];
  const side = sort.startsWith('left') ? 'left' : 'right';
  const n = Number(sort.slice(-1));
  for (let from = 0; from < places.length; ) {
    const ords = new Set<number>();
    let to = from;
    while (to < places.length && (ords.size < TEXT_BATCH || ords.has(places[to]!.ord))) ords.add(places[to++]!.ord);
    const texts = tables.texts([...ords]);
    for (let i = from; i < to; i++) {
      const place = places[i]!;
      const text = texts.get(place.ord)!;
      keys.push(sort === 'keyword' ? foldWord(collapse(text.slice(place.start, place.end)).toLowerCase()) : nthWordBeside(text, place, width, side, n));
    }
    from = to;
  }
  return keys;
}

/**
 * The order of the places (given in corpus order) sorted as asked, as their indexes: by the key's
 * collation, a line with no word there (the start or end of a text) last, ties in corpus order.
 * The keys (a few thousand distinct words for 100,000 lines) are collated once each and the lines
 * sorted by their ranks: comparing 100,000 strings by the collator in the sort took most of a second.
 */
export function sortPlaces(tables: SearchTables, places: readonly LinePlace[], sort: ConcordanceSort, width: number): Uint32Array {
  const order = new Uint32Array(places.length).map((_, i) => i);
  if (sort === 'corpus') return order;
  const keys = sortKeys(tables, places, sort, width);
  const distinct = [...new Set(keys)].filter((key) => key !== '').sort(collator.compare);
  const rankOf = new Map<string, number>([['', distinct.length]]);
  let rank = 0;
  distinct.forEach((key, i) => {
    // Keys the collator holds equal (a and á) share a rank: their lines stay in corpus order.
    if (i > 0 && collator.compare(distinct[i - 1]!, key) !== 0) rank++;
    rankOf.set(key, rank);
  });
  const ranks = new Uint32Array(keys.length);
  keys.forEach((key, i) => (ranks[i] = rankOf.get(key)!));
  return order.sort((a, b) => ranks[a]! - ranks[b]! || a - b);
}
