import { MAX_CONCORDANCE_LINES, type ConcordanceSort } from '../../common/analysis/analysis-types';
import type { Span } from '../../common/search/search-types';
import { foldWord } from '../search/normalise';
import type { PreparedQuery } from '../search/resolved-query';
import { runQuery, textSpans, withPostingsMemo } from '../search/search-engine';
import type { SearchTables } from '../search/search-tables';
import { keywordContext, type KeywordContext } from './keyword-context';

/** A concordance line before its paragraph is looked up (only the lines shown need that). */
export type RawLine = KeywordContext & { ord: number; documentId: string; title: string; start: number; end: number };

export type Concordance = { lines: RawLine[]; truncated: boolean };

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
 * Every occurrence of the query in the text of the corpus, with `width` words of context,
 * in corpus order (document order, then place in the document); at most MAX_CONCORDANCE_LINES.
 */
export function buildConcordance(prepared: PreparedQuery, tables: SearchTables, width: number): Concordance {
  const lines: RawLine[] = [];
  let pending: { ord: number; spans: Span[] }[] = [];
  let truncated = false;
  const flush = () => {
    const docs = tables.documents(pending.map(({ ord }) => ({ ord })));
    for (const { ord, spans } of pending) {
      const doc = docs.get(ord)!;
      for (const span of spans) {
        if (lines.length === MAX_CONCORDANCE_LINES) {
          truncated = true;
          return;
        }
        lines.push({ ord, documentId: doc.id, title: doc.title, start: span.start, end: span.end, ...keywordContext(doc.text.text, span, width) });
      }
    }
    pending = [];
  };
  for (const match of matchedSpans(prepared, tables)) {
    pending.push(match);
    if (pending.length === BATCH) flush();
    if (truncated) break;
  }
  if (!truncated && pending.length > 0) flush();
  return { lines, truncated };
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
