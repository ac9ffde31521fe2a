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

describe('parseSource per format', () => {
  it('reads HTML metadata and text, and keeps the path as provenance', () => {
    const doc = parseSource(
      'web/page.html',
      bytes('<html lang="en"><title>Page</title><meta name="author" content="Ann"><meta name="date" content="2019-05-01"><p>Body &amp; more</p></html>'),
    );
    expect(doc).toMatchObject({ id: 'web/page', title: 'Page', author: 'Ann', date: '2019-05-01', language: 'en', format: 'html', sourcePath: 'web/page.html', originalFile: 'page.html' });
    expect(doc.text).toBe('Body & more');
  });

  it('decodes an HTML page in the legacy character set it declares', () => {
    const windows1256 = new Uint8Array([0x3c, 0x6d, 0x65, 0x74, 0x61, 0x20, 0x63, 0x68, 0x61, 0x72, 0x73, 0x65, 0x74, 0x3d, ...bytes('windows-1256><p>'), 0xc7, 0xe1, 0xce, 0xe1, 0xc7, 0xdd, 0xc9]);
    const doc = parseSource('legacy.htm', windows1256);
    expect(doc.text).toBe('الخلافة');
    expect(doc.language).toBe('ar');
  });

  it('takes Markdown metadata from front matter, else the leading heading, and detects the language', () => {
    const withFront = parseSource('a.md', bytes('---\ntitle: T\nauthor: Ann\ndate: 2017-10-12\ndescription: About\nlanguage: en\n---\n# Heading\n\nText\n'));
    expect(withFront).toMatchObject({ title: 'T', author: 'Ann', date: '2017-10-12', description: 'About', language: 'en' });
    const bare = parseSource('b.markdown', bytes('## الدولة الإسلامية\n\nنص عن *الخلافة* الافتراضية.\n'));
    expect(bare).toMatchObject({ title: 'الدولة الإسلامية', language: 'ar', format: 'markdown' });
    expect(bare.text).toBe('الدولة الإسلامية\n\nنص عن الخلافة الافتراضية.');
  });

  it('detects Arabic in a text file without front matter', () => {
    expect(parseSource('ar.txt', bytes('الخلافة الافتراضية\n\nنص عربي.\n')).language).toBe('ar');
    expect(parseSource('en.txt', bytes('The virtual caliphate\n\nEnglish text.\n')).language).toBe('en');
  });

  it.each([
    ['scripts-only.html', bytes('<script>alert(1)</script><style>p{}</style>'), 'empty'],
    ['blank.html', bytes('<html><body>   </body></html>'), 'empty'],
    ['no-charset.html', new Uint8Array([0x3c, 0x70, 0x3e, 0xff, 0xfe]), 'invalid-utf8'],
    ['front-only.md', bytes('---\ntitle: x\n---\n\n'), 'empty'],
    ['broken.md', bytes('---\ntitle: [unclosed\n---\ntext'), 'bad-front-matter'],
    ['bad.md', new Uint8Array([0xc3, 0x28]), 'invalid-utf8'],
    ['page.xhtml', bytes('<p>x</p>'), 'unsupported-type'],
    ['nested.html', bytes(`${'<div>'.repeat(600)}deep`), 'too-deep'],
    ['nested.md', bytes(`Text\n\n${'<div>'.repeat(600)}deep\n`), 'too-deep'],
    ['README', bytes('text'), 'unsupported-type'],
  ])('refuses %s with reason %s', (name, content, reason) => {
    expect(() => parseSource(name, content)).toThrowError(SourceError);
    try {
      parseSource(name, content);
    } catch (error) {
      expect((error as SourceError).reason).toBe(reason);
    }
  });
});
