import type { CarrelServices } from '../../common/ipc/ipc-contract';
import type { SearchFilterField, SearchFilters, SearchResponse, SearchSort, Snippet } from '../../common/search/search-types';
import { foldForFilter } from '../search/document-facts';
import type { CorpusStore } from '../corpus/corpus-store';
import { parseQuery } from '../search/parse-query';
import { QuerySyntaxError } from '../search/query-syntax';
import type { PreparedQuery } from '../search/resolved-query';
import { prepareQuery, runQuery, textSpans, withPostingsMemo, type RunOptions } from '../search/search-engine';
import type { SearchTables } from '../search/search-tables';
import { leadSnippet, makeSnippets, snippetWindow } from '../search/snippets';
import { ServiceError } from './service-error';

export type SearchService = Pick<CarrelServices, 'search' | 'findInDocument'>;

/**
 * Search over the corpus's term-sharded index. Nothing is loaded at start-up: each query
 * reads the postings of its own terms (cached), so the first answer is as fast as the next.
 */
export function createSearchService(requireStore: () => CorpusStore): SearchService {
  const prepare = (query: string, tables: SearchTables, field?: SearchFilterField): PreparedQuery => {
    try {
      return prepareQuery(parseQuery(query), tables, field);
    } catch (error) {
      if (error instanceof QuerySyntaxError) throw new ServiceError('query-syntax', error.message);
      throw error;
    }
  };
  return {
    search({ query, limit = 50, offset = 0, filters = {}, sort = 'relevance' }): SearchResponse {
      const started = performance.now();
      if (query.trim() === '') return { query, total: 0, offset, tookMs: 0, results: [] };
      const store = requireStore();
      const tables = withPostingsMemo(store.searchTables());
      const prepared = prepare(query, tables, filters.field);
      const { total, hits, notices } = runQuery(prepared, tables, { limit, offset, ...filterAndOrder(tables, filters, sort) });
      // Spans come from the index: only the stretch of each text its snippets show is read.
      const spansOf = new Map(hits.map((hit) => [hit.ord, textSpans(prepared, tables, hit.ord)]));
      const docs = tables.documents(
        hits.map(({ ord }) => {
          const spans = spansOf.get(ord)!;
          return spans.length > 0 ? { ord, window: snippetWindow(spans) } : { ord };
        }),
      );
      const results = hits.map((hit) => {
        const doc = docs.get(hit.ord)!;
        const spans = spansOf.get(hit.ord)!;
        // Never the lines the reader folds away (the title again, site navigation).
        const made: Snippet[] = spans.length > 0 ? makeSnippets(doc.text, spans, { hidden: doc.hidden }) : leadSnippet(doc.text.text, 160, doc.hidden);
        // The page of each snippet's first hit, in a paginated (PDF) document.
        const snippets = made.map((snippet) => {
          const page = store.pageAt(hit.ord, snippet.offset + (snippet.highlights[0]?.start ?? 0));
          return page ? { ...snippet, page } : snippet;
        });
        return { id: doc.id, title: doc.title, source: doc.source, author: doc.author, date: doc.date, score: hit.score, hitCount: spans.length, snippets };
      });
      const allNotices = [...new Set([...prepared.notices, ...notices])];
      const notice = allNotices.length > 0 ? allNotices.join(' ') : undefined;
      return { query, total, offset, results, tookMs: performance.now() - started, ...(notice ? { notice } : {}) };
    },
    findInDocument({ id, query }) {
      if (query.trim() === '') return { id, matches: [] };
      const tables = requireStore().searchTables();
      const ord = tables.documentOrd(id);
      if (ord === undefined) throw new ServiceError('not-found', `No document with id "${id}" in this corpus.`);
      return { id, matches: textSpans(prepare(query, tables), tables, ord) };
    },
  };
}

/** The engine's keep and rank for a search's filters and sort; the documents' facts are read only when needed. */
function filterAndOrder(tables: SearchTables, filters: SearchFilters, sort: SearchSort): Pick<RunOptions, 'keep' | 'rank'> {
  const words = foldForFilter(filters.document ?? '').split(/\s+/).filter(Boolean);
  const from = filters.dateFrom ? pad(filters.dateFrom, '-01-01') : '';
  const to = filters.dateTo ? pad(filters.dateTo, '-12-31') : '';
  const filtered = words.length > 0 || from !== '' || to !== '';
  if (!filtered && sort === 'relevance') return {};
  const facts = tables.facts();
  const keep = filtered
    ? (ord: number) => {
        // A date that may fall in the range is kept ("2017" for June 2017); no date, no match.
        if (from !== '' && (facts.dateHigh[ord] === '' || facts.dateHigh[ord]! < from)) return false;
        if (to !== '' && (facts.dateLow[ord] === '' || facts.dateLow[ord]! > to)) return false;
        const haystack = facts.haystack[ord]!;
        return words.every((word) => haystack.includes(word));
      }
    : undefined;
  const rank = sort === 'title' ? facts.titleRank : sort === 'date-oldest' ? facts.oldestRank : sort === 'date-newest' ? facts.newestRank : undefined;
  return { ...(keep ? { keep } : {}), ...(rank ? { rank } : {}) };
}

/** "2017" as its first day ("-01-01") or last ("-12-31"), "2017-02" likewise; a whole day as it is. */
function pad(date: string, end: '-01-01' | '-12-31'): string {
  if (date.length === 10) return date;
  if (date.length === 7) {
    if (end === '-01-01') return `${date}-01`;
    const [year, month] = date.split('-').map(Number) as [number, number];
    return `${date}-${String(new Date(Date.UTC(year, month, 0)).getUTCDate()).padStart(2, '0')}`;
  }
  return `${date}${end}`;
}
