import type { Db } from '../../sqlite/open-database';

/** The CSL-JSON the user saved for a document, unparsed (the service validates it), or undefined. */
export function findDocumentDetails(db: Db, corpusId: string, documentId: string): string | undefined {
  return db.prepare('SELECT csl_json FROM document_details WHERE corpus_id = ? AND document_id = ?').pluck().get(corpusId, documentId) as
    | string
    | undefined;
}

export function listDocumentDetailsOfCorpus(db: Db, corpusId: string): Map<string, string> {
  const rows = db.prepare('SELECT document_id, csl_json FROM document_details WHERE corpus_id = ?').all(corpusId) as {
    document_id: string;
    csl_json: string;
  }[];
  return new Map(rows.map((row) => [row.document_id, row.csl_json]));
}

export function saveDocumentDetails(db: Db, corpusId: string, documentId: string, cslJson: string, now: string): void {
  db.prepare(
    `INSERT INTO document_details (corpus_id, document_id, csl_json, updated_at) VALUES (?, ?, ?, ?)
     ON CONFLICT (corpus_id, document_id) DO UPDATE SET csl_json = excluded.csl_json, updated_at = excluded.updated_at`,
  ).run(corpusId, documentId, cslJson, now);
}

export function deleteDocumentDetails(db: Db, corpusId: string, documentId: string): void {
  db.prepare('DELETE FROM document_details WHERE corpus_id = ? AND document_id = ?').run(corpusId, documentId);
}
