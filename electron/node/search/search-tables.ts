import type { Statement } from 'better-sqlite3';
import type { Db } from '../sqlite/open-database';
import { decodePostings, type Postings } from './postings';

export type WordEntry = { word: string; term: string };
export type IndexedDocument = { ord: number; id: string; title: string; source: string; text: string };

/** Read access to a corpus file's search index, term by term, with a small cache. */
export type SearchTables = {
  readonly documentCount: number;
  postings(term: string): Postings | undefined;
  /** Indexed words starting with prefix, shortest first; at most limit. */
  wordsWithPrefix(prefix: string, limit: number): WordEntry[];
  /** Every indexed word with its term (loaded on first use, for fuzzy matching). */
  allWords(): readonly WordEntry[];
  documents(ords: readonly number[]): Map<number, IndexedDocument>;
  documentOrd(id: string): number | undefined;
};

/** Largest number of documents read by one cached statement. */
const MAX_CACHED_STATEMENT = 200;

/** Bytes of decoded postings kept between queries; frequent terms stay warm. */
const CACHE_BYTES = 48 * 1024 * 1024;

export function createSearchTables(db: Db, documentCount: number): SearchTables {
  const selectPostings = db.prepare('SELECT postings FROM search_terms WHERE term = ?').pluck();
  const selectPrefix = db.prepare(
    'SELECT word, term FROM search_words WHERE word >= ? AND word < ? ORDER BY length(word), word LIMIT ?',
  );
  const selectWords = db.prepare('SELECT word, term FROM search_words');
  const selectOrd = db.prepare('SELECT ord FROM documents WHERE id = ?').pluck();
  const selectDocuments = new Map<number, Statement>();
  const cache = new Map<string, Postings | null>();
  let cachedBytes = 0;
  let words: WordEntry[] | undefined;

  return {
    documentCount,
    postings(term) {
      const hit = cache.get(term);
      if (hit !== undefined) {
        // Re-insert: Map order is the eviction order (least recently used first).
        cache.delete(term);
        cache.set(term, hit);
        return hit ?? undefined;
      }
      const blob = selectPostings.get(term) as Buffer | undefined;
      const postings = blob ? decodePostings(blob) : null;
      cache.set(term, postings);
      cachedBytes += postings?.byteLength ?? 16;
      for (const [key, value] of cache) {
        if (cachedBytes <= CACHE_BYTES) break;
        cache.delete(key);
        cachedBytes -= value?.byteLength ?? 16;
      }
      return postings ?? undefined;
    },
    wordsWithPrefix(prefix, limit) {
      return selectPrefix.all(prefix, `${prefix}\u{10FFFF}`, limit) as WordEntry[];
    },
    allWords() {
      return (words ??= selectWords.all() as WordEntry[]);
    },
    documents(ords) {
      const out = new Map<number, IndexedDocument>();
      if (ords.length === 0) return out;
      // One statement per number of ords (a page of results is at most a few hundred), prepared once.
      let select = selectDocuments.get(ords.length);
      if (!select) {
        select = db.prepare(`SELECT ord, id, title, source, text FROM documents WHERE ord IN (${ords.map(() => '?').join(',')})`);
        if (ords.length <= MAX_CACHED_STATEMENT) selectDocuments.set(ords.length, select);
      }
      const rows = select.all(...ords) as IndexedDocument[];
      for (const row of rows) out.set(row.ord, row);
      return out;
    },
    documentOrd(id) {
      return selectOrd.get(id) as number | undefined;
    },
  };
}
