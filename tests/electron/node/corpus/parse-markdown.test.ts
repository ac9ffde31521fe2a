import { describe, expect, it } from 'vitest';
import { parseMarkdown } from '../../../../electron/node/corpus/parse-markdown';

describe('parseMarkdown', () => {
  it('strips syntax into blocks: headings, paragraphs, list items, quotes, code', () => {
    const parsed = parseMarkdown(
      '# Title\n\nSome *emphasis*, **strong** and `code`\nover two lines.\n\n- one\n- two\n\n1. first\n\n> quoted **text**\n\n```js\nconst x = 1;\n```\n\n    indented code\n',
    );
    expect(parsed.blocks.map((b) => [b.kind, parsed.text.slice(b.start, b.end)])).toEqual([
      ['h1', 'Title'],
      ['p', 'Some emphasis, strong and code\nover two lines.'],
      ['li', 'one'],
      ['li', 'two'],
      ['li', 'first'],
      ['quote', 'quoted text'],
      ['pre', 'const x = 1;'],
      ['pre', 'indented code'],
    ]);
  });

  it('keeps link text and records the address; images leave their alt text', () => {
    const parsed = parseMarkdown('Read [the report](https://example.org/r "t") and ![a chart](https://evil.example/c.png).');
    expect(parsed.text).toBe('Read the report and a chart.');
    expect(parsed.links).toEqual([{ start: 5, end: 15, href: 'https://example.org/r' }]);
  });

  it('reduces raw HTML to its text and drops scripts, inline or in blocks', () => {
    const parsed = parseMarkdown(
      'Text <script>window.__pwned = 1</script>stays <b>bold</b>.\n\n<div onclick="x()">Block <style>p{}</style>text</div>\n\n<script>\nwindow.__pwned = 2\n</script>\n',
    );
    expect(parsed.text).toBe('Text stays bold.\n\nBlock text');
    expect(parsed.text).not.toContain('pwned');
  });

  it('joins table cells of a row with a tab', () => {
    const parsed = parseMarkdown('| a | b |\n|---|---|\n| 1 | 2 |\n');
    expect(parsed.blocks.map((b) => [b.kind, parsed.text.slice(b.start, b.end)])).toEqual([
      ['row', 'a\tb'],
      ['row', '1\t2'],
    ]);
  });
});
