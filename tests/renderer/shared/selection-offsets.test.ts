// @vitest-environment jsdom
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { beforeEach, describe, expect, it } from 'vitest';
import { DecoratedText } from '../../../renderer/src/shared/decorated-text';
import type { Decoration } from '../../../renderer/src/shared/decorations';
import { offsetToRange, pointToOffset, rangeToOffsets } from '../../../renderer/src/shared/selection-offsets';

// Three paragraphs as the reader lays them out: separators between paragraphs are not rendered.
const TEXT = 'First paragraph here.\n\nالفقرة الثانية بالعربية.\n\nThird 😀 emoji line.';
const PARAGRAPHS = paragraphsOf(TEXT);

function paragraphsOf(text: string) {
  const out: { start: number; end: number }[] = [];
  let start = 0;
  for (const part of text.split('\n\n')) {
    out.push({ start, end: start + part.length });
    start += part.length + 2;
  }
  return out;
}

function render(decorations: Decoration[] = []): HTMLElement {
  const body = createElement(
    'div',
    { className: 'document-body' },
    PARAGRAPHS.map((p) =>
      createElement('p', { key: p.start, 'data-start': p.start, 'data-end': p.end }, createElement(DecoratedText, { text: TEXT, ...p, decorations })),
    ),
  );
  document.body.innerHTML = `<header><h2>Title</h2></header>${renderToStaticMarkup(body)}<footer>after</footer>`;
  return document.querySelector('.document-body')!;
}

/** The text node holding the character at a document offset, and the offset inside it. */
function textPoint(root: Element, offset: number): [Node, number] {
  const range = offsetToRange(root, offset)!;
  return [range.startContainer, range.startOffset];
}

function rangeBetween(start: [Node, number], end: [Node, number]): Range {
  const range = document.createRange();
  range.setStart(...start);
  range.setEnd(...end);
  return range;
}

describe('selection offsets', () => {
  beforeEach(() => {
    document.body.innerHTML = '';
  });

  it('maps a selection inside one paragraph to the exact document text', () => {
    const root = render();
    const start = TEXT.indexOf('paragraph');
    const range = rangeBetween(textPoint(root, start), textPoint(root, start + 'paragraph'.length));
    expect(range.toString()).toBe('paragraph');
    expect(rangeToOffsets(root, range)).toEqual({ start, end: start + 9 });
  });

  it('counts UTF-16 code units, so text after an emoji (a surrogate pair) maps exactly', () => {
    const root = render();
    const start = TEXT.indexOf('emoji');
    const range = rangeBetween(textPoint(root, start), textPoint(root, start + 5));
    expect(TEXT.slice(start, start + 5)).toBe('emoji');
    expect(rangeToOffsets(root, range)).toEqual({ start, end: start + 5 });
  });

  it('maps a selection across paragraphs, including an Arabic one', () => {
    const root = render();
    const start = TEXT.indexOf('here');
    const end = TEXT.indexOf('Third') + 5;
    const range = rangeBetween(textPoint(root, start), textPoint(root, end));
    expect(rangeToOffsets(root, range)).toEqual({ start, end });
    expect(TEXT.slice(start, end)).toContain('الثانية');
  });

  it('maps points inside nested <mark> elements (overlapping highlight and search hit)', () => {
    const words = TEXT.indexOf('الثانية');
    const root = render([
      { id: 'h1', start: words - 3, end: words + 7, className: 'highlight highlight-yellow' },
      { id: 'hit', start: words, end: words + 7, className: 'hit current' },
    ]);
    const innerMark = root.querySelector('mark > mark')!.firstChild!;
    expect(innerMark.nodeType).toBe(Node.TEXT_NODE);
    const range = rangeBetween([innerMark, 2], [innerMark, 5]);
    expect(rangeToOffsets(root, range)).toEqual({ start: words + 2, end: words + 5 });
  });

  it('snaps element boundaries (paragraph edges, between paragraphs) to the nearest text', () => {
    const root = render();
    const [p1, p2] = Array.from(root.querySelectorAll('p'));
    // Triple-click style: from the start of paragraph 2 to the start of paragraph 3.
    const range = rangeBetween([p2!, 0], [root, 2]);
    expect(rangeToOffsets(root, range)).toEqual({ start: PARAGRAPHS[1]!.start, end: PARAGRAPHS[1]!.end });
    expect(pointToOffset(root, p1!, p1!.childNodes.length, 'end')).toBe(PARAGRAPHS[0]!.end);
  });

  it('clips a selection that starts or ends outside the document body', () => {
    const root = render();
    const heading = document.querySelector('h2')!.firstChild!;
    const footer = document.querySelector('footer')!.firstChild!;
    expect(rangeToOffsets(root, rangeBetween([heading, 1], [footer, 2]))).toEqual({ start: 0, end: TEXT.length });
  });

  it('returns null for a selection with no document text', () => {
    const root = render();
    const heading = document.querySelector('h2')!.firstChild!;
    expect(rangeToOffsets(root, rangeBetween([heading, 0], [heading, 3]))).toBeNull();
    const [node, offset] = textPoint(root, 5);
    expect(rangeToOffsets(root, rangeBetween([node, offset], [node, offset]))).toBeNull();
  });

  it('offsetToRange finds the text position of an offset, past any mark boundaries', () => {
    const root = render([{ id: 'h', start: 3, end: 8, className: 'highlight' }]);
    for (const offset of [0, 3, 5, 8, 12, TEXT.indexOf('Third')]) {
      const [node, at] = textPoint(root, offset);
      expect(pointToOffset(root, node, at, 'start')).toBe(offset);
    }
  });
});
