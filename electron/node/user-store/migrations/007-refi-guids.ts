import type { Migration } from './migration';

/**
 * The GUID a code or a coded passage came with from a REFI-QDA project or codebook (ATLAS.ti,
 * MAXQDA, NVivo, another Carrel). A second import finds it again by it, and an export gives it
 * back unchanged, so the other program recognises its own codes and quotations. Null for what
 * was made in Carrel (its GUID is derived from its id). Needs 004 (codes).
 */
export const migration007: Migration = {
  version: 7,
  name: 'refi-guids',
  up(db) {
    db.exec(`
ALTER TABLE codes ADD COLUMN refi_guid TEXT CHECK (refi_guid IS NULL OR length(refi_guid) BETWEEN 1 AND 100);
ALTER TABLE highlights ADD COLUMN refi_guid TEXT CHECK (refi_guid IS NULL OR length(refi_guid) BETWEEN 1 AND 100);
CREATE INDEX codes_by_refi_guid ON codes (corpus_id, refi_guid) WHERE refi_guid IS NOT NULL;
CREATE INDEX highlights_by_refi_guid ON highlights (corpus_id, refi_guid) WHERE refi_guid IS NOT NULL;
`);
  },
};
