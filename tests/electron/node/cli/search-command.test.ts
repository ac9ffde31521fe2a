import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../../../electron/node/cli/carrel';
import type { Output } from '../../../../electron/node/cli/output';
import { buildCorpus } from '../../../../electron/node/corpus/build-corpus';
import { FIXTURES } from '../../../harness/paths';

function capture(): Output & { lines: string[]; errors: string[] } {
  const lines: string[] = [];
  const errors: string[] = [];
  return { lines, errors, log: (l) => lines.push(l), error: (l) => errors.push(l), progress: () => {} };
}

let dir: string;
let corpus: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'carrel-search-cli-'));
  corpus = path.join(dir, 'corpus.sqlite');
  buildCorpus({ sourcesDir: path.join(FIXTURES, 'search'), outFile: corpus });
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('carrel search', () => {
  it('prints ranked results with marked snippets', async () => {
    const out = capture();
    expect(await main(['search', 'الأموي', '--corpus', corpus], out)).toBe(0);
    const text = out.lines.join('\n');
    expect(text).toMatch(/^1 document found for: الأموي · [\d.]+ ms/);
    expect(text).toContain('umayyad-mosque');
    expect(text).toContain('«الاموي»');
  });

  it('gives id, title, score and snippets with hit offsets as JSON, limited', async () => {
    const out = capture();
    expect(await main(['search', 'caliph*', '--corpus', corpus, '--json', '--limit', '1'], out)).toBe(0);
    const json = JSON.parse(out.lines.join('\n'));
    expect(json.total).toBe(2);
    expect(json.results).toHaveLength(1);
    const [result] = json.results;
    expect(result).toMatchObject({ id: 'round-city', title: 'The Round City of Baghdād' });
    expect(result.score).toBeGreaterThan(0);
    const text = fs.readFileSync(path.join(FIXTURES, 'search', 'round-city.txt'), 'utf8').split('---\n')[2]!;
    const hits = result.snippets.flatMap((s: { hits: { start: number; end: number }[] }) => s.hits);
    expect(hits.length).toBeGreaterThan(0);
    for (const hit of hits) expect(text.slice(hit.start, hit.end)).toMatch(/^caliph/);
  });

  it('exits non-zero with the plain-language message for a malformed query', async () => {
    const out = capture();
    expect(await main(['search', 'title:', '--corpus', corpus], out)).toBe(1);
    expect(out.errors).toEqual(['Type a word or a "phrase" right after "title:", as in title:caliphate.']);
    expect(out.lines).toEqual([]);
  });

  it('explains its usage and a missing corpus', async () => {
    const usage = capture();
    expect(await main(['search'], usage)).toBe(2);
    expect(usage.errors.join('\n')).toMatch(/Usage: carrel search/);
    const missing = capture();
    expect(await main(['search', 'x', '--corpus', path.join(dir, 'none.sqlite')], missing)).toBe(1);
    expect(missing.errors.join('\n')).toMatch(/was not found/);
  });
});
