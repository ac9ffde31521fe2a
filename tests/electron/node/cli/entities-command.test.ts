import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../../../electron/node/cli/carrel';
import { buildCorpus } from '../../../../electron/node/corpus/build-corpus';
import { BUNDLED_SOURCES } from '../../../harness/paths';

let dir: string;
let corpus: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'carrel-cli-entities-'));
  corpus = path.join(dir, 'bundled.sqlite');
  buildCorpus({ sourcesDir: BUNDLED_SOURCES, outFile: corpus });
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

async function run(...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(args, { log: (l) => out.push(l), error: (l) => err.push(l), progress: () => {} });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('carrel entities', () => {
  it('lists the index by type as JSON, the group with its spellings merged', async () => {
    const { code, out } = await run('entities', '--corpus', corpus, '--type', 'org', '--json');
    expect(code).toBe(0);
    const parsed = JSON.parse(out) as { matching: number; entities: { name: string; type: string; mentions: number; documents: number; variants: { name: string }[] }[] };
    expect(parsed.entities.every((e) => e.type === 'org')).toBe(true);
    const group = parsed.entities[0]!;
    expect(group).toMatchObject({ name: 'Islamic State', documents: 5 });
    expect(group.variants.map((v) => v.name)).toEqual(['Daesh', 'IS', 'ISIL', 'ISIS', 'Islamic State']);
    expect(parsed.entities.map((e) => e.name)).toEqual(expect.arrayContaining(['Amaq', 'al-Hayat Media Center', 'Furat']));
  });

  it('filters by letters, prints a table, and refuses an unknown type', async () => {
    const { code, out } = await run('entities', '--corpus', corpus, '--filter', 'baghdadi');
    expect(code).toBe(0);
    expect(out).toMatch(/^1 suggested entry:/);
    expect(out).toMatch(/person\s+Abu Bakr al-Baghdadi\s+2\s+2\s+Abu Bakr al-Baghdadi · al-Baghdadi/);
    expect((await run('entities', '--corpus', corpus, '--type', 'thing')).code).toBe(2);
  });
});
