import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildCorpus } from '../../../../electron/node/corpus/build-corpus';
import { BUNDLED_SOURCES } from '../../../harness/paths';
import { errorCode, makeWorkspace, value } from './user-data-fixture';

// Issue 16: entity merges and user edits survive a corpus rebuild.
describe('edits of the entity index', () => {
  let ws: ReturnType<typeof makeWorkspace>;
  beforeEach(() => {
    ws = makeWorkspace('carrel-entities-');
  });
  afterEach(() => ws.close());

  it('merge, split, rename and hide are kept by spelling, apply again after a rebuild, and undo in order', async () => {
    const sources = path.join(ws.dir, 'sources');
    fs.cpSync(BUNDLED_SOURCES, sources, { recursive: true });
    const file = path.join(ws.dir, 'corpus.sqlite');
    buildCorpus({ sourcesDir: sources, outFile: file });
    let { services, table } = ws.services(file);
    const people = async () => value(await table.listEntities({ type: 'person' })).entities;
    const byName = async (name: string) => (await people()).find((e) => e.name === name);

    const winter = (await byName('Charlie Winter'))!;
    expect(winter.variants.map((v) => v.name)).toEqual(['Charlie Winter', 'Winter']);
    const mohammed = (await byName('Mohammed'))!;
    const muhammad = (await byName('Muhammad'))!;
    // Mohammed and Muhammad: the same teenager, merged by hand.
    expect(value(await table.editEntity({ kind: 'merge', key: muhammad.key, targetKey: mohammed.key }))).toEqual({ key: mohammed.key });
    expect(value(await table.editEntity({ kind: 'rename', key: mohammed.key, name: 'Mohammed (the teenager)' }))).toEqual({ key: mohammed.key });
    value(await table.editEntity({ kind: 'split', key: winter.key, targetKey: 'person:winter' }));
    const maura = (await byName('Maura'))!;
    value(await table.editEntity({ kind: 'hide', key: maura.key }));
    expect(errorCode(await table.editEntity({ kind: 'merge', key: maura.key, targetKey: 'org:islamic state' }))).toBe('invalid-argument');

    const edited = async () => {
      const list = await people();
      return {
        teenager: list.find((e) => e.name === 'Mohammed (the teenager)')?.variants.map((v) => v.name),
        winter: list.find((e) => e.name === 'Charlie Winter')?.variants.map((v) => v.name),
        winterAlone: list.some((e) => e.name === 'Winter'),
        maura: list.some((e) => e.name === 'Maura'),
        mauraHidden: value(await table.listEntities({ type: 'person', includeHidden: true })).entities.find((e) => e.name === 'Maura')?.hidden,
      };
    };
    const expected = { teenager: ['Mohammed', 'Muhammad'], winter: ['Charlie Winter'], winterAlone: true, maura: false, mauraHidden: true };
    expect(await edited()).toEqual(expected);
    const page = value(await table.getEntity({ key: mohammed.key }));
    expect(page.totalMentions).toBe(mohammed.mentions + muhammad.mentions);
    expect(page.mentions.every((m) => /moh?amm?ed|muhammad/i.test(m.text))).toBe(true);

    // Rebuilt from the same folder, with a line added: new row ids, the same spellings.
    services.close();
    fs.appendFileSync(path.join(sources, fs.readdirSync(sources).find((f) => f.endsWith('.txt'))!), '\n\nCharlie Winter met Mohammed again in Raqqa.\n');
    buildCorpus({ sourcesDir: sources, outFile: file });
    ({ services, table } = ws.services(file));
    expect(await edited()).toEqual(expected);

    // Undo, latest first: the hide, then the split.
    expect(value(await table.undoEntityEdit(undefined))).toEqual({ undone: true });
    expect((await edited()).maura).toBe(true);
    value(await table.undoEntityEdit(undefined));
    expect((await edited()).winter).toEqual(['Charlie Winter', 'Winter']);
  });

  it('lists the co-occurring entities and the mentions of an entity in context', async () => {
    const { table } = ws.services(ws.corpus('bundled', BUNDLED_SOURCES));
    const page = value(await table.getEntity({ key: 'person:charlie winter' }));
    expect(page.entity.name).toBe('Charlie Winter');
    expect(page.mentions.length).toBe(page.totalMentions);
    for (const m of page.mentions) expect(m.text).toMatch(/Winter/);
    expect(page.cooccurring.map((c) => c.name)).toEqual(expect.arrayContaining(["King’s College", 'Islamic State']));
    expect(errorCode(await table.getEntity({ key: 'person:nobody at all' }))).toBe('not-found');
  });
});
