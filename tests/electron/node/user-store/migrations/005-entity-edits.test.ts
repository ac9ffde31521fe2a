import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../../../../electron/node/sqlite/open-database';
import { migration005 } from '../../../../../electron/node/user-store/migrations/005-entity-edits';
import { addEntityEdit, listEntityEdits, undoLastEntityEdit } from '../../../../../electron/node/user-store/queries/entity-edit-queries';

let db: Db;
beforeEach(() => {
  db = openDatabase(':memory:');
  // Alone: 005 needs no other migration.
  db.transaction(() => migration005.up(db))();
});
afterEach(() => db.close());

const insert = (kind: string, variant: string, target = '', name = '', seq = 1) =>
  db.prepare(`INSERT INTO entity_edits (id, corpus_id, seq, kind, variant_key, target_key, name, created_at) VALUES (?, 'c', ?, ?, ?, ?, ?, 't')`).run(`e${seq}`, seq, kind, variant, target, name);

describe('migration 005 (entity edits)', () => {
  it('is version 5 and refuses an unknown kind, a merge without a target and a rename without a name', () => {
    expect(migration005.version).toBe(5);
    expect(() => insert('delete', 'org:isis')).toThrow(/CHECK/);
    expect(() => insert('merge', 'org:isis')).toThrow(/CHECK/);
    expect(() => insert('rename', 'org:isis')).toThrow(/CHECK/);
    insert('hide', 'org:isis');
    expect(() => insert('hide', 'org:isil')).toThrow(/UNIQUE/);
  });

  it('lists the edits of a corpus in order and undoes the latest', () => {
    addEntityEdit(db, 'c', { kind: 'merge', variantKey: 'person:winter', targetKey: 'person:charlie winter', name: '' }, 'a', 't1');
    addEntityEdit(db, 'c', { kind: 'rename', variantKey: 'person:charlie winter', targetKey: '', name: 'C. Winter' }, 'b', 't2');
    addEntityEdit(db, 'other', { kind: 'hide', variantKey: 'org:x', targetKey: '', name: '' }, 'c', 't3');
    expect(listEntityEdits(db, 'c').map((e) => e.kind)).toEqual(['merge', 'rename']);
    expect(undoLastEntityEdit(db, 'c', 't4')).toBe(true);
    expect(listEntityEdits(db, 'c').map((e) => e.kind)).toEqual(['merge']);
    expect(listEntityEdits(db, 'other')).toHaveLength(1);
  });
});
