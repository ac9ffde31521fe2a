import type { Statement } from 'better-sqlite3';
import type { Db } from '../sqlite/open-database';
import { loadDocumentFacts, type DocumentFacts } from './document-facts';
import { decodePostings, fieldOccurrences, keyField, type Postings } from './postings';
import type { Span } from '../../common/search/search-types';
import type { TextWindow } from './snippets';

export type WordEntry = { word: string; term: string };
/**
 * A document found by a search: its text whole, or the window of it asked for (its `length`
 * then only known when the window reaches the end of the text: beyond the window it says only
 * that the text goes on).
 */
/** hidden: the lines the reader folds away (paragraphs.fold), which snippets never show. */
export type IndexedDocument = { ord: number; id: string; title: string; source: string; author: string; date: string; text: TextWindow; hidden: Span[] };
/** A document to read, with the stretch of its text wanted, [from, to) (whole when absent). */
export type DocumentRequest = { ord: number; window?: [number, number] };

/** Read access to a corpus file's search index, term by term, with a small cache. */
export type SearchTables = {
  readonly documentCount: number;
  postings(term: string): Postings | undefined;
  /**
   * Occurrences of each term in one field of every document (0 for a term not indexed), read a
   * batch of terms per statement and not cached: collocates ask this of tens of thousands of
   * rare terms, one statement each took seconds.
   */
  fieldFrequencies(terms: readonly string[], field: number): number[];
  /** Indexed words starting with prefix, shortest first; at most limit. */
  wordsWithPrefix(prefix: string, limit: number): WordEntry[];
  /** Every indexed word with its term (loaded on first use, for fuzzy matching). */
  allWords(): readonly WordEntry[];
  documents(requests: readonly DocumentRequest[]): Map<number, IndexedDocument>;
  /**
   * The whole texts of these documents, by ord, and nothing else: what collocates and the
   * concordance's sorts read of tens of thousands of documents (documents() took 5 times as long).
   */
  texts(ords: readonly number[]): Map<number, string>;
  documentOrd(id: string): number | undefined;
  /** Ids and titles only (no text), by ord. */
  documentNames(ords: readonly number[]): Map<number, { id: string; title: string }>;
  /**
   * Every term's postings once, in term order, a batch at a time, without caching them (corpus-wide
   * statistics). No statement stays open between batches: the consumer may wait between them.
   */
  postingsBatches(): Generator<{ term: string; postings: Postings }[]>;
  /** Titles' order, dates and names of every document, for filters and sorts (loaded on first use). */
  facts(): DocumentFacts;
};

/** Largest number of documents read by one cached statement. */
const MAX_CACHED_STATEMENT = 256;

/** Terms read per statement by fieldFrequencies. */
const FREQUENCY_BATCH = 2000;

/** Bytes of decoded postings kept between queries; frequent terms stay warm. */
const CACHE_BYTES = 48 * 1024 * 1024;

