import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  applyCode,
  createCode,
  deleteCode,
  editCode,
  mergeCodes,
  moveCodeTo,
  undoCodeDeletion,
  type CodebookContext,
} from '../../../../electron/node/coding/codebook';
import { openDatabase, type Db } from '../../../../electron/node/sqlite/open-database';
import { migration001 } from '../../../../electron/node/user-store/migrations/001-initial';
import { migration004 } from '../../../../electron/node/user-store/migrations/004-coding';
import { listCodes } from '../../../../electron/node/user-store/queries/code-queries';
import { codeCooccurrence, codeDocumentCounts, listCodings } from '../../../../electron/node/user-store/queries/coding-queries';

let db: Db;
let ctx: CodebookContext;
beforeEach(() => {
  db = openDatabase(':memory:');
  db.pragma('foreign_keys = ON');
  db.transaction(() => migration001.up(db))();
  db.transaction(() => migration004.up(db))();
  let n = 0;
  ctx = { db, corpusId: 'corpus', now: () => '2026-01-01T00:00:00.000Z', newId: () => `id-${++n}` };
});
afterEach(() => db.close());

const highlight = (id: string, doc: string, start: number) =>
  db
    .prepare(
      `INSERT INTO highlights (id, corpus_id, document_id, document_sha256, quote_exact, quote_prefix, quote_suffix,
         position_start, position_end, color, created_at, updated_at) VALUES (?, 'corpus', ?, 's', 'q', '', '', ?, ?, 'yellow', 't', 't')`,
    )
    .run(id, doc, start, start + 1);

const names = () => listCodes(db, 'corpus').map((c) => `${c.parentId ? '  ' : ''}${c.name}`);

describe('the codebook', () => {
  it('creates, renames and lists codes as a tree, parents before children', () => {
    const women = createCode(ctx, { name: 'recruitment' });
    createCode(ctx, { name: ' women ', parentId: women.id, color: '#aa0000' });
    createCode(ctx, { name: 'victory' });
    editCode(ctx, women.id, { name: 'Recruitment', description: 'calls to join', memo: 'see Dabiq 7' });
    expect(names()).toEqual(['Recruitment', '  women', 'victory']);
    expect(listCodes(db, 'corpus')[0]).toMatchObject({ description: 'calls to join', memo: 'see Dabiq 7' });
    expect(listCodes(db, 'corpus')[1]!.color).toBe('#AA0000');
    expect(() => createCode(ctx, { name: '   ' })).toThrow(/needs a name/);
    expect(() => createCode(ctx, { name: 'x', color: 'red' })).toThrow(/#rrggbb/);
  });

  it('moves a code but never under itself or its own sub-code', () => {
    const a = createCode(ctx, { name: 'a' });
    const b = createCode(ctx, { name: 'b', parentId: a.id });
    const c = createCode(ctx, { name: 'c', parentId: b.id });
    expect(() => moveCodeTo(ctx, a.id, c.id)).toThrow(/under itself/);
    expect(() => moveCodeTo(ctx, a.id, a.id)).toThrow(/under itself/);
    moveCodeTo(ctx, c.id, null);
    expect(listCodes(db, 'corpus').find((x) => x.id === c.id)!.parentId).toBeNull();
  });

  it('merges a code: its codings and children follow, a shared passage keeps one coding, undo restores all', () => {
    const a = createCode(ctx, { name: 'a' });
    const b = createCode(ctx, { name: 'b' });
    const child = createCode(ctx, { name: 'child', parentId: b.id });
    highlight('h1', 'd1', 0);
    highlight('h2', 'd1', 5);
    applyCode(ctx, a.id, 'h1');
    applyCode(ctx, b.id, 'h1');
    applyCode(ctx, b.id, 'h2');
    const undo = mergeCodes(ctx, b.id, a.id);
    expect(names()).toEqual(['a', '  child']);
    expect(listCodings(db, 'corpus').map((k) => `${k.codeId}:${k.highlightId}`).sort()).toEqual([`${a.id}:h1`, `${a.id}:h2`]);
    undoCodeDeletion(ctx, undo);
    expect(names()).toEqual(['a', 'b', '  child']);
    expect(listCodings(db, 'corpus').map((k) => `${k.codeId}:${k.highlightId}`).sort()).toEqual(
      [`${a.id}:h1`, `${b.id}:h1`, `${b.id}:h2`].sort(),
    );
    expect(listCodes(db, 'corpus').find((x) => x.id === child.id)!.parentId).toBe(b.id);
  });

  it('deletes a code with its sub-codes and codings, and undo brings them back', () => {
    const a = createCode(ctx, { name: 'a' });
    const b = createCode(ctx, { name: 'b', parentId: a.id });
    highlight('h1', 'd1', 0);
    applyCode(ctx, b.id, 'h1');
    const undo = deleteCode(ctx, a.id);
    expect(names()).toEqual([]);
    expect(listCodings(db, 'corpus')).toEqual([]);
    expect(() => applyCode(ctx, b.id, 'h1')).toThrow(/no longer exists/);
    undoCodeDeletion(ctx, undo);
    expect(names()).toEqual(['a', '  b']);
    expect(listCodings(db, 'corpus')).toHaveLength(1);
  });

  it('counts the code × document matrix and co-occurrence from the coded passages', () => {
    const a = createCode(ctx, { name: 'a' });
    const b = createCode(ctx, { name: 'b' });
    highlight('h1', 'd1', 0);
    highlight('h2', 'd1', 5);
    highlight('h3', 'd2', 0);
    applyCode(ctx, a.id, 'h1');
    applyCode(ctx, a.id, 'h2');
    applyCode(ctx, b.id, 'h2');
    applyCode(ctx, b.id, 'h3');
    expect(applyCode(ctx, b.id, 'h3')).toBe(false);
    const codings = listCodings(db, 'corpus');
    const doc = new Map([['h1', 'd1'], ['h2', 'd1'], ['h3', 'd2']]);
    const expected = new Map<string, number>();
    for (const k of codings) expected.set(`${k.codeId}|${doc.get(k.highlightId)}`, (expected.get(`${k.codeId}|${doc.get(k.highlightId)}`) ?? 0) + 1);
    const counts = codeDocumentCounts(db, 'corpus');
    expect(new Map(counts.map((c) => [`${c.codeId}|${c.documentId}`, c.count]))).toEqual(expected);
    expect(codeCooccurrence(db, 'corpus')).toEqual([{ a: a.id, b: b.id, count: 1 }]);
    db.prepare("UPDATE highlights SET deleted_at = 't' WHERE id = 'h2'").run();
    expect(codeCooccurrence(db, 'corpus')).toEqual([]);
  });
});
