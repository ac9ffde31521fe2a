import type { CorpusInfo, DocumentHeading, DocumentLink, DocumentMeta, OriginalAvailability, Paragraph } from '../../common/corpus/corpus-types';
import type { LibraryRow } from '../../common/corpus/library-types';
import type { Db } from '../sqlite/open-database';
import { META } from './corpus-format';

type DocumentRow = {
  ord: number;
  id: string;
  title: string;
  source: string;
  author: string;
  language: string;
  original_file: string;
  source_path: string;
  format: string;
  date: string;
  description: string;
  word_count: number;
  sha256: string;
};

const META_COLUMNS =
  'ord, id, title, source, author, language, original_file, source_path, format, date, description, word_count, sha256';

function toDocumentMeta(row: DocumentRow): DocumentMeta {
  return {
    id: row.id,
    title: row.title,
    source: row.source,
    author: row.author,
    language: row.language,
    originalFile: row.original_file,
    sourcePath: row.source_path,
    format: row.format,
    date: row.date,
    description: row.description,
    wordCount: row.word_count,
    sha256: row.sha256,
  };
}

export function readMeta(db: Db): Map<string, string> {
  const rows = db.prepare('SELECT key, value FROM meta').all() as { key: string; value: string }[];
  return new Map(rows.map((row) => [row.key, row.value]));
}

export function listDocumentMetas(db: Db): DocumentMeta[] {
  const rows = db.prepare(`SELECT ${META_COLUMNS} FROM documents ORDER BY ord`).all() as DocumentRow[];
  return rows.map(toDocumentMeta);
}

/**
 * Rows [offset, offset + limit) of the library. The builder numbers documents 0..n-1 in
 * library order (ord), so a page is a primary-key range, as cheap at row 120,000 as at row 0.
 */
export function listLibraryRows(db: Db, offset: number, limit: number): Omit<LibraryRow, 'progress'>[] {
  return db
    .prepare(
      'SELECT id, title, source, author, language, date, word_count AS wordCount FROM documents WHERE ord >= ? ORDER BY ord LIMIT ?',
    )
    .all(offset, limit) as Omit<LibraryRow, 'progress'>[];
}

/**
 * The metadata of some documents, by id, with their library position (ord): what the
 * notebook needs for the documents that have notes, without reading the whole library.
 */
export function findDocumentMetas(db: Db, ids: readonly string[]): Map<string, DocumentMeta & { ord: number }> {
  const select = db.prepare(`SELECT ${META_COLUMNS} FROM documents WHERE id IN (SELECT value FROM json_each(?))`);
  const found = new Map<string, DocumentMeta & { ord: number }>();
  for (let i = 0; i < ids.length; i += 1000) {
    for (const row of select.all(JSON.stringify(ids.slice(i, i + 1000))) as DocumentRow[]) {
      found.set(row.id, { ...toDocumentMeta(row), ord: row.ord });
    }
  }
  return found;
}

/** A document's position in the library, or -1. */
export function libraryPosition(db: Db, id: string): number {
  const row = db.prepare('SELECT ord FROM documents WHERE id = ?').get(id) as { ord: number } | undefined;
  return row ? row.ord : -1;
}

export function findDocument(db: Db, id: string): (DocumentMeta & { ord: number; text: string }) | undefined {
  const row = db.prepare(`SELECT ${META_COLUMNS}, text FROM documents WHERE id = ?`).get(id) as
    | (DocumentRow & { text: string })
    | undefined;
  return row && { ...toDocumentMeta(row), ord: row.ord, text: row.text };
}

export function countParagraphs(db: Db, docOrd: number): number {
  return db.prepare('SELECT COUNT(*) FROM paragraphs WHERE doc_ord = ?').pluck().get(docOrd) as number;
}

