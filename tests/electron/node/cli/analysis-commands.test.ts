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

describe('carrel concordance --csv, wordlist and related', () => {
  it('writes the concordance as CSV, every line, BOM first', async () => {
    const out = capture();
    expect(await main(['concordance', 'media', '--corpus', corpus, '--width', '2', '--csv'], out)).toBe(0);
    const rows = out.lines.join('\n').split('\r\n');
    expect(rows).toEqual([
      '\uFEFFdocument,title,paragraph,left,keyword,right,start,end',
      'a,A,1,The,media,office of,4,9',
      'a,A,1,video. The,media,office said,52,57',
      'b,B,1,Another,media,"office, a",8,13',
      'b,B,1,a rival,media,channel.,30,35',
    ]);
  });

  it('lists words and n-grams with counts, function words hidden on request, as text, JSON or CSV', async () => {
    const text = capture();
    expect(await main(['wordlist', '--corpus', corpus, '--limit', '3'], text)).toBe(0);
    expect(text.lines).toEqual(['21 words (13 distinct) in 2 document(s)', 'word            count  documents', 'media               4          2', 'office              3          2', 'the                 3          1']);
    const json = capture();
    expect(await main(['wordlist', '--corpus', corpus, '--ngram', '2', '--stopwords', '--json'], json)).toBe(0);
    const list = JSON.parse(json.lines.join('\n'));
    expect(list.entries[0]).toEqual({ words: 'media office', count: 3, documents: 2 });
    expect(list.entries.map((e: { words: string }) => e.words)).not.toContain('the media');
    const csv = capture();
    expect(await main(['wordlist', '--corpus', corpus, '--document', 'b', '--csv'], csv)).toBe(0);
    expect(csv.lines.join('\n').split('\r\n')).toEqual(['\uFEFFword,count,documents', 'media,2,1', 'a,1,1', 'another,1,1', 'channel,1,1', 'office,1,1', 'rival,1,1']);
    expect(await main(['wordlist', '--corpus', corpus, '--ngram', '4'], capture())).toBe(2);
  });

  it('lists the related documents of one, and says when the id is unknown', async () => {
    const json = capture();
    expect(await main(['related', 'a', '--corpus', corpus, '--json'], json)).toBe(0);
    const response = JSON.parse(json.lines.join('\n'));
    expect(response.documentId).toBe('a');
    expect(response.related.every((r: { id: string }) => r.id === 'b')).toBe(true);
    const missing = capture();
    expect(await main(['related', 'nope', '--corpus', corpus], missing)).toBe(1);
    expect(missing.errors[0]).toMatch(/not in the open corpus/);
  });
});
