import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCorpus } from '../../../../electron/node/corpus/build-corpus';
import { openCorpus } from '../../../../electron/node/corpus/corpus-store';
import { checkedHeadings, headingsFromBlocks, MAX_HEADING_TITLE, MAX_HEADINGS } from '../../../../electron/node/corpus/headings';
import { FIXTURES } from '../../../harness/paths';

describe('headingsFromBlocks', () => {
  it('takes h1…h6 blocks as headings with their level, title on one line', () => {
    const text = 'Title\nIntro text\nPart  one\nmore';
    const blocks = [
      { start: 0, end: 5, kind: 'h1' as const },
      { start: 6, end: 16, kind: 'p' as const },
      { start: 17, end: 26, kind: 'h3' as const },
      { start: 27, end: 31, kind: 'li' as const },
    ];
    expect(headingsFromBlocks(text, blocks)).toEqual([
      { level: 1, start: 0, end: 5, title: 'Title' },
      { level: 3, start: 17, end: 26, title: 'Part one' },
    ]);
  });

  it('bounds a hostile document: at most MAX_HEADINGS, titles cut at MAX_HEADING_TITLE', () => {
    const long = 'x'.repeat(MAX_HEADING_TITLE * 3);
    const blocks = Array.from({ length: MAX_HEADINGS + 50 }, () => ({ start: 0, end: long.length, kind: 'h2' as const }));
    const headings = headingsFromBlocks(long, blocks);
    expect(headings).toHaveLength(MAX_HEADINGS);
    expect(headings[0]!.title).toHaveLength(MAX_HEADING_TITLE);
  });
});

describe('checkedHeadings (contents a format gives itself)', () => {
  it('drops headings outside the text or out of order, clamps levels', () => {
    const text = 'abcdefghij';
    expect(
      checkedHeadings(text, [
        { level: 0, start: 0, end: 2, title: 'First' },
        { level: 9, start: 4, end: 6, title: 'Second' },
        { level: 2, start: 3, end: 4, title: 'Backwards' },
        { level: 2, start: 8, end: 40, title: 'Past the end' },
        { level: 2, start: 8, end: 9, title: '   ' },
      ]),
    ).toEqual([
      { level: 1, start: 0, end: 2, title: 'First' },
      { level: 6, start: 4, end: 6, title: 'Second' },
    ]);
  });
});

describe('a built corpus keeps the contents of each document', () => {
  let dir: string;
  let file: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'carrel-headings-'));
    file = path.join(dir, 'contents.sqlite');
    buildCorpus({ sourcesDir: path.join(FIXTURES, 'corpus-contents'), outFile: file, title: 'Contents' });
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('lists Markdown and HTML headings with their level and the text they name; none for plain text; not a title folded away', () => {
    const store = openCorpus(file);
    try {
      const guide = store.getDocument('field-guide')!;
      // The h1 repeats the document's title, so the reader folds it away: the contents leave it out too.
      expect(guide.paragraphs[0]).toMatchObject({ fold: 'title' });
      expect(guide.headings.map((h) => [h.level, h.title])).toEqual([
        [2, 'Arriving'],
        [3, 'The catalogue'],
        [2, 'Reading'],
        [3, 'Taking notes'],
        [3, 'Asking for help'],
        [2, 'Leaving'],
      ]);
      for (const h of guide.headings) expect(guide.text.slice(h.start, h.end)).toBe(h.title);
      const arabic = store.getDocument('archive-guide-ar')!;
      expect(arabic.paragraphs[0]).toMatchObject({ fold: 'title' });
      expect(arabic.headings.map((h) => [h.level, h.title])).toEqual([
        [2, 'الوصول'],
        [2, 'القراءة'],
        [2, 'المغادرة'],
      ]);
      expect(store.getDocument('short-note')!.headings).toEqual([]);
    } finally {
      store.close();
    }
  });
});
