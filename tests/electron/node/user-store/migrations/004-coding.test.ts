import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../../../../electron/node/sqlite/open-database';
import { migration001 } from '../../../../../electron/node/user-store/migrations/001-initial';
import { migration004 } from '../../../../../electron/node/user-store/migrations/004-coding';

let db: Db;
beforeEach(() => {
  db = openDatabase(':memory:');
  db.pragma('foreign_keys = ON');
  // After 001 alone: 004 must not need 002 or 003.
  db.transaction(() => migration001.up(db))();
  db.transaction(() => migration004.up(db))();
});
afterEach(() => db.close());

const code = (id: string, parent: string | null, name = id) =>
  db
    .prepare(`INSERT INTO codes (id, corpus_id, parent_id, name, created_at, updated_at) VALUES (?, 'c', ?, ?, 't', 't')`)
    .run(id, parent, name);

describe('migration 004 (coding)', () => {
  it('is version 4 and adds codes, codings and code_deletions after 001 alone', () => {
    expect(migration004.version).toBe(4);
    const tables = db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name").pluck().all();
    expect(tables).toEqual(expect.arrayContaining(['codes', 'codings', 'code_deletions', 'highlights']));
  });

  it('refuses an empty name, a code that is its own parent and a parent that does not exist', () => {
    code('a', null);
    expect(() => code('b', null, '')).toThrow(/CHECK/);
    expect(() => code('self', 'self')).toThrow(/CHECK|FOREIGN KEY/);
    expect(() => code('x', 'nope')).toThrow(/FOREIGN KEY/);
  });

  it('applies a code to a highlight once while live, and drops codings with their highlight', () => {
    code('a', null);
    db.prepare(
      `INSERT INTO highlights (id, corpus_id, document_id, document_sha256, quote_exact, quote_prefix, quote_suffix,
         position_start, position_end, color, created_at, updated_at) VALUES ('h', 'c', 'd', 's', 'q', '', '', 0, 1, 'yellow', 't', 't')`,
    ).run();
    const coding = (id: string) => db.prepare(`INSERT INTO codings (id, code_id, highlight_id, created_at) VALUES (?, 'a', 'h', 't')`).run(id);
    coding('k1');
    expect(() => coding('k2')).toThrow(/UNIQUE/);
    db.prepare("UPDATE codings SET deleted_at = 't' WHERE id = 'k1'").run();
    coding('k2');
    db.prepare("DELETE FROM highlights WHERE id = 'h'").run();
    expect(db.prepare('SELECT count(*) FROM codings').pluck().get()).toBe(0);
  });
});
