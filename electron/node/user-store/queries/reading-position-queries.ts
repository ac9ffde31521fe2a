import type { Db } from '../../sqlite/open-database';

export type ReadingPositionRecord = { documentId: string; documentSha256: string; offset: number; updatedAt: string };

type ReadingPositionRow = { document_id: string; document_sha256: string; offset: number; updated_at: string };

const toReadingPosition = (row: ReadingPositionRow): ReadingPositionRecord => ({
  documentId: row.document_id,
  documentSha256: row.document_sha256,
  offset: row.offset,
  updatedAt: row.updated_at,
});

export function findReadingPosition(db: Db, corpusId: string, documentId: string): ReadingPositionRecord | undefined {
  const row = db
    .prepare('SELECT document_id, document_sha256, offset, updated_at FROM reading_positions WHERE corpus_id = ? AND document_id = ?')
    .get(corpusId, documentId) as ReadingPositionRow | undefined;
  return row && toReadingPosition(row);
}

export function upsertReadingPosition(db: Db, corpusId: string, position: ReadingPositionRecord): void {
  db.prepare(
    `INSERT INTO reading_positions (corpus_id, document_id, document_sha256, offset, updated_at) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (corpus_id, document_id) DO UPDATE SET document_sha256 = excluded.document_sha256,
       offset = excluded.offset, updated_at = excluded.updated_at`,
  ).run(corpusId, position.documentId, position.documentSha256, position.offset, position.updatedAt);
}
