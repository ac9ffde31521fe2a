import type { Db } from '../../sqlite/open-database';

export type NoteRecord = {
  id: string;
  corpusId: string;
  documentId: string;
  body: string;
  createdAt: string;
  updatedAt: string;
  deletedAt: string | null;
};

type NoteRow = {
  id: string;
  corpus_id: string;
  document_id: string;
  body: string;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
};

function toNote(row: NoteRow): NoteRecord {
  return {
    id: row.id,
    corpusId: row.corpus_id,
    documentId: row.document_id,
    body: row.body,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    deletedAt: row.deleted_at,
  };
}

export function insertNote(db: Db, note: Omit<NoteRecord, 'updatedAt' | 'deletedAt'>): void {
  db.prepare(
    `INSERT INTO document_notes (id, corpus_id, document_id, body, created_at, updated_at)
     VALUES (@id, @corpusId, @documentId, @body, @createdAt, @createdAt)`,
  ).run(note);
}

export function findNote(db: Db, corpusId: string, id: string): NoteRecord | undefined {
  const row = db.prepare('SELECT * FROM document_notes WHERE id = ? AND corpus_id = ?').get(id, corpusId) as NoteRow | undefined;
  return row && toNote(row);
}

export function listLiveNotesOfDocument(db: Db, corpusId: string, documentId: string): NoteRecord[] {
  const rows = db
    .prepare('SELECT * FROM document_notes WHERE corpus_id = ? AND document_id = ? AND deleted_at IS NULL ORDER BY created_at, id')
    .all(corpusId, documentId) as NoteRow[];
  return rows.map(toNote);
}

export function listLiveNotesOfCorpus(db: Db, corpusId: string): NoteRecord[] {
  const rows = db
    .prepare('SELECT * FROM document_notes WHERE corpus_id = ? AND deleted_at IS NULL ORDER BY document_id, created_at, id')
    .all(corpusId) as NoteRow[];
  return rows.map(toNote);
}

/** Sets the body; returns false (and writes nothing) when it is already that. */
export function updateNoteBody(db: Db, id: string, body: string, updatedAt: string): boolean {
  return db.prepare('UPDATE document_notes SET body = ?, updated_at = ? WHERE id = ? AND body IS NOT ?').run(body, updatedAt, id, body).changes > 0;
}

export function touchNote(db: Db, id: string, updatedAt: string): void {
  db.prepare('UPDATE document_notes SET updated_at = ? WHERE id = ?').run(updatedAt, id);
}

export function setNoteDeleted(db: Db, id: string, deletedAt: string | null): void {
  db.prepare('UPDATE document_notes SET deleted_at = ? WHERE id = ?').run(deletedAt, id);
}
