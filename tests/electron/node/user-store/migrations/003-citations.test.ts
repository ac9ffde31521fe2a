import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../../../../electron/node/sqlite/open-database';
import { migration001 } from '../../../../../electron/node/user-store/migrations/001-initial';
import { migration003 } from '../../../../../electron/node/user-store/migrations/003-citations';
import { MIGRATIONS } from '../../../../../electron/node/user-store/migrations';

let db: Db;
beforeEach(() => {
  db = openDatabase(':memory:');
  db.transaction(() => migration001.up(db))();
});
afterEach(() => db.close());

const tables = () => db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name").pluck().all();

describe('migration 003 (citations: edited document details, preferences)', () => {
  it('is version 3 and comes after every earlier migration in the list', () => {
    expect(migration003.version).toBe(3);
    const at = MIGRATIONS.indexOf(migration003);
    expect(at).toBeGreaterThan(0);
    expect(MIGRATIONS.slice(0, at).every((m) => m.version < 3)).toBe(true);
    expect(MIGRATIONS.slice(at + 1).every((m) => m.version > 3)).toBe(true);
    expect(MIGRATIONS.map((m) => m.version).filter((v) => v < 3)).toContain(1);
  });

  it('applies over 001 alone and keeps what 001 made', () => {
    db.prepare("INSERT INTO tags (name, key) VALUES ('Dabiq', 'dabiq')").run();
    db.transaction(() => migration003.up(db))();
    expect(tables()).toEqual(expect.arrayContaining(['document_details', 'preferences', 'highlights', 'tags']));
    expect(db.prepare('SELECT name FROM tags').pluck().all()).toEqual(['Dabiq']);
  });

  it('keeps one CSL-JSON object per corpus and document, and refuses anything that is not one', () => {
    db.transaction(() => migration003.up(db))();
    const insert = db.prepare("INSERT INTO document_details (corpus_id, document_id, csl_json, updated_at) VALUES (?, 'doc', ?, 't')");
    insert.run('corpus-a', JSON.stringify({ title: 'A' }));
    insert.run('corpus-b', JSON.stringify({ title: 'B' }));
    expect(() => insert.run('corpus-a', JSON.stringify({ title: 'again' }))).toThrow(/UNIQUE|PRIMARY KEY/);
    expect(() => insert.run('corpus-c', '{not json')).toThrow(/CHECK/);
    expect(() => insert.run('corpus-d', '[1, 2]')).toThrow(/CHECK/);
    expect(() => insert.run('corpus-e', JSON.stringify({ title: 'x'.repeat(70_000) }))).toThrow(/CHECK/);
  });

  it('keeps bounded preferences by key', () => {
    db.transaction(() => migration003.up(db))();
    const set = db.prepare('INSERT INTO preferences (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value');
    set.run('citation-style', 'apa');
    set.run('citation-style', 'mla');
    expect(db.prepare("SELECT value FROM preferences WHERE key = 'citation-style'").pluck().get()).toBe('mla');
    expect(() => set.run('', 'x')).toThrow(/CHECK/);
    expect(() => set.run('big', 'x'.repeat(2000))).toThrow(/CHECK/);
  });
});
