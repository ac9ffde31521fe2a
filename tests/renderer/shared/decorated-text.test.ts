import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { DecoratedText } from '../../../renderer/src/shared/decorated-text';

const text = 'See the report here now.';
const render = (props: Partial<Parameters<typeof DecoratedText>[0]>) =>
  renderToStaticMarkup(createElement(DecoratedText, { text, start: 0, end: text.length, decorations: [], ...props }));

describe('DecoratedText with links', () => {
  it('wraps link text in one focusable span with its address as title, never an <a>', () => {
    const html = render({ links: [{ start: 8, end: 14, href: 'https://example.org/r?a=1&b=2' }] });
    expect(html).toBe(
      '<span data-offset="0">See the </span>' +
        '<span class="doc-link" role="button" tabindex="0" aria-haspopup="dialog" title="https://example.org/r?a=1&amp;b=2" data-link-start="8">' +
        '<span data-offset="8">report</span></span>' +
        '<span data-offset="14"> here now.</span>',
    );
  });

  it('nests marks inside the link and splits a mark that crosses its edge', () => {
    const html = render({
      links: [{ start: 8, end: 14, href: 'https://example.org/' }],
      decorations: [{ start: 11, end: 19, className: 'highlight', id: 'h1' }],
    });
    expect(html).toContain('<span data-offset="8">rep</span><span data-offset="11"><mark class="highlight" data-decoration-id="h1">ort</mark></span></span>');
    expect(html).toContain('<span data-offset="14"><mark class="highlight" data-decoration-id="h1"> here</mark></span>');
    expect(html).not.toContain('<a');
  });

  it('clips links to the rendered range and keeps the first of overlapping links', () => {
    const html = renderToStaticMarkup(
      createElement(DecoratedText, {
        text,
        start: 4,
        end: 12,
        decorations: [],
        links: [
          { start: 0, end: 7, href: 'https://a.example/' },
          { start: 5, end: 10, href: 'https://b.example/' },
        ],
      }),
    );
    expect(html).toBe(
      '<span class="doc-link" role="button" tabindex="0" aria-haspopup="dialog" title="https://a.example/" data-link-start="0"><span data-offset="4">the</span></span>' +
        '<span data-offset="7"> repo</span>',
    );
  });
});
