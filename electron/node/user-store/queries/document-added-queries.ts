import type { Db } from '../../sqlite/open-database';

/** Whether the build with this content was already taken in for the corpus. */
export function buildSeen(db: Db, corpusId: string, contentSha256: string): boolean {
  return db.prepare('SELECT 1 FROM corpus_builds_seen WHERE corpus_id = ? AND content_sha256 = ?').pluck().get(corpusId, contentSha256) !== undefined;
}

/**
 * Takes in a build: every document id not known for the corpus gets `addedAt`; known ones keep
 * theirs. Returns how many were new. Run inside a write transaction.
 */
export function recordBuild(db: Db, corpusId: string, contentSha256: string, documentIds: readonly string[], addedAt: string, seenAt: string): number {
  const insert = db.prepare('INSERT INTO document_added (corpus_id, document_id, added_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING');
  let added = 0;
  for (const id of documentIds) added += insert.run(corpusId, id, addedAt).changes;
  db.prepare('INSERT INTO corpus_builds_seen (corpus_id, content_sha256, seen_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING').run(corpusId, contentSha256, seenAt);
  return added;
}

/** When each document of the corpus was added, by id. */
export function listDocumentsAdded(db: Db, corpusId: string): Map<string, string> {
  const rows = db.prepare('SELECT document_id, added_at FROM document_added WHERE corpus_id = ?').raw().all(corpusId) as [string, string][];
  return new Map(rows);
}
