import type { Db } from '../../sqlite/open-database';

/** A code applied to a highlight (the coded passage). */
export type CodingRecord = { id: string; codeId: string; highlightId: string; createdAt: string };

type CodingRow = { id: string; code_id: string; highlight_id: string; created_at: string };

const toCoding = (row: CodingRow): CodingRecord => ({
  id: row.id,
  codeId: row.code_id,
  highlightId: row.highlight_id,
  createdAt: row.created_at,
});

/** Applies a code to a highlight; false when it was already applied. */
export function insertCoding(db: Db, c: CodingRecord): boolean {
  const info = db
    .prepare(
      `INSERT INTO codings (id, code_id, highlight_id, created_at) VALUES (@id, @codeId, @highlightId, @createdAt)
       ON CONFLICT DO NOTHING`,
    )
    .run(c);
  return info.changes === 1;
}

export function removeCoding(db: Db, codeId: string, highlightId: string): boolean {
  return db.prepare('DELETE FROM codings WHERE code_id = ? AND highlight_id = ? AND deleted_at IS NULL').run(codeId, highlightId).changes === 1;
}

/** Live codings of live codes on live highlights of a corpus. */
export function listCodings(db: Db, corpusId: string): CodingRecord[] {
  const rows = db
    .prepare(
      `SELECT k.* FROM codings k JOIN codes c ON c.id = k.code_id JOIN highlights h ON h.id = k.highlight_id
       WHERE c.corpus_id = ? AND k.deleted_at IS NULL AND c.deleted_at IS NULL AND h.deleted_at IS NULL
       ORDER BY h.document_id, h.position_start, k.created_at, k.id`,
    )
    .all(corpusId) as CodingRow[];
  return rows.map(toCoding);
}

/**
 * The live codings of the live highlights that carry one of `codeIds` (in one document if given),
 * every code of such a highlight included, in the order of listCodings: what a coded-passages view
 * reads, instead of every coding of the corpus.
 */
export function listCodingsOfPassagesWith(db: Db, corpusId: string, codeIds: readonly string[], documentId?: string): CodingRecord[] {
  const rows = db
    .prepare(
      // From the passages carrying a wanted code (codings_once) to all their codings (codings_by_highlight);
      // CROSS JOIN keeps that order (the planner would rather scan every highlight of the corpus).
      `WITH p(id) AS MATERIALIZED (SELECT DISTINCT w.highlight_id FROM codings w WHERE w.code_id IN (SELECT value FROM json_each(@codeIds)) AND w.deleted_at IS NULL)
       SELECT k.* FROM p CROSS JOIN highlights h ON h.id = p.id CROSS JOIN codings k ON k.highlight_id = p.id JOIN codes c ON c.id = k.code_id
       WHERE h.corpus_id = @corpusId AND c.corpus_id = @corpusId AND k.deleted_at IS NULL AND c.deleted_at IS NULL AND h.deleted_at IS NULL
         AND (@documentId IS NULL OR h.document_id = @documentId)
       ORDER BY h.document_id, h.position_start, k.created_at, k.id`,
    )
    .all({ corpusId, documentId: documentId ?? null, codeIds: JSON.stringify(codeIds) }) as CodingRow[];
  return rows.map(toCoding);
}

/** Counts of coded passages per (code, document): the code × document matrix. */
export function codeDocumentCounts(db: Db, corpusId: string): { codeId: string; documentId: string; count: number }[] {
  return db
    .prepare(
      `SELECT k.code_id AS codeId, h.document_id AS documentId, count(*) AS count
       FROM codings k JOIN codes c ON c.id = k.code_id JOIN highlights h ON h.id = k.highlight_id
       WHERE c.corpus_id = ? AND k.deleted_at IS NULL AND c.deleted_at IS NULL AND h.deleted_at IS NULL
       GROUP BY k.code_id, h.document_id ORDER BY k.code_id, h.document_id`,
    )
    .all(corpusId) as { codeId: string; documentId: string; count: number }[];
}

/** Pairs of codes applied to the same passage, with how many passages carry both. */
export function codeCooccurrence(db: Db, corpusId: string): { a: string; b: string; count: number }[] {
  return db
    .prepare(
      `WITH live AS (
         SELECT k.code_id, k.highlight_id FROM codings k JOIN codes c ON c.id = k.code_id JOIN highlights h ON h.id = k.highlight_id
         WHERE c.corpus_id = ? AND k.deleted_at IS NULL AND c.deleted_at IS NULL AND h.deleted_at IS NULL)
       SELECT x.code_id AS a, y.code_id AS b, count(*) AS count FROM live x JOIN live y
         ON x.highlight_id = y.highlight_id AND x.code_id < y.code_id
       GROUP BY x.code_id, y.code_id ORDER BY x.code_id, y.code_id`,
    )
    .all(corpusId) as { a: string; b: string; count: number }[];
}

/** The live codes on each coded live highlight of one document, in the highlights' order. */
export function listDocumentCodings(db: Db, corpusId: string, documentId: string): { highlightId: string; codeIds: string[] }[] {
  const rows = db
    .prepare(
      `SELECT k.highlight_id AS highlightId, k.code_id AS codeId
       FROM codings k JOIN codes c ON c.id = k.code_id JOIN highlights h ON h.id = k.highlight_id
       WHERE c.corpus_id = ? AND h.document_id = ? AND k.deleted_at IS NULL AND c.deleted_at IS NULL AND h.deleted_at IS NULL
       ORDER BY h.position_start, h.id, k.created_at, k.id`,
    )
    .all(corpusId, documentId) as { highlightId: string; codeId: string }[];
  const out = new Map<string, string[]>();
  for (const row of rows) out.set(row.highlightId, [...(out.get(row.highlightId) ?? []), row.codeId]);
  return [...out].map(([highlightId, codeIds]) => ({ highlightId, codeIds }));
}
