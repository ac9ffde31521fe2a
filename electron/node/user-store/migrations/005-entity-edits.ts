import type { Migration } from './migration';

/**
 * The user's edits of a corpus's entity index: merge, split, rename, hide. Each names the entity
 * by one of its spellings' keys (`person:abu bakr al baghdadi`: type and normalised spelling,
 * never a corpus row id), so the edits apply again to the index of a rebuilt corpus; they apply in
 * `seq` order, an undone one (undone_at) is skipped. Depends on nothing but the runner.
 */
export const migration005: Migration = {
  version: 5,
  name: 'entity-edits',
  up(db) {
    db.exec(`
CREATE TABLE entity_edits (
  id TEXT PRIMARY KEY,
  corpus_id TEXT NOT NULL,
  seq INTEGER NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('merge', 'split', 'rename', 'hide', 'unhide')),
  variant_key TEXT NOT NULL CHECK (length(variant_key) BETWEEN 1 AND 600),
  target_key TEXT NOT NULL DEFAULT '' CHECK (length(target_key) <= 600),
  name TEXT NOT NULL DEFAULT '' CHECK (length(name) <= 200),
  created_at TEXT NOT NULL,
  undone_at TEXT,
  CHECK (kind <> 'merge' OR target_key <> ''),
  CHECK (kind <> 'rename' OR length(name) >= 1),
  UNIQUE (corpus_id, seq)
);
`);
  },
};
