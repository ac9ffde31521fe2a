import type { Migration } from './migration';

/**
 * Reading progress and speed. reading_positions learns how far into a document the reader has
 * seen (seen_to: the furthest offset shown at the bottom of the window, of text_length, the
 * text's length then) and when its end was reached (finished_at). reading_speed keeps one row
 * per reader: the words and seconds of the reading measured so far, from position changes over
 * time (skims, jumps and long pauses left out), from which minutes left are estimated.
 */
export const migration002: Migration = {
  version: 2,
  name: 'reading-progress',
  up(db) {
    db.exec(`
ALTER TABLE reading_positions ADD COLUMN seen_to INTEGER NOT NULL DEFAULT 0 CHECK (seen_to >= 0);
ALTER TABLE reading_positions ADD COLUMN text_length INTEGER NOT NULL DEFAULT 0 CHECK (text_length >= 0);
ALTER TABLE reading_positions ADD COLUMN finished_at TEXT;

CREATE TABLE reading_speed (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  words REAL NOT NULL CHECK (words >= 0),
  seconds REAL NOT NULL CHECK (seconds >= 0),
  samples INTEGER NOT NULL CHECK (samples >= 0),
  updated_at TEXT NOT NULL
);
`);
  },
};
