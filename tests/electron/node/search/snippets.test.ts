import { describe, expect, it } from 'vitest';
import type { Span } from '../../../../electron/common/search/search-types';
import { makeSnippets, snippetWindow } from '../../../../electron/node/search/snippets';

function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

describe('snippetWindow', () => {
  it('holds everything makeSnippets reads: snippets from the window equal those from the whole text', () => {
    const random = prng(3);
    const pieces = ['word', 'a', 'longerword', ' ', ' ', '\n', '  ', 'ٱلصَّلَوٰةَ', 'x'.repeat(30)];
    for (let n = 0; n < 3000; n++) {
      let text = '';
      const length = Math.floor(random() * 2000);
      while (text.length < length) text += pieces[Math.floor(random() * pieces.length)];
      // Non-overlapping spans in reading order, as textSpans gives them.
      const spans: Span[] = [];
      for (let at = Math.floor(random() * 50); at < text.length; at += 1 + Math.floor(random() * (random() < 0.5 ? 40 : 400))) {
        const end = Math.min(text.length, at + 1 + Math.floor(random() * 12));
        spans.push({ start: at, end });
        at = end;
      }
      if (spans.length === 0) continue;
      const [from, to] = snippetWindow(spans);
      const window = { text: text.slice(from, to), base: from, length: text.length };
      expect(makeSnippets(window, spans), JSON.stringify({ n, from, to })).toEqual(makeSnippets(text, spans));
      // What search-tables knows of a window that does not reach the end: only that the text goes on.
      const open = { ...window, length: to < text.length ? Number.MAX_SAFE_INTEGER : text.length };
      expect(makeSnippets(open, spans), JSON.stringify({ n, from, to })).toEqual(makeSnippets(text, spans));
    }
  });

  it('is refused, not misread, when the window given is too short', () => {
    const text = `${'word '.repeat(100)}`;
    const spans = [{ start: 250, end: 254 }];
    expect(() => makeSnippets({ text: text.slice(240, 260), base: 240, length: text.length }, spans)).toThrow(/outside the text window/);
  });
});