export function createSearchTables(db: Db, documentCount: number): SearchTables {
  const selectPostings = db.prepare('SELECT postings FROM search_terms WHERE term = ?').pluck();
  const selectTexts = db.prepare('SELECT ord, text FROM documents WHERE ord IN (SELECT value FROM json_each(?))').raw();
  const selectBlobs = db.prepare('SELECT term, postings FROM search_terms WHERE term IN (SELECT value FROM json_each(?))');
  const selectPrefix = db.prepare(
    'SELECT word, term FROM search_words WHERE word >= ? AND word < ? ORDER BY length(word), word LIMIT ?',
  );
  const selectWords = db.prepare('SELECT word, term FROM search_words');
  const selectOrd = db.prepare('SELECT ord FROM documents WHERE id = ?').pluck();
  const selectNames = db.prepare('SELECT ord, id, title FROM documents WHERE ord IN (SELECT value FROM json_each(?))');
  const selectHidden = db.prepare(
    "SELECT doc_ord AS ord, start, end FROM paragraphs WHERE doc_ord IN (SELECT value FROM json_each(?)) AND fold != '' ORDER BY doc_ord, idx",
  );
  const selectDocuments = new Map<number, Statement>();
  const cache = new Map<string, Postings | null>();
  let cachedBytes = 0;
  let words: WordEntry[] | undefined;
  let facts: DocumentFacts | undefined;

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
    texts(ords) {
      const out = new Map<number, string>();
      if (ords.length === 0) return out;
      for (const [ord, text] of selectTexts.all(JSON.stringify(ords)) as [number, string][]) out.set(ord, text);
      return out;
    },
    fieldFrequencies(terms, field) {
      const found = new Map<string, number>();
      const wanted: string[] = [];
      for (const term of terms) {
        const hit = cache.get(term);
        if (hit === undefined) wanted.push(term);
        else if (hit !== null) {
          let total = 0;
          for (let entry = 0; entry < hit.count; entry++) if (keyField(hit.keys[entry]!) === field) total += hit.occurrenceCount(entry);
          found.set(term, total);
        }
      }
      for (let from = 0; from < wanted.length; from += FREQUENCY_BATCH) {
        for (const { term, postings } of selectBlobs.all(JSON.stringify(wanted.slice(from, from + FREQUENCY_BATCH))) as { term: string; postings: Buffer }[]) {
          found.set(term, fieldOccurrences(postings, field));
        }
      }
      return terms.map((term) => found.get(term) ?? 0);
    },
    wordsWithPrefix(prefix, limit) {
      return selectPrefix.all(prefix, `${prefix}\u{10FFFF}`, limit) as WordEntry[];
    },
    allWords() {
      return (words ??= selectWords.all() as WordEntry[]);
    },
    documents(requests) {
      const out = new Map<number, IndexedDocument>();
      if (requests.length === 0) return out;
      // One statement per power of two of documents, prepared once, its extra rows matching nothing:
      // a few statements serve every page size, so that early queries seldom have to prepare one.
      const rows = requests.length <= 1 ? 1 : 2 ** Math.ceil(Math.log2(requests.length));
      let select = selectDocuments.get(rows);
      if (!select) {
        // A window is cut by substr() (1-based, in characters) where characters are UTF-16 units:
        // texts without characters beyond the BMP (text_astral = 0); other texts come whole.
        select = db.prepare(
          `WITH w(o, s, l) AS (VALUES ${Array.from({ length: rows }, () => '(?, ?, ?)').join(', ')})
           SELECT d.ord AS ord, d.id AS id, d.title AS title, d.source AS source, d.author AS author, d.date AS date,
                  CASE WHEN d.text_astral OR w.s IS NULL THEN d.text ELSE substr(d.text, w.s + 1, w.l) END AS text,
                  CASE WHEN d.text_astral OR w.s IS NULL THEN 0 ELSE w.s END AS base,
                  d.text_astral OR w.s IS NULL AS whole
             FROM w JOIN documents d ON d.ord = w.o`,
        );
        if (rows <= MAX_CACHED_STATEMENT) selectDocuments.set(rows, select);
      }
      const values: (number | null)[] = [];
      for (const { ord, window } of requests) values.push(ord, window ? window[0] : null, window ? window[1] - window[0] : null);
      while (values.length < rows * 3) values.push(null, null, null);
      const found = select.all(values) as (Omit<IndexedDocument, 'text'> & { text: string; base: number; whole: number })[];
      const wanted = new Map(requests.map((r) => [r.ord, r.window]));
      const hidden = new Map<number, Span[]>();
      for (const { ord, start, end } of selectHidden.all(JSON.stringify(requests.map((r) => r.ord))) as { ord: number; start: number; end: number }[]) {
        let list = hidden.get(ord);
        if (!list) hidden.set(ord, (list = []));
        list.push({ start, end });
      }
      for (const { ord, id, title, source, author, date, text, base, whole } of found) {
        const window = wanted.get(ord)!;
        // A window shorter than asked for ends the text; otherwise the text goes on past it, and
        // reading its length would read all of it: past the window is all a snippet needs to know.
        const ends = whole === 1 || text.length < window[1] - window[0];
        out.set(ord, { ord, id, title, source, author, date, text: { text, base, length: ends ? base + text.length : Number.MAX_SAFE_INTEGER }, hidden: hidden.get(ord) ?? [] });
      }
      return out;
    },
    documentOrd(id) {
      return selectOrd.get(id) as number | undefined;
    },
    documentNames(ords) {
      const rows = selectNames.all(JSON.stringify(ords)) as { ord: number; id: string; title: string }[];
      return new Map(rows.map(({ ord, id, title }) => [ord, { id, title }]));
    },
    *postingsBatches() {
      const select = db.prepare('SELECT term, postings FROM search_terms WHERE term > ? ORDER BY term LIMIT 2000');
      let after = '';
      for (;;) {
        const rows = select.all(after) as { term: string; postings: Buffer }[];
        if (rows.length === 0) return;
        after = rows.at(-1)!.term;
        yield rows.map((row) => ({ term: row.term, postings: decodePostings(row.postings) }));
      }
    },
    facts() {
      return (facts ??= loadDocumentFacts(db, documentCount));
    },
  };
}
