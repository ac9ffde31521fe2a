import type { Db } from '../../sqlite/open-database';

/** Whether the build with this content was already taken in for the corpus. */
export function buildSeen(db: Db, corpusId: string, contentSha256: string): boolean {
  return db.prepare('SELECT 1 FROM corpus_builds_seen WHERE corpus_id = ? AND content_sha256 = ?').pluck().get(corpusId, contentSha256) !== undefined;
}

/**
 * Gives `addedAt` to the document ids not yet known for the corpus; known ones keep theirs.
 * Returns how many were new. Run inside a write transaction.
 */
export function recordDocumentsAdded(db: Db, corpusId: string, documentIds: readonly string[], addedAt: string): number {
  // One statement for the lot: a 126k-document corpus took 263 ms row by row, on main's thread.
  return db
    .prepare('INSERT INTO document_added (corpus_id, document_id, added_at) SELECT ?, value, ? FROM json_each(?) WHERE true ON CONFLICT DO NOTHING')
    .run(corpusId, addedAt, JSON.stringify(documentIds)).changes;
}

/** Remembers that a build was taken in whole (its documents all recorded). Run inside a write transaction. */
export function markBuildSeen(db: Db, corpusId: string, contentSha256: string, seenAt: string): void {
  db.prepare('INSERT INTO corpus_builds_seen (corpus_id, content_sha256, seen_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING').run(corpusId, contentSha256, seenAt);
}

/**
 * Takes in a build: every document id not known for the corpus gets `addedAt`; known ones keep
 * theirs. Returns how many were new. Run inside a write transaction.
 */
export function recordBuild(db: Db, corpusId: string, contentSha256: string, documentIds: readonly string[], addedAt: string, seenAt: string): number {
  const added = recordDocumentsAdded(db, corpusId, documentIds, addedAt);
  markBuildSeen(db, corpusId, contentSha256, seenAt);
  return added;
}

/** When some documents of the corpus were added, by id (those not recorded are absent): a page's worth, by key. */
export function documentsAddedOf(db: Db, corpusId: string, documentIds: readonly string[]): Map<string, string> {
  const rows = db
    .prepare('SELECT document_id, added_at FROM document_added WHERE corpus_id = ? AND document_id IN (SELECT value FROM json_each(?))')
    .raw()
    .all(corpusId, JSON.stringify(documentIds)) as [string, string][];
  return new Map(rows);
}

/**
 * When the corpus's documents were added, as the commonest time, the newest, and the documents
 * added at another time than the commonest (ties go to the earlier time). Counted in SQL: a
 * corpus of 126k documents, read row by row into a map, took 264 ms at every start.
 */
export function documentsAddedSummary(db: Db, corpusId: string): { base: string; latest: string; others: Map<string, string> } {
  const base = (db
    .prepare('SELECT added_at FROM document_added WHERE corpus_id = ? GROUP BY added_at ORDER BY count(*) DESC, added_at ASC LIMIT 1')
    .pluck()
    .get(corpusId) ?? '') as string;
  const latest = (db.prepare('SELECT max(added_at) FROM document_added WHERE corpus_id = ?').pluck().get(corpusId) ?? '') as string;
  const rows = db.prepare('SELECT document_id, added_at FROM document_added WHERE corpus_id = ? AND added_at <> ?').raw().all(corpusId, base) as [string, string][];
  return { base, latest, others: new Map(rows) };
}

/** When each document of the corpus was added, by id. */
export function listDocumentsAdded(db: Db, corpusId: string): Map<string, string> {
  const rows = db.prepare('SELECT document_id, added_at FROM document_added WHERE corpus_id = ?').raw().all(corpusId) as [string, string][];
  return new Map(rows);
}
