import { describe, expect, it } from 'vitest';
import type { Span } from '../../../../electron/common/search/search-types';
import { leadSnippet, makeSnippets, snippetWindow } from '../../../../electron/node/search/snippets';

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

describe('makeSnippets marks every occurrence it shows', () => {
  // The bundled article's opening: its second snippet reaches back over words the first one showed.
  const text =
    'Caliphate under the laws of the Internet: from the twitter revolution to digital jihad. What will happen to the "virtual caliphate" after the end of the\n\n17.10.2022 Water heaters';
  const spansOf = (word: RegExp) => [...text.matchAll(word)].map((m) => ({ start: m.index!, end: m.index! + m[0].length }));

  it('marks words an earlier snippet already showed, when a later snippet shows them again', () => {
    const spans = spansOf(/\bthe\b/g);
    const snippets = makeSnippets(text, spans);
    expect(snippets.length).toBeGreaterThan(1);
    for (const snippet of snippets) {
      const shown = [...snippet.text.matchAll(/\bthe\b/g)].map((m) => m.index);
      expect(snippet.highlights.map((h) => h.start)).toEqual(shown);
      for (const h of snippet.highlights) expect(snippet.text.slice(h.start, h.end)).toBe('the');
    }
  });

  it('marks the part of a long span a snippet cuts, and nothing outside the snippet', () => {
    const long = 'x '.repeat(200);
    const source = `${long}propaganda ${long}propaganda ${'y'.repeat(150)} end`;
    const at = source.indexOf('propaganda', long.length + 5);
    const spans = [{ start: long.length, end: long.length + 10 }, { start: at, end: source.length }];
    const snippets = makeSnippets(source, spans, { radius: 20 });
    for (const snippet of snippets) {
      expect(snippet.highlights.length).toBeGreaterThan(0);
      for (const h of snippet.highlights) {
        expect(h.start).toBeGreaterThanOrEqual(0);
        expect(h.end).toBeLessThanOrEqual(snippet.text.length);
      }
    }
    expect(snippets[1]!.text.slice(snippets[1]!.highlights[0]!.start).startsWith('propaganda')).toBe(true);
  });
});

describe('snippets never show hidden lines', () => {
  // The bundled Asharq Al-Awsat article: its site's lines and its title fold away in the reader.
  const text = 'As ISIS Loses Territory | ASHARQ AL-AWSAT\nSelect Page\nMedia ID: 55367487\n\nA 2014 image taken from a propaganda video allegedly shows the leader.';
  const hidden = [{ start: 0, end: text.indexOf('\n\n') }];
  const at = text.indexOf('propaganda');

  it('starts a snippet after the hidden lines before its hit', () => {
    const [snippet] = makeSnippets(text, [{ start: at, end: at + 10 }], { hidden });
    expect(snippet!.text.startsWith('A 2014 image')).toBe(true);
    expect(snippet!.text.slice(snippet!.highlights[0]!.start, snippet!.highlights[0]!.end)).toBe('propaganda');
  });

  it('starts the opening shown for a title match after the hidden lines', () => {
    expect(leadSnippet(text, 160, hidden)[0]!.text.startsWith('A 2014 image')).toBe(true);
    expect(leadSnippet(text)[0]!.text.startsWith('As ISIS')).toBe(true);
  });
});
