import type { TextQuoteSelector } from '../../../common/notes/notes-types';
import type { Db } from '../../sqlite/open-database';

export type BookmarkRecord = {
  id: string;
  corpusId: string;
  documentId: string;
  documentSha256: string;
  offset: number;
  /** The text just after the offset with its context, to follow a changed document. */
  context: TextQuoteSelector;
  label: string;
  createdAt: string;
  updatedAt: string;
  deletedAt: string | null;
};

type BookmarkRow = {
  id: string;
  corpus_id: string;
  document_id: string;
  document_sha256: string;
  offset: number;
  context_exact: string;
  context_prefix: string;
  context_suffix: string;
  label: string;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
};

function toBookmark(row: BookmarkRow): BookmarkRecord {
  return {
    id: row.id,
    corpusId: row.corpus_id,
    documentId: row.document_id,
    documentSha256: row.document_sha256,
    offset: row.offset,
    context: { type: 'TextQuoteSelector', exact: row.context_exact, prefix: row.context_prefix, suffix: row.context_suffix },
    label: row.label,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    deletedAt: row.deleted_at,
  };
}

export function insertBookmark(db: Db, b: Omit<BookmarkRecord, 'updatedAt' | 'deletedAt'>): void {
  db.prepare(
    `INSERT INTO bookmarks (id, corpus_id, document_id, document_sha256, offset, context_exact, context_prefix, context_suffix,
       label, created_at, updated_at)
     VALUES (@id, @corpusId, @documentId, @documentSha256, @offset, @exact, @prefix, @suffix, @label, @createdAt, @createdAt)`,
  ).run({
    id: b.id,
    corpusId: b.corpusId,
    documentId: b.documentId,
    documentSha256: b.documentSha256,
    offset: b.offset,
    exact: b.context.exact,
    prefix: b.context.prefix,
    suffix: b.context.suffix,
    label: b.label,
    createdAt: b.createdAt,
  });
}

export function findBookmark(db: Db, corpusId: string, id: string): BookmarkRecord | undefined {
  const row = db.prepare('SELECT * FROM bookmarks WHERE id = ? AND corpus_id = ?').get(id, corpusId) as BookmarkRow | undefined;
  return row && toBookmark(row);
}

export function listLiveBookmarksOfDocument(db: Db, corpusId: string, documentId: string): BookmarkRecord[] {
  const rows = db
    .prepare('SELECT * FROM bookmarks WHERE corpus_id = ? AND document_id = ? AND deleted_at IS NULL ORDER BY offset, created_at')
    .all(corpusId, documentId) as BookmarkRow[];
  return rows.map(toBookmark);
}

export function listLiveBookmarksOfCorpus(db: Db, corpusId: string): BookmarkRecord[] {
  const rows = db
    .prepare('SELECT * FROM bookmarks WHERE corpus_id = ? AND deleted_at IS NULL ORDER BY document_id, offset, created_at')
    .all(corpusId) as BookmarkRow[];
  return rows.map(toBookmark);
}

export function updateBookmarkLabel(db: Db, id: string, label: string, updatedAt: string): boolean {
  return db.prepare('UPDATE bookmarks SET label = ?, updated_at = ? WHERE id = ? AND label IS NOT ?').run(label, updatedAt, id, label).changes > 0;
}

export function setBookmarkDeleted(db: Db, id: string, deletedAt: string | null): void {
  db.prepare('UPDATE bookmarks SET deleted_at = ? WHERE id = ?').run(deletedAt, id);
}
