import type { HighlightColor, TextPositionSelector, TextQuoteSelector } from '../../../common/notes/notes-types';
import type { Db } from '../../sqlite/open-database';

/** A re-anchoring result cached for one document text (sha256). */
export type AnchorCache = {
  sha256: string;
  status: 'exact' | 'moved' | 'fuzzy' | 'orphaned';
  /** For an orphan: the weak proposal, if any. */
  start: number | null;
  end: number | null;
  score: number | null;
  ambiguous: boolean;
};

export type HighlightRecord = {
  id: string;
  corpusId: string;
  documentId: string;
  documentSha256: string;
  quote: TextQuoteSelector;
  position: TextPositionSelector;
  color: HighlightColor;
  note: string;
  createdAt: string;
  updatedAt: string;
  deletedAt: string | null;
  anchorCache: AnchorCache | null;
  reviewState: 'none' | 'kept-orphaned';
};

type HighlightRow = {
  id: string;
  corpus_id: string;
  document_id: string;
  document_sha256: string;
  quote_exact: string;
  quote_prefix: string;
  quote_suffix: string;
  position_start: number;
  position_end: number;
  color: string;
  note: string;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
  anchored_sha256: string | null;
  anchor_status: AnchorCache['status'] | null;
  anchor_start: number | null;
  anchor_end: number | null;
  anchor_score: number | null;
  anchor_ambiguous: number;
  review_state: HighlightRecord['reviewState'];
};

function toHighlight(row: HighlightRow): HighlightRecord {
  return {
    id: row.id,
    corpusId: row.corpus_id,
    documentId: row.document_id,
    documentSha256: row.document_sha256,
    quote: { type: 'TextQuoteSelector', exact: row.quote_exact, prefix: row.quote_prefix, suffix: row.quote_suffix },
    position: { type: 'TextPositionSelector', start: row.position_start, end: row.position_end },
    color: row.color as HighlightColor,
    note: row.note,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    deletedAt: row.deleted_at,
    anchorCache:
      row.anchored_sha256 && row.anchor_status
        ? {
            sha256: row.anchored_sha256,
            status: row.anchor_status,
            start: row.anchor_start,
            end: row.anchor_end,
            score: row.anchor_score,
            ambiguous: row.anchor_ambiguous === 1,
          }
        : null,
    reviewState: row.review_state,
  };
}

export type NewHighlight = Pick<
  HighlightRecord,
  'id' | 'corpusId' | 'documentId' | 'documentSha256' | 'quote' | 'position' | 'color' | 'note' | 'createdAt'
>;

export function insertHighlight(db: Db, h: NewHighlight): void {
  db.prepare(
    `INSERT INTO highlights (id, corpus_id, document_id, document_sha256, quote_exact, quote_prefix, quote_suffix,
       position_start, position_end, color, note, created_at, updated_at)
     VALUES (@id, @corpusId, @documentId, @documentSha256, @exact, @prefix, @suffix, @start, @end, @color, @note, @createdAt, @createdAt)`,
  ).run({
    id: h.id,
    corpusId: h.corpusId,
    documentId: h.documentId,
    documentSha256: h.documentSha256,
    exact: h.quote.exact,
    prefix: h.quote.prefix,
    suffix: h.quote.suffix,
    start: h.position.start,
    end: h.position.end,
    color: h.color,
    note: h.note,
    createdAt: h.createdAt,
  });
}

/** A highlight of the corpus, deleted or not. */
export function findHighlight(db: Db, corpusId: string, id: string): HighlightRecord | undefined {
  const row = db.prepare('SELECT * FROM highlights WHERE id = ? AND corpus_id = ?').get(id, corpusId) as HighlightRow | undefined;
  return row && toHighlight(row);
}

export function listLiveHighlightsOfDocument(db: Db, corpusId: string, documentId: string): HighlightRecord[] {
  const rows = db
    .prepare(
      'SELECT * FROM highlights WHERE corpus_id = ? AND document_id = ? AND deleted_at IS NULL ORDER BY position_start, created_at',
    )
    .all(corpusId, documentId) as HighlightRow[];
  return rows.map(toHighlight);
}

