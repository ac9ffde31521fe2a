import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../../../../electron/node/sqlite/open-database';
import { migration001 } from '../../../../../electron/node/user-store/migrations/001-initial';
import { migration008 } from '../../../../../electron/node/user-store/migrations/008-date-added';
import { MIGRATIONS } from '../../../../../electron/node/user-store/migrations';
import { buildSeen, listDocumentsAdded, recordBuild } from '../../../../../electron/node/user-store/queries/document-added-queries';

let db: Db;
beforeEach(() => {
  db = openDatabase(':memory:');
  db.transaction(() => migration001.up(db))();
});
afterEach(() => db.close());

const tables = () => db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name").pluck().all();

describe('migration 008 (date added: when each document entered a corpus)', () => {
  it('is version 8, the last, so a notes file already at 7 gets it too', () => {
    expect(migration008.version).toBe(8);
    const at = MIGRATIONS.indexOf(migration008);
    expect(at).toBeGreaterThan(0);
    expect(MIGRATIONS.slice(0, at).every((m) => m.version < 8)).toBe(true);
    expect(MIGRATIONS.slice(at + 1).every((m) => m.version > 8)).toBe(true);
  });

  it('applies over 001 alone, keeps what 001 made, and can run twice', () => {
    db.prepare("INSERT INTO tags (name, key) VALUES ('Dabiq', 'dabiq')").run();
    db.transaction(() => migration008.up(db))();
    db.transaction(() => migration008.up(db))();
    expect(tables()).toEqual(expect.arrayContaining(['document_added', 'corpus_builds_seen', 'highlights', 'tags']));
    expect(db.prepare('SELECT name FROM tags').pluck().all()).toEqual(['Dabiq']);
  });

  it('keeps the first date of a document across builds, per corpus, and refuses what is not a time', () => {
    db.transaction(() => migration008.up(db))();
    expect(buildSeen(db, 'c', 'sha-1')).toBe(false);
    expect(recordBuild(db, 'c', 'sha-1', ['a', 'b'], '2026-01-01T00:00:00.000Z', '2026-01-02T00:00:00.000Z')).toBe(2);
    expect(buildSeen(db, 'c', 'sha-1')).toBe(true);
    // A rebuild keeps a and b's dates and gives c its own.
    expect(recordBuild(db, 'c', 'sha-2', ['a', 'b', 'c'], '2026-03-01T00:00:00.000Z', '2026-03-02T00:00:00.000Z')).toBe(1);
    recordBuild(db, 'other', 'sha-1', ['a'], '2026-04-01T00:00:00.000Z', '2026-04-01T00:00:00.000Z');
    expect([...listDocumentsAdded(db, 'c')].sort()).toEqual([
      ['a', '2026-01-01T00:00:00.000Z'],
      ['b', '2026-01-01T00:00:00.000Z'],
      ['c', '2026-03-01T00:00:00.000Z'],
    ]);
    expect(() => recordBuild(db, 'c', 'sha-3', ['d'], 'yesterday', 'now')).toThrow(/CHECK/);
  });
});
