import type { Migration } from './migration';

/**
 * When each document entered a corpus, per corpus id and document id: kept in the notes
 * database because the corpus file must stay byte-identical for the same folder (a build cannot
 * carry dates from the one before). The first build of a corpus Carrel sees gives its documents
 * that build's creation time; a later build gives its own to the documents it brings, and those
 * already known keep theirs across rebuilds. `corpus_builds_seen` remembers the builds already
 * taken in (by the SHA-256 of their content), so opening one again reads nothing more.
 * Independent of the others: it only adds tables. (Numbered 8, after 007, so a notes file already at 7 still gets it.)
 */
export const migration008: Migration = {
  version: 8,
  name: 'date-added',
  up(db) {
    db.exec(`
CREATE TABLE IF NOT EXISTS document_added (
  corpus_id TEXT NOT NULL,
  document_id TEXT NOT NULL,
  added_at TEXT NOT NULL CHECK (length(added_at) BETWEEN 20 AND 30 AND added_at GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T*Z'),
  PRIMARY KEY (corpus_id, document_id)
) WITHOUT ROWID;

CREATE TABLE IF NOT EXISTS corpus_builds_seen (
  corpus_id TEXT NOT NULL,
  content_sha256 TEXT NOT NULL CHECK (length(content_sha256) <= 128),
  seen_at TEXT NOT NULL,
  PRIMARY KEY (corpus_id, content_sha256)
) WITHOUT ROWID;
`);
  },
};
