import type { Migration } from './migration';

/**
 * Qualitative coding: a codebook per corpus (a tree of codes with name, colour, description and
 * a memo), and codings, each a code applied to a highlight (the coded passage). A delete is soft
 * (deleted_at) and recorded in code_deletions, so it can be undone with everything it took along
 * (the code's children and codings). Depends on 001 only: it applies after 001 alone, and after
 * 002/003 of other branches, in any database whose user_version is below 4.
 */
export const migration004: Migration = {
  version: 4,
  name: 'coding',
  up(db) {
    db.exec(`
CREATE TABLE codes (
  id TEXT PRIMARY KEY,
  corpus_id TEXT NOT NULL,
  parent_id TEXT REFERENCES codes (id) ON DELETE CASCADE,
  name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  color TEXT NOT NULL DEFAULT '',
  description TEXT NOT NULL DEFAULT '',
  memo TEXT NOT NULL DEFAULT '',
  ord INTEGER NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  deleted_at TEXT,
  deletion_id TEXT,
  -- Set on a child moved up by a merge, so undoing the merge moves it back.
  merged_from TEXT,
  CHECK (parent_id IS NULL OR parent_id <> id)
);
CREATE INDEX codes_by_parent ON codes (corpus_id, parent_id, ord);

CREATE TABLE codings (
  id TEXT PRIMARY KEY,
  code_id TEXT NOT NULL REFERENCES codes (id) ON DELETE CASCADE,
  highlight_id TEXT NOT NULL REFERENCES highlights (id) ON DELETE CASCADE,
  created_at TEXT NOT NULL,
  deleted_at TEXT,
  deletion_id TEXT,
  -- Set on a coding that followed a merge, so undoing the merge gives it back.
  merged_from TEXT
);
CREATE UNIQUE INDEX codings_once ON codings (code_id, highlight_id) WHERE deleted_at IS NULL;
CREATE INDEX codings_by_highlight ON codings (highlight_id);

CREATE TABLE code_deletions (
  id TEXT PRIMARY KEY,
  corpus_id TEXT NOT NULL,
  code_id TEXT NOT NULL,
  summary TEXT NOT NULL,
  deleted_at TEXT NOT NULL,
  restored_at TEXT
);
`);
  },
};
