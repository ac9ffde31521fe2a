import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { buildCorpus } from '../../../../electron/node/corpus/build-corpus';
import type * as ParseHtml from '../../../../electron/node/corpus/parse-html';

// A parser that fails in an unforeseen way on one file (a bug, or input it cannot handle).
vi.mock('../../../../electron/node/corpus/parse-html', async (importOriginal) => {
  const original = await importOriginal<typeof ParseHtml>();
  return {
    ...original,
    parseHtml: (html: string) => {
      if (html.includes('TRIGGER')) throw new TypeError('Cannot read properties of undefined\n    at somewhere');
      return original.parseHtml(html);
    },
  };
});

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

describe('a parser failing on one file', () => {
  it('skips that file with its reason and builds the rest', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'carrel-load-'));
    dirs.push(dir);
    const sources = path.join(dir, 'sources');
    fs.mkdirSync(sources);
    fs.writeFileSync(path.join(sources, 'a-breaks.html'), '<p>TRIGGER</p>');
    fs.writeFileSync(path.join(sources, 'b-fine.html'), '<p>Fine page</p>');
    fs.writeFileSync(path.join(sources, 'c-fine.txt'), 'Fine text\n');
    const summary = buildCorpus({ sourcesDir: sources, outFile: path.join(dir, 'out.sqlite') });
    expect(summary.documents).toBe(2);
    expect(summary.skipped).toEqual([
      { path: 'a-breaks.html', reason: 'parse-failed', message: 'could not be parsed (Cannot read properties of undefined)' },
    ]);
  });
});
