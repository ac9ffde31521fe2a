import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES } from '../../../../harness/paths';
import { errorCode, makeWorkspace, value } from '../user-data-fixture';

const workspace = makeWorkspace('carrel-coding-service-');
let corpus: string;
beforeAll(() => {
  corpus = workspace.corpus('small', path.join(FIXTURES, 'corpus-small'), undefined, 'Small');
});
afterAll(() => workspace.close());

describe('the coding service through the handler table', () => {
  it('builds a codebook, codes highlights, counts them, and undoes a merge and a delete', async () => {
    const { table } = workspace.services(corpus, path.join(workspace.dir, 'book', 'carrel-user.sqlite'));
    const themes = value(await table.createCode({ name: '  Themes  ', color: '#aabbcc' }));
    expect(themes).toMatchObject({ name: 'Themes', color: '#AABBCC', parentId: null });
    const fear = value(await table.createCode({ name: 'Fear', parentId: themes.id }));
    const dread = value(await table.createCode({ name: 'Dread' }));
    expect(value(await table.renameCode({ id: dread.id, name: 'Angst' })).name).toBe('Angst');
    expect(value(await table.updateCode({ id: dread.id, memo: 'Close to fear', description: 'Diffuse worry' }))).toMatchObject({ memo: 'Close to fear', description: 'Diffuse worry', name: 'Angst' });
    expect(value(await table.moveCode({ id: dread.id, parentId: themes.id })).parentId).toBe(themes.id);
    expect(errorCode(await table.moveCode({ id: themes.id, parentId: dread.id }))).toBe('invalid-argument');

    const a = value(await table.createHighlight({ documentId: 'notes', start: 0, end: 4, color: 'yellow' }));
    const b = value(await table.createHighlight({ documentId: 'notes', start: 5, end: 9, color: 'yellow' }));
    expect(value(await table.applyCode({ codeId: fear.id, highlightId: a.id }))).toBe(true);
    expect(value(await table.applyCode({ codeId: fear.id, highlightId: a.id }))).toBe(false);
    value(await table.applyCode({ codeId: dread.id, highlightId: a.id }));
    value(await table.applyCode({ codeId: dread.id, highlightId: b.id }));
    expect(value(await table.listDocumentCodings({ documentId: 'notes' }))).toEqual([
      { highlightId: a.id, codeIds: [fear.id, dread.id] },
      { highlightId: b.id, codeIds: [dread.id] },
    ]);
    const matrix = value(await table.getCodingMatrix(undefined));
    expect(matrix.counts).toContainEqual({ codeId: dread.id, documentId: 'notes', count: 2 });
    // The pair in codebook order, whatever the random ids.
    const [first, second] = value(await table.listCodebook(undefined))
      .codes.map((c) => c.id)
      .filter((id) => id === fear.id || id === dread.id);
    expect(matrix.cooccurrence).toEqual([{ a: first, b: second, count: 1 }]);

    const merge = value(await table.mergeCode({ fromId: fear.id, intoId: dread.id }));
    expect(value(await table.listCodebook(undefined)).codes.map((c) => c.name)).toEqual(['Themes', 'Angst']);
    expect(value(await table.listDocumentCodings({ documentId: 'notes' }))[0]).toEqual({ highlightId: a.id, codeIds: [dread.id] });
    expect(value(await table.undoCodeRemoval(merge)).codes.map((c) => c.name)).toEqual(['Themes', 'Fear', 'Angst']);

    const removal = value(await table.deleteCode({ id: themes.id }));
    expect(value(await table.listCodebook(undefined)).codes).toEqual([]);
    expect(value(await table.listDocumentCodings({ documentId: 'notes' }))).toEqual([]);
    value(await table.undoCodeRemoval(removal));
    expect(value(await table.listCodebook(undefined)).codes).toHaveLength(3);

    expect(value(await table.removeCodeFromHighlight({ codeId: dread.id, highlightId: b.id }))).toBe(true);
    expect(value(await table.listDocumentCodings({ documentId: 'notes' })).map((h) => h.highlightId)).toEqual([a.id]);
  });

  it('refuses invalid arguments before any service runs, and a missing code in words', async () => {
    const { table } = workspace.services(corpus, path.join(workspace.dir, 'refused', 'carrel-user.sqlite'));
    expect(errorCode(await table.createCode({ name: 'x'.repeat(201) }))).toBe('invalid-argument');
    expect(errorCode(await table.createCode({ name: 'Ok', color: 'red' }))).toBe('invalid-argument');
    expect(errorCode(await table.applyCode({ codeId: 'c', highlightId: 'not-a-uuid' }))).toBe('invalid-argument');
    expect(errorCode(await table.createCode({ name: 'Ok', extra: 1 } as never))).toBe('invalid-argument');
    const missing = await table.renameCode({ id: 'gone', name: 'New' });
    expect(missing.ok).toBe(false);
    if (!missing.ok) expect(missing.error.message).toMatch(/no longer exists/);
    expect(value(await table.listCodebook(undefined)).codes).toEqual([]);
  });
});
