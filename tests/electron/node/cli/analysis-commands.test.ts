import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../../../electron/node/cli/carrel';
import type { Output } from '../../../../electron/node/cli/output';
import { buildCorpus } from '../../../../electron/node/corpus/build-corpus';

function capture(): Output & { lines: string[]; errors: string[] } {
  const lines: string[] = [];
  const errors: string[] = [];
  return { lines, errors, log: (l) => lines.push(l), error: (l) => errors.push(l), progress: () => {} };
}

let dir: string;
let corpus: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'carrel-analysis-cli-'));
  const sources = path.join(dir, 'sources');
  fs.mkdirSync(sources);
  fs.writeFileSync(path.join(sources, 'a.md'), '---\ntitle: A\n---\n\nThe media office of the group released a video. The media office said more.');
  fs.writeFileSync(path.join(sources, 'b.md'), '---\ntitle: B\n---\n\nAnother media office, a rival media channel.');
  corpus = path.join(dir, 'corpus.sqlite');
  buildCorpus({ sourcesDir: sources, outFile: corpus });
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('carrel concordance', () => {
  it('prints the lines aligned on the keyword, with document and paragraph', async () => {
    const out = capture();
    expect(await main(['concordance', 'media', '--corpus', corpus, '--width', '2'], out)).toBe(0);
    expect(out.lines).toEqual([
      '4 line(s) for: media',
      '       The  [media]  office of   (a, ¶1)',
      'video. The  [media]  office said   (a, ¶1)',
      '   Another  [media]  office, a   (b, ¶1)',
      '   a rival  [media]  channel.   (b, ¶1)',
    ]);
  });

  it('gives JSON sorted as asked', async () => {
    const out = capture();
    expect(await main(['concordance', 'media', '--corpus', corpus, '--sort', 'right1', '--json'], out)).toBe(0);
    const json = JSON.parse(out.lines.join('\n'));
    expect(json.total).toBe(4);
    expect(json.lines.map((line: { right: string }) => line.right.split(' ')[0])).toEqual(['channel.', 'office', 'office', 'office,']);
  });

  it('refuses a bad sort or width with the usage', async () => {
    const out = capture();
    expect(await main(['concordance', 'media', '--corpus', corpus, '--sort', 'sideways'], out)).toBe(2);
    expect(out.errors.join('\n')).toMatch(/Usage: carrel concordance/);
    expect(await main(['concordance', 'media', '--corpus', corpus, '--width', '0'], out)).toBe(2);
  });
});

describe('carrel collocates', () => {
  it('lists the words near a term with their counts and measures', async () => {
    const out = capture();
    expect(await main(['collocates', 'media', '--corpus', corpus, '--window', '1', '--json'], out)).toBe(0);
    const json = JSON.parse(out.lines.join('\n'));
    expect(json.occurrences).toBe(4);
    expect(json.collocates[0]).toMatchObject({ word: 'office', count: 3, frequency: 3 });
  });
});
