import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../../../../electron/node/sqlite/open-database';
import { migration001 } from '../../../../../electron/node/user-store/migrations/001-initial';

let db: Db;
beforeEach(() => {
  db = openDatabase(':memory:');
  db.pragma('foreign_keys = ON');
  db.transaction(() => migration001.up(db))();
});
afterEach(() => db.close());

const columns = (table: string) => db.prepare(`SELECT name FROM pragma_table_info(?)`).pluck().all(table);

const insertHighlight = (id: string, start: number, end: number) =>
  db
    .prepare(
      `INSERT INTO highlights (id, corpus_id, document_id, document_sha256, quote_exact, quote_prefix, quote_suffix,
         position_start, position_end, color, created_at, updated_at)
       VALUES (?, 'corpus', 'doc', 'sha', 'exact', '', '', ?, ?, 'yellow', 't', 't')`,
    )
    .run(id, start, end);

describe('migration 001 (initial schema)', () => {
  it('is version 1', () => {
    expect(migration001.version).toBe(1);
  });

  it('creates every table, each keyed by corpus id and document id', () => {
    const tables = db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name").pluck().all();
    expect(tables).toEqual([
      'bookmarks',
      'deletions',
      'document_notes',
      'highlight_tags',
      'highlights',
      'note_tags',
      'reading_positions',
      'tags',
    ]);
    for (const table of ['highlights', 'document_notes', 'bookmarks', 'reading_positions', 'deletions']) {
      expect(columns(table)).toEqual(expect.arrayContaining(['corpus_id', 'document_id']));
    }
    expect(columns('highlights')).toEqual(
      expect.arrayContaining(['quote_exact', 'quote_prefix', 'quote_suffix', 'position_start', 'position_end', 'document_sha256', 'deleted_at']),
    );
  });

  it('rejects an empty or inverted highlight span', () => {
    insertHighlight('ok', 3, 4);
    expect(() => insertHighlight('empty', 4, 4)).toThrow(/CHECK/);
    expect(() => insertHighlight('negative', -1, 4)).toThrow(/CHECK/);
  });

  it('keeps tags unique by key and drops tag links with their highlight', () => {
    insertHighlight('h1', 0, 5);
    db.prepare("INSERT INTO tags (name, key) VALUES ('Dabiq', 'dabiq')").run();
    expect(() => db.prepare("INSERT INTO tags (name, key) VALUES ('DABIQ', 'dabiq')").run()).toThrow(/UNIQUE/);
    db.prepare("INSERT INTO highlight_tags (highlight_id, tag_id, ord) VALUES ('h1', 1, 0)").run();
    expect(() => db.prepare("INSERT INTO highlight_tags (highlight_id, tag_id, ord) VALUES ('nope', 1, 0)").run()).toThrow(/FOREIGN KEY/);
    db.prepare("DELETE FROM highlights WHERE id = 'h1'").run();
    expect(db.prepare('SELECT count(*) FROM highlight_tags').pluck().get()).toBe(0);
  });

  it('keeps one reading position per corpus and document', () => {
    const insert = db.prepare(
      "INSERT INTO reading_positions (corpus_id, document_id, document_sha256, offset, updated_at) VALUES (?, 'doc', 'sha', 0, 't')",
    );
    insert.run('corpus-a');
    insert.run('corpus-b');
    expect(() => insert.run('corpus-a')).toThrow(/UNIQUE|PRIMARY KEY/);
  });

  it('only accepts known deletion kinds and review states', () => {
    expect(() =>
      db.prepare("INSERT INTO deletions (id, corpus_id, kind, item_id, document_id, summary, deleted_at) VALUES ('d', 'c', 'tag', 'i', 'doc', 's', 't')").run(),
    ).toThrow(/CHECK/);
    insertHighlight('h2', 0, 1);
    expect(() => db.prepare("UPDATE highlights SET review_state = 'maybe' WHERE id = 'h2'").run()).toThrow(/CHECK/);
  });
});
