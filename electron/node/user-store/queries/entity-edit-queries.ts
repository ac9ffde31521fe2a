import type { EntityEditKind } from '../../../common/entities/entity-types';
import type { Db } from '../../sqlite/open-database';

export type EntityEditRecord = { id: string; kind: EntityEditKind; variantKey: string; targetKey: string; name: string };

/** The edits of a corpus's entity index still in force, in the order they were made. */
export function listEntityEdits(db: Db, corpusId: string): EntityEditRecord[] {
  return db
    .prepare('SELECT id, kind, variant_key AS variantKey, target_key AS targetKey, name FROM entity_edits WHERE corpus_id = ? AND undone_at IS NULL ORDER BY seq')
    .all(corpusId) as EntityEditRecord[];
}

export function addEntityEdit(db: Db, corpusId: string, edit: Omit<EntityEditRecord, 'id'>, id: string, now: string): void {
  db.transaction(() => {
    const seq = ((db.prepare('SELECT max(seq) FROM entity_edits WHERE corpus_id = ?').pluck().get(corpusId) as number | null) ?? 0) + 1;
    db.prepare('INSERT INTO entity_edits (id, corpus_id, seq, kind, variant_key, target_key, name, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)').run(
      id, corpusId, seq, edit.kind, edit.variantKey, edit.targetKey, edit.name, now,
    );
  })();
}

/** Marks the latest edit in force undone; false when there is none. */
export function undoLastEntityEdit(db: Db, corpusId: string, now: string): boolean {
  return db.transaction(() => {
    const id = db.prepare('SELECT id FROM entity_edits WHERE corpus_id = ? AND undone_at IS NULL ORDER BY seq DESC LIMIT 1').pluck().get(corpusId) as string | undefined;
    if (!id) return false;
    db.prepare('UPDATE entity_edits SET undone_at = ? WHERE id = ?').run(now, id);
    return true;
  })();
}