/** A document's paragraphs in order (the first `limit` of them if given). */
export function listParagraphs(db: Db, docOrd: number, limit = -1): Paragraph[] {
  const rows = db
    .prepare('SELECT start, end, kind, lang, dir, page, fold FROM paragraphs WHERE doc_ord = ? ORDER BY idx LIMIT ?')
    .all(docOrd, limit) as (Paragraph & { lang: string; dir: string; page: string; fold: string })[];
  // lang, dir, page and fold only where they say something: most paragraphs cross IPC as before.
  return rows.map(({ lang, dir, page, fold, ...paragraph }) => ({
    ...paragraph,
    ...(lang ? { lang } : {}),
    ...(dir === 'rtl' || dir === 'ltr' ? { dir } : {}),
    ...(page ? { page } : {}),
    ...(fold === 'title' || fold === 'navigation' || fold === 'repeated' ? { fold } : {}),
  }));
}

/** A document's headings, less those inside a folded paragraph (a repeated title): the contents never lead to hidden text. */
export function listHeadings(db: Db, docOrd: number): DocumentHeading[] {
  const headings = db.prepare('SELECT level, start, end, title FROM headings WHERE doc_ord = ? ORDER BY idx').all(docOrd) as DocumentHeading[];
  if (headings.length === 0) return headings;
  // One pass over the document's paragraphs (few are folded), not one per heading.
  const folded = db.prepare("SELECT start, end FROM paragraphs WHERE doc_ord = ? AND fold != ''").all(docOrd) as { start: number; end: number }[];
  if (folded.length === 0) return headings;
  return headings.filter((h) => !folded.some((p) => p.start <= h.start && h.end <= p.end));
}

/**
 * Whether a PDF document's original is kept: its size, else why not (the corpus was built
 * without originals, or the file was too large to keep). undefined for other formats.
 */
export function originalAvailability(db: Db, docOrd: number, format: string, originalsKept: boolean): OriginalAvailability | undefined {
  if (format !== 'pdf') return undefined;
  const size = db.prepare('SELECT size FROM originals WHERE doc_ord = ?').pluck().get(docOrd) as number | undefined;
  if (size !== undefined) return { kept: true, size };
  return { kept: false, missing: originalsKept ? 'too-large' : 'not-kept' };
}

/** A document's kept original (bytes and what they are), or undefined. */
export function findOriginal(db: Db, docOrd: number): { mediaType: string; sha256: string; bytes: Uint8Array } | undefined {
  const row = db.prepare('SELECT media_type AS mediaType, sha256, bytes FROM originals WHERE doc_ord = ?').get(docOrd) as
    | { mediaType: string; sha256: string; bytes: Buffer }
    | undefined;
  return row && { mediaType: row.mediaType, sha256: row.sha256, bytes: new Uint8Array(row.bytes.buffer, row.bytes.byteOffset, row.bytes.byteLength) };
}

export function listLinks(db: Db, docOrd: number): DocumentLink[] {
  return db.prepare('SELECT start, end, href FROM links WHERE doc_ord = ? ORDER BY idx').all(docOrd) as DocumentLink[];
}

export function toCorpusInfo(meta: Map<string, string>, formatVersion: number, fileName: string): CorpusInfo {
  return {
    id: meta.get(META.corpusId) ?? '',
    title: meta.get(META.title) ?? '',
    documentCount: Number(meta.get(META.documentCount) ?? 0),
    formatVersion,
    builderVersion: meta.get(META.builderVersion) ?? '',
    fileName,
  };
}

/** The page label of the paragraph holding a text offset ('' for unpaginated documents). */
/**
 * The printed page at an offset of a document ('' in an unpaginated one), for search results and
 * the notebook: statements prepared once, and whether a document has pages learnt at its first
 * lookup, so an unpaginated document never walks its paragraphs again for each snippet.
 */
export function createPageLookup(db: Db): (docOrd: number, offset: number) => string {
  const hasPages = db.prepare("SELECT EXISTS (SELECT 1 FROM paragraphs WHERE doc_ord = ? AND page <> '')").pluck();
  const pageAt = db.prepare("SELECT page FROM paragraphs WHERE doc_ord = ? AND start <= ? AND page <> '' ORDER BY idx DESC LIMIT 1").pluck();
  const paginated = new Map<number, boolean>();
  return (docOrd, offset) => {
    let known = paginated.get(docOrd);
    if (known === undefined) paginated.set(docOrd, (known = hasPages.get(docOrd) === 1));
    return known ? ((pageAt.get(docOrd, offset) as string | undefined) ?? '') : '';
  };
}
