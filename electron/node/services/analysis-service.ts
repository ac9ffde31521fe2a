import type { CarrelServices } from '../../common/ipc/ipc-contract';
import { MAX_CONCORDANCE_DOCUMENTS, type ConcordanceDocumentCount, type ConcordanceLine, type ConcordanceSort, type WordListProgress, type WordListResponse } from '../../common/analysis/analysis-types';
import type { Paragraph } from '../../common/corpus/corpus-types';
import { findCollocates } from '../analysis/collocates';
import { findConcordance, linesAt, sortPlaces, type LinePlace, type RawLine } from '../analysis/concordance';
import type { CorpusStore } from '../corpus/corpus-store';
import { parseQuery } from '../search/parse-query';
import { QuerySyntaxError } from '../search/query-syntax';
import type { PreparedQuery } from '../search/resolved-query';
import { prepareQuery, withPostingsMemo } from '../search/search-engine';
import { TEXT_FIELD } from '../search/search-fields';
import type { SearchTables } from '../search/search-tables';
import { toCsv } from '../analysis/csv';
import { documentDistribution, occurrencesByDocument, periodDistribution } from '../analysis/distribution';
import { buildRelatedIndexPaced, documentTermsPaced, relatedByTerms, type RelatedIndex } from '../analysis/related-documents';
import { CountStopped, countWordsPaced, sortEntries, type WordCounts } from '../analysis/word-list';
import type { FileDialogs } from './file-dialogs';
import { saveExport } from './save-export';
import { createRepeatedPassagesService } from './repeated-passages-service';
import { ServiceError } from './service-error';

export type AnalysisService = Pick<
  CarrelServices,
  'concordance' | 'collocates' | 'exportConcordanceCsv' | 'wordList' | 'wordListProgress' | 'cancelWordList' | 'exportWordListCsv' | 'distribution' | 'relatedDocuments' | 'repeatedPassages' | 'documentRepeats' | 'paragraphElsewhere'
>;

export type AnalysisServiceOptions = { dialogs?: FileDialogs };

/**
 * Corpus-wide counts (word lists, the related-documents index) read the corpus a batch at a time
 * and wait a turn of the event loop between batches, so that the process serving the window
 * answers other requests meanwhile (a search, a page of the library) instead of freezing.
 */
const pause = () => new Promise<void>((resolve) => setImmediate(resolve));

const CONCORDANCE_CSV_HEADER = ['document', 'title', 'paragraph', 'left', 'keyword', 'right', 'start', 'end'];
const concordanceRow = (line: ConcordanceLine) => [line.documentId, line.title, line.paragraph, line.left, line.keyword, line.right, line.start, line.end];

/** A concordance as CSV: one row per line, every line kept (up to MAX_CONCORDANCE_LINES). */
export const concordanceCsv = (lines: readonly ConcordanceLine[]): string => toCsv(CONCORDANCE_CSV_HEADER, lines.map(concordanceRow));

/** A word list as CSV: rank, words, count, documents. */
export const wordListCsv = (list: WordListResponse): string =>
  toCsv([list.n === 1 ? 'word' : `${list.n}-gram`, 'count', 'documents'], list.entries.map((e) => [e.words, e.count, e.documents]));

