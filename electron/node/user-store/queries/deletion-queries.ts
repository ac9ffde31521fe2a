import type { UserItemKind } from '../../../common/notes/notes-types';
import type { Db } from '../../sqlite/open-database';

export type DeletionRecord = {
  id: string;
  corpusId: string;
  kind: UserItemKind;
  itemId: string;
  documentId: string;
  summary: string;
  deletedAt: string;
  restoredAt: string | null;
};

type DeletionRow = {
  id: string;
  corpus_id: string;
  kind: UserItemKind;
  item_id: string;
  document_id: string;
  summary: string;
  deleted_at: string;
  restored_at: string | null;
};

const toDeletion = (row: DeletionRow): DeletionRecord => ({
  id: row.id,
  corpusId: row.corpus_id,
  kind: row.kind,
  itemId: row.item_id,
  documentId: row.document_id,
  summary: row.summary,
  deletedAt: row.deleted_at,
  restoredAt: row.restored_at,
});

export function insertDeletion(db: Db, d: Omit<DeletionRecord, 'restoredAt'>): void {
  db.prepare(
    `INSERT INTO deletions (id, corpus_id, kind, item_id, document_id, summary, deleted_at)
     VALUES (@id, @corpusId, @kind, @itemId, @documentId, @summary, @deletedAt)`,
  ).run(d);
}

export function findDeletion(db: Db, corpusId: string, id: string): DeletionRecord | undefined {
  const row = db.prepare('SELECT * FROM deletions WHERE id = ? AND corpus_id = ?').get(id, corpusId) as DeletionRow | undefined;
  return row && toDeletion(row);
}

export function markDeletionRestored(db: Db, id: string, restoredAt: string): void {
  db.prepare('UPDATE deletions SET restored_at = ? WHERE id = ?').run(restoredAt, id);
}
