import lunr from 'lunr';
import type { CarrelServices } from '../../common/ipc/ipc-contract';
import type { SearchResponse, Span } from '../../common/search/search-types';
import type { CorpusStore } from '../corpus/corpus-store';
import { makeSnippets } from '../search/snippets';
import { ServiceError } from './service-error';

export type SearchService = Pick<CarrelServices, 'search' | 'findInDocument'>;

function textSpans(result: lunr.Index.Result): Span[] {
  const spans: Span[] = [];
  const metadata = result.matchData.metadata as Record<string, Record<string, { position?: [number, number][] }>>;
  for (const fields of Object.values(metadata)) {
    for (const [start, length] of fields.text?.position ?? []) spans.push({ start, end: start + length });
  }
  return spans.sort((a, b) => a.start - b.start);
}

/** Search over the corpus's Lunr index, loaded on first use, never at start-up. */
export function createSearchService(requireStore: () => CorpusStore): SearchService {
  let loaded: { store: CorpusStore; index: lunr.Index } | undefined;
  const index = (): lunr.Index => {
    const store = requireStore();
    if (loaded?.store !== store) loaded = { store, index: lunr.Index.load(JSON.parse(store.searchShards()[0] ?? '{}')) };
    return loaded.index;
  };
  const run = (query: string): lunr.Index.Result[] => {
    try {
      return index().search(query);
    } catch (error) {
      if (error instanceof lunr.QueryParseError) throw new ServiceError('query-syntax', `This query cannot be read: ${error.message}.`);
      throw error;
    }
  };
  return {
    search({ query, limit = 50 }): SearchResponse {
      const started = performance.now();
      if (query.trim() === '') return { query, total: 0, tookMs: 0, results: [] };
      const store = requireStore();
      const results = run(query);
      return {
        query,
        total: results.length,
        results: results.slice(0, limit).map((result) => {
          const doc = store.getDocument(result.ref)!;
          const spans = textSpans(result);
          return {
            id: doc.id,
            title: doc.title,
            source: doc.source,
            score: result.score,
            hitCount: spans.length,
            snippets: makeSnippets(doc.text, spans),
          };
        }),
        tookMs: performance.now() - started,
      };
    },
    findInDocument({ id, query }) {
      if (query.trim() === '') return { id, matches: [] };
      const result = run(query).find((r) => r.ref === id);
      return { id, matches: result ? textSpans(result) : [] };
    },
  };
}