/** A name for a file from a query: letters, digits and dashes only, never empty. */
const fileStem = (text: string) => text.normalize('NFKC').replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-+|-+$/g, '').slice(0, 60) || 'export';

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
export function createAnalysisService(requireStore: () => CorpusStore, options: AnalysisServiceOptions = {}): AnalysisService {
  let wordLists: { store: CorpusStore; key: string; counts: Promise<WordCounts>; progress: WordListProgress & { cancelled: boolean } } | undefined;
  let related: { store: CorpusStore; index: Promise<RelatedIndex>; answers: Map<string, { id: string; title: string; score: number }[]> } | undefined;
  let documentList: { store: CorpusStore; documents: ReturnType<CorpusStore['listDocuments']> } | undefined;
  const documentsOf = (store: CorpusStore) => {
    if (documentList?.store !== store) documentList = { store, documents: store.listDocuments() };
    return documentList.documents;
  };
  // The lines' places are found first (the index only); their context is read for the lines asked for,
  // or for all of them once a sort by context or the export needs it.
  let last:
    | {
        store: CorpusStore;
        key: string;
        tables: SearchTables;
        places: LinePlace[];
        truncated: boolean;
        notice?: string;
        documents?: { listed: ConcordanceDocumentCount[]; total: number };
        all?: RawLine[];
        /** Per sort by context, the places' indexes in that order. */
        sorted: Map<ConcordanceSort, Uint32Array>;
      }
    | undefined;
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
      const corpusWords = store.wordCount();
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

  const concordanceOf = (store: CorpusStore, query: string, width: number) => {
    const key = JSON.stringify([query, width]);
    if (last?.store !== store || last.key !== key) {
      const tables = withPostingsMemo(store.searchTables());
      const prepared = prepare(query, tables);
      const { places, truncated } = findConcordance(prepared, tables);
      last = { store, key, tables, places, truncated, sorted: new Map(), ...(prepared.notices.length > 0 ? { notice: prepared.notices.join(' ') } : {}) };
    }
    return last;
  };
  type Cached = NonNullable<typeof last>;
  const allLines = (cache: Cached, width: number) => (cache.all ??= linesAt(cache.tables, cache.places, width));
  /** The lines chosen (sorted, in one document or all), as places or, once every line was made (an export), as lines. */
  const chosenLines = (cache: Cached, width: number, sort: ConcordanceSort, documentId: string | undefined): readonly (LinePlace | RawLine)[] => {
    const ord = documentId === undefined ? undefined : (cache.tables.documentOrd(documentId) ?? -1);
    const base: readonly (LinePlace | RawLine)[] = cache.all ?? cache.places;
    let lines: readonly (LinePlace | RawLine)[];
    if (sort === 'corpus') lines = base;
    else {
      // A sort reads only each line's key word; the lines shown are made as for corpus order.
      let sorted = cache.sorted.get(sort);
      if (!sorted) cache.sorted.set(sort, (sorted = sortPlaces(cache.tables, cache.places, sort, width)));
      lines = Array.from(sorted, (i) => base[i]!);
    }
    return ord === undefined ? lines : lines.filter((line) => line.ord === ord);
  };
  const withContext = (cache: Cached, width: number, lines: readonly (LinePlace | RawLine)[]): RawLine[] => {
    const missing = lines.filter((line) => !('keyword' in line));
    const made = missing.length === 0 ? [] : linesAt(cache.tables, missing, width);
    let next = 0;
    return lines.map((line) => ('keyword' in line ? line : made[next++]!));
  };
  /** Lines per document, most first (ties in library order); the listed ones named. */
  const concordanceDocuments = (cache: Cached) => {
    if (!cache.documents) {
      const counts = new Map<number, number>();
      for (const { ord } of cache.places) counts.set(ord, (counts.get(ord) ?? 0) + 1);
      const top = [...counts].sort((a, b) => b[1] - a[1] || a[0] - b[0]).slice(0, MAX_CONCORDANCE_DOCUMENTS);
      const names = cache.tables.documentNames(top.map(([ord]) => ord));
      cache.documents = { listed: top.map(([ord, lines]) => ({ ...names.get(ord)!, lines })), total: counts.size };
    }
    return cache.documents;
  };
  // One count per corpus and options at a time: a second request for the same waits for the first.
  const wordList = (store: CorpusStore, n: number, documentIds: readonly string[] | undefined, hideStopWords: boolean): Promise<WordCounts> => {
    const ids = documentIds && documentIds.length > 0 ? [...new Set(documentIds)].sort() : undefined;
    const key = JSON.stringify([n, ids ?? null, hideStopWords]);
    if (wordLists?.store !== store || wordLists.key !== key) {
      // A new count replaces one still running: that one stops at its next batch.
      if (wordLists) wordLists.progress.cancelled = true;
      const progress = { running: true, documentsDone: 0, documentsTotal: ids ? ids.length : store.info.documentCount, cancelled: false };
      const watcher = { counted: (done: number) => (progress.documentsDone = done), stopped: () => progress.cancelled };
      const counts = countWordsPaced(store.textBatches(ids), { n, hideStopWords }, pause, watcher).catch((error: unknown) => {
        if (error instanceof CountStopped) throw new ServiceError('cancelled', 'The word list was cancelled before it was counted. Count it again when you need it.');
        throw error;
      });
      wordLists = { store, key, counts, progress };
      // A failed or cancelled count is not kept: the next request counts again.
      counts.then(
        () => (progress.running = false),
        () => {
          progress.running = false;
          if (wordLists?.counts === counts) wordLists = undefined;
        },
      );
    }
    return wordLists.counts;
  };
  const wordListResponse = async (input: { n?: number; documentIds?: string[]; hideStopWords?: boolean; sort?: 'count' | 'word' }, started: number): Promise<WordListResponse> => {
    const { n = 1, documentIds, hideStopWords = false, sort = 'count' } = input;
    const counts = await wordList(requireStore(), n, documentIds, hideStopWords);
    return { n, documents: counts.documents, tokens: counts.tokens, distinct: counts.distinct, truncated: counts.truncated, entries: sortEntries(counts.entries, sort), tookMs: performance.now() - started };
  };

  return {
    wordListProgress() {
      if (!wordLists) return { running: false, documentsDone: 0, documentsTotal: 0 };
      const { running, documentsDone, documentsTotal } = wordLists.progress;
      return { running, documentsDone, documentsTotal };
    },
    cancelWordList() {
      const running = wordLists?.progress.running === true;
      if (running) wordLists!.progress.cancelled = true;
      return { cancelled: running };
    },
    ...createRepeatedPassagesService(requireStore),
    concordance({ query, width = 8, sort = 'corpus', documentId, offset = 0, limit = 200 }) {
      const started = performance.now();
      const store = requireStore();
      if (query.trim() === '') return { query, total: 0, truncated: false, offset, lines: [], documents: [], documentsTotal: 0, tookMs: 0 };
      const cache = concordanceOf(store, query, width);
      const chosen = chosenLines(cache, width, sort, documentId);
      const documents = concordanceDocuments(cache);
      return {
        query,
        total: chosen.length,
        truncated: cache.truncated,
        offset,
        lines: withParagraphs(store, withContext(cache, width, chosen.slice(offset, offset + limit))),
        documents: documents.listed,
        documentsTotal: documents.total,
        tookMs: performance.now() - started,
        ...(cache.notice ? { notice: cache.notice } : {}),
      };
    },
    collocates({ query, window = 5, hideStopWords = true, minCount = 2, limit = 100 }) {
      const started = performance.now();
      const store = requireStore();
      if (query.trim() === '') return { query, window, occurrences: 0, corpusWords: 0, collocates: [], tookMs: 0 };
      const tables = withPostingsMemo(store.searchTables());
      const prepared = prepare(query, tables);
      const { corpusWords, frequencies } = statsOf(store);
      const frequenciesOf = (terms: readonly string[]) => {
        const missing = terms.filter((term) => !frequencies.has(term));
        tables.fieldFrequencies(missing, TEXT_FIELD).forEach((f, i) => frequencies.set(missing[i]!, f));
        return terms.map((term) => frequencies.get(term)!);
      };
      const { occurrences, collocates } = findCollocates(prepared, tables, { window, hideStopWords, minCount, corpusWords, frequenciesOf });
      return { query, window, occurrences, corpusWords, collocates: collocates.slice(0, limit), tookMs: performance.now() - started };
    },
    async exportConcordanceCsv({ query, width = 8, sort = 'corpus', documentId }) {
      const store = requireStore();
      if (query.trim() === '') throw new ServiceError('invalid-argument', 'Type a query first: there is no concordance to export.');
      // The query is checked before the dialog opens: a bad one is said at once.
      concordanceOf(store, query, width);
      return saveExport(
        options.dialogs,
        { title: 'Export the concordance as CSV', suggestedName: `concordance-${fileStem(query)}.csv`, filters: [{ name: 'CSV (spreadsheet)', extensions: ['csv'] }] },
        () => {
          const cache = concordanceOf(store, query, width);
          allLines(cache, width);
          const chosen = withContext(cache, width, chosenLines(cache, width, sort, documentId));
          return { text: concordanceCsv(withParagraphs(store, chosen)), rows: chosen.length };
        },
      );
    },
    wordList(input) {
      return wordListResponse(input, performance.now());
    },
    async exportWordListCsv(input) {
      const list = await wordListResponse(input, performance.now());
      const name = list.n === 1 ? 'word-list' : `${list.n}-grams`;
      return saveExport(options.dialogs, { title: 'Export the word list as CSV', suggestedName: `${name}.csv`, filters: [{ name: 'CSV (spreadsheet)', extensions: ['csv'] }] }, () => ({
        text: wordListCsv(list),
        rows: list.entries.length,
      }));
    },
    distribution({ query }) {
      const started = performance.now();
      const store = requireStore();
      if (query.trim() === '') return { query, occurrences: 0, documents: [], truncated: false, periods: [], tookMs: 0 };
      const tables = withPostingsMemo(store.searchTables());
      const prepared = prepare(query, tables);
      const counts = occurrencesByDocument(prepared, tables);
      const documents = documentsOf(store);
      const { bars, truncated } = documentDistribution(counts, documents);
      let occurrences = 0;
      for (const count of counts.values()) occurrences += count;
      return {
        query,
        occurrences,
        documents: bars,
        truncated,
        periods: periodDistribution(counts, documents),
        tookMs: performance.now() - started,
        ...(prepared.notices.length > 0 ? { notice: prepared.notices.join(' ') } : {}),
      };
    },
    async relatedDocuments({ documentId, limit = 8 }) {
      const started = performance.now();
      const store = requireStore();
      const tables = store.searchTables();
      const ord = tables.documentOrd(documentId);
      if (ord === undefined) throw new ServiceError('not-found', 'That document is not in the open corpus.');
      if (related?.store !== store) {
        const index = buildRelatedIndexPaced(tables, pause);
        related = { store, index, answers: new Map() };
        index.catch(() => {
          if (related?.index === index) related = undefined;
        });
      }
      const cache = related;
      const index = await cache.index;
      let answer = cache.answers.get(documentId);
      if (!answer) {
        const text = store.getDocument(documentId)?.text ?? '';
        const found = relatedByTerms(index, tables, ord, await documentTermsPaced(text, pause), 50);
        const names = tables.documentNames(found.map((r) => r.ord));
        answer = found.map(({ ord: other, score }) => ({ ...names.get(other)!, score: Math.round(score * 1000) / 1000 })).filter((r) => r.score > 0);
        if (cache.answers.size >= 1000) cache.answers.clear();
        cache.answers.set(documentId, answer);
      }
      return { documentId, related: answer.slice(0, limit), tookMs: performance.now() - started };
    },
  };
}
