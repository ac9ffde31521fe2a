import type { Db } from '../../sqlite/open-database';

/** The GUIDs codes of a corpus came with from REFI-QDA files (migration 007), by code id; deleted codes too. */
export function codeRefiGuids(db: Db, corpusId: string): Map<string, string> {
  const rows = db.prepare('SELECT id, refi_guid AS guid FROM codes WHERE corpus_id = ? AND refi_guid IS NOT NULL').all(corpusId) as { id: string; guid: string }[];
  return new Map(rows.map((r) => [r.id, r.guid]));
}

/** The GUIDs highlights of a corpus came with from REFI-QDA projects, by highlight id. */
export function highlightRefiGuids(db: Db, corpusId: string): Map<string, string> {
  const rows = db.prepare('SELECT id, refi_guid AS guid FROM highlights WHERE corpus_id = ? AND refi_guid IS NOT NULL').all(corpusId) as { id: string; guid: string }[];
  return new Map(rows.map((r) => [r.id, r.guid]));
}

export function setCodeRefiGuid(db: Db, codeId: string, guid: string): void {
  db.prepare('UPDATE codes SET refi_guid = ? WHERE id = ?').run(guid, codeId);
}

export function setHighlightRefiGuid(db: Db, highlightId: string, guid: string): void {
  db.prepare('UPDATE highlights SET refi_guid = ? WHERE id = ?').run(guid, highlightId);
}
