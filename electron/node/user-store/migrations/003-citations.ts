import type { Migration } from './migration';

/**
 * Bibliographic details the user edited ("Edit details…"), as CSL-JSON, per corpus and
 * document: the corpus file is read-only and never holds them. And small preferences kept with
 * the notes (the citation style last chosen). Independent of migration 002: it only adds tables.
 */
export const migration003: Migration = {
  version: 3,
  name: 'citations',
  up(db) {
    db.exec(`
CREATE TABLE IF NOT EXISTS document_details (
  corpus_id TEXT NOT NULL,
  document_id TEXT NOT NULL,
  csl_json TEXT NOT NULL CHECK (json_valid(csl_json) AND json_type(csl_json) = 'object' AND length(csl_json) <= 65536),
  updated_at TEXT NOT NULL,
  PRIMARY KEY (corpus_id, document_id)
) WITHOUT ROWID;

CREATE TABLE IF NOT EXISTS preferences (
  key TEXT PRIMARY KEY CHECK (length(key) BETWEEN 1 AND 64),
  value TEXT NOT NULL CHECK (length(value) <= 1024)
) WITHOUT ROWID;
`);
  },
};
