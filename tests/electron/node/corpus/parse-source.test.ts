import { describe, expect, it } from 'vitest';
import { documentIdFromPath, parseSource, SourceError } from '../../../../electron/node/corpus/parse-source';

const bytes = (s: string) => new TextEncoder().encode(s);

describe('parseSource', () => {
  it('reads front matter and keeps the body exactly', () => {
    const doc = parseSource('a/b.txt', bytes('---\ntitle: "T"\nauthor: Ann\nlanguage: en\n---\nBody line\n\nNext\n'));
    expect(doc).toMatchObject({ id: 'a/b', title: 'T', author: 'Ann', source: '', language: 'en', format: 'text' });
    expect(doc.text).toBe('Body line\n\nNext\n');
    expect(doc.originalFile).toBe('b.txt');
  });

  it('takes the first line as title when there is no front matter, and strips BOM and CRLF', () => {
    const doc = parseSource('x.txt', bytes('\uFEFFHeadline here\r\n\r\nText\r\n'));
    expect(doc.title).toBe('Headline here');
    expect(doc.text).toBe('Headline here\n\nText\n');
    expect(doc.format).toBe('text');
    expect(doc.blocks).toEqual([
      { start: 0, end: 13, kind: 'p' },
      { start: 15, end: 19, kind: 'p' },
    ]);
  });

  it.each([
    ['bad.txt', new Uint8Array([0x66, 0xff, 0xfe]), 'invalid-utf8'],
    ['empty.txt', bytes('  \n\n'), 'empty'],
    ['only-front-matter.txt', bytes('---\ntitle: x\n---\n\n'), 'empty'],
    ['image.png', bytes('PNG'), 'unsupported-type'],
    ['broken.txt', bytes('---\ntitle: [unclosed\n---\ntext'), 'bad-front-matter'],
  ])('refuses %s with reason %s', (name, content, reason) => {
    expect(() => parseSource(name, content)).toThrowError(SourceError);
    try {
      parseSource(name, content);
    } catch (error) {
      expect((error as SourceError).reason).toBe(reason);
    }
  });

  it('makes ids from the path that survive edits of the text', () => {
    expect(documentIdFromPath('reports/2017 ISIS media.txt')).toBe('reports/2017-ISIS-media');
    expect(documentIdFromPath('عربي/مقال.md')).toBe('عربي/مقال');
  });
});