/** The live highlights of the corpus among `ids`, in the order of listLiveHighlightsOfCorpus. */
export function listLiveHighlightsByIds(db: Db, corpusId: string, ids: readonly string[]): HighlightRecord[] {
  const rows = db
    .prepare(
      // Driven by the ids (each found by its key), not by a scan of the corpus's highlights.
      `SELECT h.* FROM (SELECT DISTINCT value AS id FROM json_each(?)) i CROSS JOIN highlights h ON h.id = i.id
       WHERE h.corpus_id = ? AND h.deleted_at IS NULL ORDER BY h.document_id, h.position_start, h.created_at`,
    )
    .all(JSON.stringify(ids), corpusId) as HighlightRow[];
  return rows.map(toHighlight);
}

export function listLiveHighlightsOfCorpus(db: Db, corpusId: string): HighlightRecord[] {
  const rows = db
    .prepare('SELECT * FROM highlights WHERE corpus_id = ? AND deleted_at IS NULL ORDER BY document_id, position_start, created_at')
    .all(corpusId) as HighlightRow[];
  return rows.map(toHighlight);
}

/** Changes colour and/or note; returns false (and writes nothing) when both are already so. */
export function updateHighlightContent(db: Db, id: string, change: { color: HighlightColor; note: string }, updatedAt: string): boolean {
  const info = db
    .prepare('UPDATE highlights SET color = ?, note = ?, updated_at = ? WHERE id = ? AND (color IS NOT ? OR note IS NOT ?)')
    .run(change.color, change.note, updatedAt, id, change.color, change.note);
  return info.changes > 0;
}

export function touchHighlight(db: Db, id: string, updatedAt: string): void {
  db.prepare('UPDATE highlights SET updated_at = ? WHERE id = ?').run(updatedAt, id);
}

/** New selectors made on a new document text (the user accepted or re-attached); clears the cache. */
export function replaceHighlightSelectors(
  db: Db,
  id: string,
  selectors: { documentSha256: string; quote: TextQuoteSelector; position: TextPositionSelector },
  updatedAt: string,
): void {
  db.prepare(
    `UPDATE highlights SET document_sha256 = ?, quote_exact = ?, quote_prefix = ?, quote_suffix = ?, position_start = ?,
       position_end = ?, updated_at = ?, anchored_sha256 = NULL, anchor_status = NULL, anchor_start = NULL, anchor_end = NULL,
       anchor_score = NULL, anchor_ambiguous = 0, review_state = 'none' WHERE id = ?`,
  ).run(
    selectors.documentSha256,
    selectors.quote.exact,
    selectors.quote.prefix,
    selectors.quote.suffix,
    selectors.position.start,
    selectors.position.end,
    updatedAt,
    id,
  );
}

/** Caches a re-anchoring result; a new text also resets the user's earlier "keep orphaned". */
export function saveAnchorCache(db: Db, id: string, cache: AnchorCache): void {
  db.prepare(
    `UPDATE highlights SET
       review_state = CASE WHEN anchored_sha256 IS ? THEN review_state ELSE 'none' END,
       anchored_sha256 = ?, anchor_status = ?, anchor_start = ?, anchor_end = ?, anchor_score = ?, anchor_ambiguous = ?
     WHERE id = ?`,
  ).run(cache.sha256, cache.sha256, cache.status, cache.start, cache.end, cache.score, cache.ambiguous ? 1 : 0, id);
}

export function setReviewState(db: Db, id: string, state: HighlightRecord['reviewState'], updatedAt: string): void {
  db.prepare('UPDATE highlights SET review_state = ?, updated_at = ? WHERE id = ?').run(state, updatedAt, id);
}

export function setHighlightDeleted(db: Db, id: string, deletedAt: string | null): void {
  db.prepare('UPDATE highlights SET deleted_at = ? WHERE id = ?').run(deletedAt, id);
}
