import type { CarrelServices } from '../../common/ipc/ipc-contract';
import type { SearchResponse, Snippet } from '../../common/search/search-types';
import type { CorpusStore } from '../corpus/corpus-store';
import { parseQuery } from '../search/parse-query';
import { QuerySyntaxError } from '../search/query-syntax';
import type { PreparedQuery } from '../search/resolved-query';
import { prepareQuery, runQuery, textSpans, withPostingsMemo } from '../search/search-engine';
import type { SearchTables } from '../search/search-tables';
import { leadSnippet, makeSnippets, snippetWindow } from '../search/snippets';
import { ServiceError } from './service-error';

export type SearchService = Pick<CarrelServices, 'search' | 'findInDocument'>;

/**
 * Search over the corpus's term-sharded index. Nothing is loaded at start-up: each query
 * reads the postings of its own terms (cached), so the first answer is as fast as the next.
 */
export function createSearchService(requireStore: () => CorpusStore): SearchService {
  const prepare = (query: string, tables: SearchTables): PreparedQuery => {
    try {
      return prepareQuery(parseQuery(query), tables);
    } catch (error) {
      if (error instanceof QuerySyntaxError) throw new ServiceError('query-syntax', error.message);
      throw error;
    }
  };
  return {
    search({ query, limit = 50 }): SearchResponse {
      const started = performance.now();
      if (query.trim() === '') return { query, total: 0, tookMs: 0, results: [] };
      const store = requireStore();
      const tables = withPostingsMemo(store.searchTables());
      const prepared = prepare(query, tables);
      const { total, hits, notices } = runQuery(prepared, tables, limit);
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
        const made: Snippet[] = spans.length > 0 ? makeSnippets(doc.text, spans) : leadSnippet(doc.text.text);
        // The page of each snippet's first hit, in a paginated (PDF) document.
        const snippets = made.map((snippet) => {
          const page = store.pageAt(hit.ord, snippet.offset + (snippet.highlights[0]?.start ?? 0));
          return page ? { ...snippet, page } : snippet;
        });
        return { id: doc.id, title: doc.title, source: doc.source, score: hit.score, hitCount: spans.length, snippets };
      });
      const allNotices = [...new Set([...prepared.notices, ...notices])];
      const notice = allNotices.length > 0 ? allNotices.join(' ') : undefined;
      return { query, total, results, tookMs: performance.now() - started, ...(notice ? { notice } : {}) };
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
