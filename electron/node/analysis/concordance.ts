import { MAX_CONCORDANCE_LINES, type ConcordanceSort } from '../../common/analysis/analysis-types';
import type { Span } from '../../common/search/search-types';
import { foldWord } from '../search/normalise';
import type { PreparedQuery } from '../search/resolved-query';
import { runQuery, textSpans, withPostingsMemo } from '../search/search-engine';
import type { SearchTables } from '../search/search-tables';
import { keywordContext, type KeywordContext } from './keyword-context';

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
const byCorpus = (a: RawLine, b: RawLine) => a.ord - b.ord || a.start - b.start;

function sortKey(line: RawLine, sort: ConcordanceSort): string {
  if (sort === 'keyword') return foldWord(line.keyword.toLowerCase());
  const n = Number(sort.slice(-1)) - 1;
  return (sort.startsWith('left') ? line.leftWords[n] : line.rightWords[n]) ?? '';
}

/** Lines in the order asked for; ties (and 'corpus') keep corpus order. Sorts a copy. */
export function sortLines(lines: readonly RawLine[], sort: ConcordanceSort): RawLine[] {
  if (sort === 'corpus') return [...lines].sort(byCorpus);
  const keys = new Map(lines.map((line) => [line, sortKey(line, sort)]));
  return [...lines].sort((a, b) => {
    const ka = keys.get(a)!;
    const kb = keys.get(b)!;
    // A line with no word there (the start or end of a text) comes last.
    if (ka === '' || kb === '') return (ka === '' ? 1 : 0) - (kb === '' ? 1 : 0) || byCorpus(a, b);
    return collator.compare(ka, kb) || byCorpus(a, b);
  });
}
