import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../../../../electron/node/sqlite/open-database';
import { migration001 } from '../../../../../electron/node/user-store/migrations/001-initial';
import { migration004 } from '../../../../../electron/node/user-store/migrations/004-coding';
import { migration007 } from '../../../../../electron/node/user-store/migrations/007-refi-guids';

let db: Db;
beforeEach(() => {
  db = openDatabase(':memory:');
  db.pragma('foreign_keys = ON');
  // After 001 and 004 alone: 007 needs neither 002, 003, 005 nor 006.
  db.transaction(() => migration001.up(db))();
  db.transaction(() => migration004.up(db))();
});
afterEach(() => db.close());

const highlight = (id: string) =>
  db
    .prepare(
      `INSERT INTO highlights (id, corpus_id, document_id, document_sha256, quote_exact, quote_prefix, quote_suffix,
         position_start, position_end, color, created_at, updated_at) VALUES (?, 'c', 'd', 's', 'q', '', '', 0, 1, 'yellow', 't', 't')`,
    )
    .run(id);

describe('migration 007 (REFI-QDA GUIDs)', () => {
  it('is version 7 and keeps the rows already there, with no GUID', () => {
    expect(migration007.version).toBe(7);
    db.prepare(`INSERT INTO codes (id, corpus_id, name, created_at, updated_at) VALUES ('a', 'c', 'A', 't', 't')`).run();
    highlight('h');
    db.transaction(() => migration007.up(db))();
    expect(db.prepare('SELECT refi_guid FROM codes').pluck().all()).toEqual([null]);
    expect(db.prepare('SELECT refi_guid FROM highlights').pluck().all()).toEqual([null]);
  });

  it('keeps a GUID on codes and highlights, bounded, looked up through an index', () => {
    db.transaction(() => migration007.up(db))();
    db.prepare(`INSERT INTO codes (id, corpus_id, name, created_at, updated_at, refi_guid) VALUES ('a', 'c', 'A', 't', 't', 'A182CD3A-D83C-4D8C-BC80-26D9103EC6D6')`).run();
    highlight('h');
    db.prepare(`UPDATE highlights SET refi_guid = 'g' WHERE id = 'h'`).run();
    expect(() => db.prepare(`UPDATE highlights SET refi_guid = ? WHERE id = 'h'`).run('x'.repeat(101))).toThrow(/CHECK/);
    expect(() => db.prepare(`UPDATE codes SET refi_guid = '' WHERE id = 'a'`).run()).toThrow(/CHECK/);
    const plan = db.prepare(`EXPLAIN QUERY PLAN SELECT id FROM codes WHERE corpus_id = 'c' AND refi_guid = 'x'`).all() as { detail: string }[];
    expect(plan.map((p) => p.detail).join(' ')).toContain('codes_by_refi_guid');
    const indexes = db.prepare("SELECT name FROM sqlite_schema WHERE type = 'index' AND name LIKE '%refi_guid'").pluck().all();
    expect(indexes).toEqual(expect.arrayContaining(['codes_by_refi_guid', 'highlights_by_refi_guid']));
  });
});
