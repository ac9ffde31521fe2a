import type { CarrelServices } from '../../common/ipc/ipc-contract';
import type { ConcordanceLine, ConcordanceSort } from '../../common/analysis/analysis-types';
import type { Paragraph } from '../../common/corpus/corpus-types';
import { findCollocates, termFrequency } from '../analysis/collocates';
import { buildConcordance, sortLines, type RawLine } from '../analysis/concordance';
import type { CorpusStore } from '../corpus/corpus-store';
import { parseQuery } from '../search/parse-query';
import { QuerySyntaxError } from '../search/query-syntax';
import type { PreparedQuery } from '../search/resolved-query';
import { prepareQuery, withPostingsMemo } from '../search/search-engine';
import type { SearchTables } from '../search/search-tables';
import { ServiceError } from './service-error';

export type AnalysisService = Pick<CarrelServices, 'concordance' | 'collocates'>;

/** The paragraph (1-based) holding an offset, by binary search over paragraphs in order. */
export function paragraphAt(paragraphs: readonly Paragraph[], offset: number): number {
  let lo = 0;
  let hi = paragraphs.length - 1;
  let found = 0;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (paragraphs[mid]!.start <= offset) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found + 1;
}

/**
 * Concordance and collocates of the open corpus. The last concordance is kept (per corpus,
 * query and width) so that paging, sorting and the document filter do not search again;
 * term frequencies and the corpus's word count are kept per corpus.
 */
export function createAnalysisService(requireStore: () => CorpusStore): AnalysisService {
  let last: { store: CorpusStore; key: string; lines: RawLine[]; truncated: boolean; sorted: Map<ConcordanceSort, RawLine[]> } | undefined;
  let stats: { store: CorpusStore; corpusWords: number; frequencies: Map<string, number> } | undefined;

  const prepare = (query: string, tables: SearchTables): PreparedQuery => {
    try {
      return prepareQuery(parseQuery(query), tables);
    } catch (error) {
      if (error instanceof QuerySyntaxError) throw new ServiceError('query-syntax', error.message);
      throw error;
    }
  };
  const statsOf = (store: CorpusStore) => {
    if (stats?.store !== store) {
      const corpusWords = store.listDocuments().reduce((sum, doc) => sum + doc.wordCount, 0);
      stats = { store, corpusWords, frequencies: new Map() };
    }
    return stats;
  };
  const withParagraphs = (store: CorpusStore, lines: RawLine[]): ConcordanceLine[] => {
    const paragraphs = new Map<string, Paragraph[]>();
    return lines.map((line) => {
      let list = paragraphs.get(line.documentId);
      if (!list) paragraphs.set(line.documentId, (list = store.getDocument(line.documentId)?.paragraphs ?? []));
      return {
        documentId: line.documentId,
        title: line.title,
        paragraph: paragraphAt(list, line.start),
        start: line.start,
        end: line.end,
        left: line.left,
        keyword: line.keyword,
        right: line.right,
      };
    });
  };

  return {
    concordance({ query, width = 8, sort = 'corpus', documentId, offset = 0, limit = 200 }) {
      const started = performance.now();
      const store = requireStore();
      if (query.trim() === '') return { query, total: 0, truncated: false, offset, lines: [], documents: [], tookMs: 0 };
      const key = JSON.stringify([query, width]);
      let notice: string | undefined;
      if (last?.store !== store || last.key !== key) {
        const tables = withPostingsMemo(store.searchTables());
        const prepared = prepare(query, tables);
        const { lines, truncated } = buildConcordance(prepared, tables, width);
        if (prepared.notices.length > 0) notice = prepared.notices.join(' ');
        last = { store, key, lines, truncated, sorted: new Map() };
      }
      const cache = last;
      let sorted = cache.sorted.get(sort);
      if (!sorted) cache.sorted.set(sort, (sorted = sortLines(cache.lines, sort)));
      const chosen = documentId ? sorted.filter((line) => line.documentId === documentId) : sorted;
      const perDocument = new Map<string, { id: string; title: string; lines: number }>();
      for (const line of cache.lines) {
        const entry = perDocument.get(line.documentId);
        if (entry) entry.lines++;
        else perDocument.set(line.documentId, { id: line.documentId, title: line.title, lines: 1 });
      }
      return {
        query,
        total: chosen.length,
        truncated: cache.truncated,
        offset,
        lines: withParagraphs(store, chosen.slice(offset, offset + limit)),
        documents: [...perDocument.values()].sort((a, b) => b.lines - a.lines || (a.title < b.title ? -1 : 1)),
        tookMs: performance.now() - started,
        ...(notice ? { notice } : {}),
      };
    },
    collocates({ query, window = 5, hideStopWords = true, minCount = 2, limit = 100 }) {
      const started = performance.now();
      const store = requireStore();
      if (query.trim() === '') return { query, window, occurrences: 0, corpusWords: 0, collocates: [], tookMs: 0 };
      const tables = withPostingsMemo(store.searchTables());
      const prepared = prepare(query, tables);
      const { corpusWords, frequencies } = statsOf(store);
      const frequencyOf = (term: string) => {
        let f = frequencies.get(term);
        if (f === undefined) frequencies.set(term, (f = termFrequency(tables, term)));
        return f;
      };
      const { occurrences, collocates } = findCollocates(prepared, tables, { window, hideStopWords, minCount, corpusWords, frequencyOf });
      return { query, window, occurrences, corpusWords, collocates: collocates.slice(0, limit), tookMs: performance.now() - started };
    },
  };
}
