import type { Migration } from './migration';

/**
 * The first schema. Everything is keyed by corpus id AND document id, so several corpora
 * share one user database. Rows are soft-deleted (deleted_at) so a delete can be undone.
 * Offsets count UTF-16 code units; times are ISO 8601 UTC strings.
 */
export const migration001: Migration = {
  version: 1,
  name: 'initial',
  up(db) {
    db.exec(`
CREATE TABLE highlights (
  id TEXT PRIMARY KEY,
  corpus_id TEXT NOT NULL,
  document_id TEXT NOT NULL,
  -- W3C selectors and the SHA-256 of the document text they were made on.
  document_sha256 TEXT NOT NULL,
  quote_exact TEXT NOT NULL,
  quote_prefix TEXT NOT NULL,
  quote_suffix TEXT NOT NULL,
  position_start INTEGER NOT NULL CHECK (position_start >= 0),
  position_end INTEGER NOT NULL CHECK (position_end > position_start),
  color TEXT NOT NULL,
  note TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  deleted_at TEXT,
  -- Re-anchoring against a changed document text (anchored_sha256); NULL while not needed.
  -- For an orphan, anchor_start/anchor_end/anchor_score hold the weak proposal, if any.
  anchored_sha256 TEXT,
  anchor_status TEXT CHECK (anchor_status IN ('exact', 'moved', 'fuzzy', 'orphaned')),
  anchor_start INTEGER,
  anchor_end INTEGER,
  anchor_score REAL,
  anchor_ambiguous INTEGER NOT NULL DEFAULT 0,
  -- 'kept-orphaned': the user chose to keep it without a place in that text.
  review_state TEXT NOT NULL DEFAULT 'none' CHECK (review_state IN ('none', 'kept-orphaned'))
);
CREATE INDEX highlights_by_document ON highlights (corpus_id, document_id, position_start);

CREATE TABLE document_notes (
  id TEXT PRIMARY KEY,
  corpus_id TEXT NOT NULL,
  document_id TEXT NOT NULL,
  body TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  deleted_at TEXT
);
CREATE INDEX document_notes_by_document ON document_notes (corpus_id, document_id, created_at);

-- A bookmark keeps a little text around its offset so it can follow a changed document.
CREATE TABLE bookmarks (
  id TEXT PRIMARY KEY,
  corpus_id TEXT NOT NULL,
  document_id TEXT NOT NULL,
  document_sha256 TEXT NOT NULL,
  offset INTEGER NOT NULL CHECK (offset >= 0),
  context_exact TEXT NOT NULL,
  context_prefix TEXT NOT NULL,
  context_suffix TEXT NOT NULL,
  label TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  deleted_at TEXT
);
CREATE INDEX bookmarks_by_document ON bookmarks (corpus_id, document_id, offset);

CREATE TABLE reading_positions (
  corpus_id TEXT NOT NULL,
  document_id TEXT NOT NULL,
  document_sha256 TEXT NOT NULL,
  offset INTEGER NOT NULL CHECK (offset >= 0),
  updated_at TEXT NOT NULL,
  PRIMARY KEY (corpus_id, document_id)
) WITHOUT ROWID;

-- Tags are shared by all corpora; key is the case-folded name that makes two tags the same.
CREATE TABLE tags (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  key TEXT NOT NULL UNIQUE
);

CREATE TABLE highlight_tags (
  highlight_id TEXT NOT NULL REFERENCES highlights (id) ON DELETE CASCADE,
  tag_id INTEGER NOT NULL REFERENCES tags (id) ON DELETE CASCADE,
  ord INTEGER NOT NULL,
  PRIMARY KEY (highlight_id, tag_id)
) WITHOUT ROWID;
CREATE INDEX highlight_tags_by_tag ON highlight_tags (tag_id);

CREATE TABLE note_tags (
  note_id TEXT NOT NULL REFERENCES document_notes (id) ON DELETE CASCADE,
  tag_id INTEGER NOT NULL REFERENCES tags (id) ON DELETE CASCADE,
  ord INTEGER NOT NULL,
  PRIMARY KEY (note_id, tag_id)
) WITHOUT ROWID;
CREATE INDEX note_tags_by_tag ON note_tags (tag_id);

-- One row per delete, so it can be undone (restored_at set) and nothing goes silently.
CREATE TABLE deletions (
  id TEXT PRIMARY KEY,
  corpus_id TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('highlight', 'note', 'bookmark')),
  item_id TEXT NOT NULL,
  document_id TEXT NOT NULL,
  summary TEXT NOT NULL,
  deleted_at TEXT NOT NULL,
  restored_at TEXT
);
CREATE INDEX deletions_by_item ON deletions (item_id);
`);
  },
};
