import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../../../../electron/node/sqlite/open-database';
import { migration001 } from '../../../../../electron/node/user-store/migrations/001-initial';
import { migration002 } from '../../../../../electron/node/user-store/migrations/002-reading-progress';

let db: Db;
beforeEach(() => {
  db = openDatabase(':memory:');
  db.transaction(() => migration001.up(db))();
  // A position saved before this migration.
  db.prepare("INSERT INTO reading_positions (corpus_id, document_id, document_sha256, offset, updated_at) VALUES ('c', 'd', 'sha', 120, 't')").run();
  db.transaction(() => migration002.up(db))();
});
afterEach(() => db.close());

describe('migration 002 (reading progress and speed)', () => {
  it('is version 2', () => {
    expect(migration002.version).toBe(2);
  });

  it('keeps positions saved before it, as started with nothing seen yet', () => {
    expect(db.prepare("SELECT offset, seen_to, text_length, finished_at FROM reading_positions WHERE document_id = 'd'").get()).toEqual({
      offset: 120,
      seen_to: 0,
      text_length: 0,
      finished_at: null,
    });
  });

  it('refuses negative progress and a second speed row', () => {
    expect(() => db.prepare("UPDATE reading_positions SET seen_to = -1 WHERE document_id = 'd'").run()).toThrow(/CHECK/);
    const insert = db.prepare("INSERT INTO reading_speed (id, words, seconds, samples, updated_at) VALUES (?, 10, 3, 1, 't')");
    insert.run(1);
    expect(() => insert.run(2)).toThrow(/CHECK/);
    expect(() => insert.run(1)).toThrow(/UNIQUE|PRIMARY/);
  });
});
