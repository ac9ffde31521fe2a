import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { declaredCharset, HtmlTooDeepError, MAX_HTML_DEPTH, parseHtml } from '../../../../electron/node/corpus/parse-html';
import { FIXTURES } from '../../../harness/paths';

const blockTexts = (parsed: ReturnType<typeof parseHtml>) => parsed.blocks.map((b) => parsed.text.slice(b.start, b.end));

describe('parseHtml', () => {
  it('keeps the offset of each element id: a block, an inline element, an empty element before a block, <a name>', () => {
    const html = '<h1 id="top">Title</h1><p>Some <span id="mid">words</span> here.</p><div id="empty"></div><p>Next <a name="old">one</a>.</p><p id="top">Again</p><div id="last"></div>';
    const parsed = parseHtml(html);
    const at = (id: string) => parsed.text.slice(parsed.anchors.get(id)).slice(0, 8);
    expect(['top', 'mid', 'empty', 'old'].map(at)).toEqual(['Title\n\nS', 'words he', 'Next one', 'one.\n\nAg']);
    expect(parsed.anchors.get('last')).toBe(parsed.text.length);
  });

  it('keeps only the readable text of a hostile page', () => {
    const html = fs.readFileSync(path.join(FIXTURES, 'corpus-mixed', 'hostile', 'hostile-page.html'), 'utf8');
    const parsed = parseHtml(html);
    expect(parsed.text).toBe(
      [
        'A hostile page',
        'The readable sentence survives.',
        'A script link, an obfuscated one and a normal link.',
        'A chart of releases',
        'Styled text is kept.',
      ].join('\n\n'),
    );
    expect(parsed.text).not.toMatch(/LEAK|__pwned|evil\.example|background|@import|Send/);
    // javascript: addresses (even obfuscated with a tab and &colon;) are not kept as links.
    expect(parsed.links).toEqual([{ start: 88, end: 99, href: 'https://example.org/report' }]);
    expect(parsed.text.slice(88, 99)).toBe('normal link');
    expect(parsed.meta).toMatchObject({ title: 'Hostile page about propaganda', language: 'en' });
  });

  it('turns block elements into blocks with their kind, collapses whitespace and decodes entities', () => {
    const parsed = parseHtml(
      '<h2>Head&shy;ing</h2><p>One &amp;   two\n  three &#x41;&lt;</p><ul><li>a</li><li>b</li></ul>' +
        '<blockquote><p>quoted</p></blockquote><pre>  keep\n    indent</pre><div>x<br>y</div>' +
        '<table><tr><th>h1</th><th>h2</th></tr><tr><td>c1</td><td>c2</td></tr></table>',
    );
    expect(blockTexts(parsed)).toEqual(['Head\u00ADing', 'One & two three A<', 'a', 'b', 'quoted', 'keep\n    indent', 'x', 'y', 'h1\th2', 'c1\tc2']);
    expect(parsed.blocks.map((b) => b.kind)).toEqual(['h2', 'p', 'li', 'li', 'quote', 'pre', 'p', 'p', 'row', 'row']);
    expect(parsed.text.slice(parsed.blocks[1]!.start, parsed.blocks[1]!.end)).toBe('One & two three A<');
  });

  it('reads title, author, date, description, source and language from <title>, <meta> and <html lang>', () => {
    const parsed = parseHtml(
      `<html lang="ar" dir="RTL"><head><title> Page  title </title>
       <meta name="Author" content="Ann">
       <meta name="DC.date" content="2017-01-02">
       <meta name="description" content="About it">
       <meta property="og:site_name" content="Site">
       </head><body><p>نص</p></body></html>`,
    );
    expect(parsed.meta).toEqual({
      title: 'Page title',
      author: 'Ann',
      date: '2017-01-02',
      description: 'About it',
      source: 'Site',
      language: 'ar',
      dir: 'rtl',
    });
    expect(parsed.text).toBe('نص');
  });

  it('prefers <meta name=source> and dc.* names, and takes dc.language when <html> has no lang', () => {
    const parsed = parseHtml(
      '<meta name="dc.creator" content="Creator"><meta name="source" content="The Source">' +
        '<meta name="dc.language" content="en"><meta name="dc.title" content="DC title"><p>x</p>',
    );
    expect(parsed.meta).toMatchObject({ title: 'DC title', author: 'Creator', source: 'The Source', language: 'en' });
  });

  it('keeps the lang and dir a block is given, by itself or by an element around it', () => {
    const parsed = parseHtml(
      '<html lang="en"><body><p>English first.</p>' +
        '<div lang="ar" dir="rtl"><p>ISIS في بيانه</p><p dir="ltr">Latin inside</p>trailing نص</div>' +
        '<p>Back <span lang="ar" dir="rtl">كلمة</span> in English.</p><p dir="sideways">Bad dir.</p></body></html>',
    );
    expect(parsed.blocks.map((b) => [parsed.text.slice(b.start, b.end), b.lang, b.dir])).toEqual([
      ['English first.', 'en', undefined],
      ['ISIS في بيانه', 'ar', 'rtl'],
      ['Latin inside', 'ar', 'ltr'],
      ['trailing نص', 'ar', 'rtl'],
      // An inline span does not change its paragraph; an unknown dir is not kept.
      ['Back كلمة in English.', 'en', undefined],
      ['Bad dir.', 'en', undefined],
    ]);
    expect(parseHtml('<p>No language stated.</p>').blocks[0]).toEqual({ start: 0, end: 19, kind: 'p' });
  });

  it('records links as spans of the text with their address', () => {
    const parsed = parseHtml('<p>See <a href=" https://example.org/a ">the   report</a> and <a href="#n1">note</a>.</p>');
    expect(parsed.text).toBe('See the report and note.');
    expect(parsed.links).toEqual([
      { start: 4, end: 14, href: 'https://example.org/a' },
      { start: 19, end: 23, href: '#n1' },
    ]);
  });

  it('keeps paragraphs inside list items as list items, and pairs nested anchors', () => {
    const parsed = parseHtml('<ul><li><p>first</p><p>second</p></li></ul><p><a href="https://a.example/">out <a name="x">in</a> tail</a></p>');
    expect(parsed.blocks.map((b) => [b.kind, parsed.text.slice(b.start, b.end)])).toEqual([
      ['li', 'first'],
      ['li', 'second'],
      ['p', 'out in tail'],
    ]);
    expect(parsed.links.map((l) => [l.href, parsed.text.slice(l.start, l.end)])).toContainEqual(['https://a.example/', expect.stringMatching(/^out/)]);
    expect(parsed.links.every((l) => l.href === 'https://a.example/')).toBe(true);
  });

  it('keeps text after unclosed inline tags and drops unclosed raw-text elements to the end', () => {
    expect(parseHtml('<p><b>bold <i>both</p><p>next').text).toBe('bold both\n\nnext');
    expect(parseHtml('<p>before</p><script>never').text).toBe('before');
  });

  it('reads elements nested up to the limit and refuses deeper ones', () => {
    expect(parseHtml(`${'<div>'.repeat(MAX_HTML_DEPTH - 1)}deep`).text).toBe('deep');
    expect(() => parseHtml(`${'<div>'.repeat(MAX_HTML_DEPTH + 1)}deep`)).toThrow(HtmlTooDeepError);
    // Closed elements do not add up: a long flat page is fine.
    expect(parseHtml('<p><b>x</b></p>'.repeat(5000)).blocks).toHaveLength(5000);
  });

  it('finds a declared character set', () => {
    expect(declaredCharset(new TextEncoder().encode('<meta charset="windows-1256"><p>x'))).toBe('windows-1256');
    expect(declaredCharset(new TextEncoder().encode('<meta http-equiv="Content-Type" content="text/html; charset=ISO-8859-1">'))).toBe('iso-8859-1');
    expect(declaredCharset(new TextEncoder().encode('<p>none</p>'))).toBeUndefined();
  });
});
