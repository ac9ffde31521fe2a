import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../../../electron/node/cli/carrel';
import type { Output } from '../../../../electron/node/cli/output';
import { buildCorpus } from '../../../../electron/node/corpus/build-corpus';
import { BUNDLED_SOURCES } from '../../../harness/paths';

function capture(): Output & { lines: string[]; errors: string[] } {
  const lines: string[] = [];
  const errors: string[] = [];
  return { lines, errors, log: (l) => lines.push(l), error: (l) => errors.push(l), progress: () => {} };
}

let dir: string;
let corpus: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'carrel-repeated-cli-'));
  corpus = path.join(dir, 'bundled.sqlite');
  buildCorpus({ sourcesDir: BUNDLED_SOURCES, outFile: corpus });
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('carrel repeated', () => {
  it('lists the repeated passages of the bundled corpus, largest groups first, with their places and similarity', async () => {
    const out = capture();
    expect(await main(['repeated', '--corpus', corpus], out)).toBe(0);
    expect(out.lines[0]).toBe('6 repeated passage(s) of 8 words or more');
    const text = out.lines.join('\n');
    expect(text).toContain('3 places in 1 document(s), word for word: Fewer than 3,000 active fighters');
    expect(text).toContain('   83 %  000-isis-abandoned-caliphate  ¶ 13  ISIS has virtually abandoned notions of a ‘caliphate’');
  });

  it('gives JSON, and only passages of the words asked for', async () => {
    const out = capture();
    expect(await main(['repeated', '--corpus', corpus, '--min-words', '30', '--json'], out)).toBe(0);
    const json = JSON.parse(out.lines.join('\n'));
    expect(json).toMatchObject({ minWords: 30, total: 2, offset: 0, sort: 'size' });
    expect(json.groups.map((g: { places: { documentId: string; paragraph: number }[] }) => g.places.map((p) => `${p.documentId} ¶${p.paragraph}`))).toEqual([
      ['000-isis-abandoned-caliphate ¶18', '000-isis-abandoned-caliphate ¶19', '000-isis-abandoned-caliphate ¶21'],
      ['001-caliphate-under-the-laws-of-the-internet ¶30', '001-caliphate-under-the-laws-of-the-internet ¶34', '001-caliphate-under-the-laws-of-the-internet ¶40'],
    ]);
    expect(json.groups[1].similarity).toBeGreaterThan(0.5);
    expect(json.groups[1].similarity).toBeLessThan(0.8);
  });

  it('refuses a bad number with the usage', async () => {
    const out = capture();
    expect(await main(['repeated', '--corpus', corpus, '--min-words', 'many'], out)).toBe(2);
    expect(out.errors.join('\n')).toMatch(/Usage: carrel repeated/);
  });
});
