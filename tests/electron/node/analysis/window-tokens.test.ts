import { describe, expect, it } from 'vitest';
import type { Span } from '../../../../electron/common/search/search-types';
import { keywordContext, tokensAround } from '../../../../electron/node/analysis/keyword-context';
import { forEachWindow, nthWordBeside } from '../../../../electron/node/analysis/window-tokens';
import { tokenise } from '../../../../electron/node/search/tokenise';

/** Deterministic pseudo-random numbers. */
function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

/**
 * Pieces that meet every edge case of tokensAround's reach: words long enough for a few to fill
 * it (cut words at its edge), apostrophes there ("can't" cut after the apostrophe), runs with no
 * space for hundreds of characters, other spaces than the ASCII ones, Arabic, characters beyond the BMP.
 */
const PIECES = [
  'the', 'of', 'a', 'water', 'river', "can't", "rock'n'roll", 'x', 'é', 'naïve', 'أعماق', 'وكالة', '𝐀bc', '😀', '123',
  'w'.repeat(45), 'long'.repeat(20), 'q'.repeat(70), '—', '.', ',', '"', "'", '(', ')', '-',
];
const GAPS = [' ', ' ', ' ', '  ', '\n', '\n\n', '\t', '\u00a0', '', '', '.', ', ', '-', "'", '\u2019', '---------------------------------'];

function randomText(next: () => number, pieces: number): string {
  let text = '';
  for (let i = 0; i < pieces; i++) {
    const pick = next();
    // Now and then a long stretch without a space.
    if (pick < 0.01) text += 'z'.repeat(300 + Math.floor(next() * 300));
    else text += PIECES[Math.floor(next() * PIECES.length)]!;
    text += GAPS[Math.floor(next() * GAPS.length)]!;
  }
  return text;
}

/** Spans as an index gives them: whole tokens, sorted, each once; some runs of two (a phrase). */
function spansOf(next: () => number, text: string, share: number): Span[] {
  const tokens = tokenise(text);
  const spans: Span[] = [];
  for (let i = 0; i < tokens.length; i++) {
    if (next() >= share) continue;
    const token = tokens[i]!;
    const phrase = next() < 0.2 && i + 1 < tokens.length ? tokens[++i]! : token;
    spans.push({ start: token.start, end: phrase.start + phrase.length });
  }
  return spans;
}

/** What forEachWindow gives per span, as words. */
function windowsOf(text: string, spans: readonly Span[], width: number): { left: string[]; right: string[] }[] {
  const out: { left: string[]; right: string[] }[] = [];
  let words: readonly string[] = [];
  forEachWindow(text, spans, width, {
    run: (runWords) => (words = [...runWords]),
    window: (leftFrom, leftTo, rightFrom, rightTo) => out.push({ left: words.slice(leftFrom, leftTo), right: words.slice(rightFrom, rightTo) }),
    words: (left, right) => out.push({ left: [...left], right: [...right] }),
  });
  return out;
}

describe('forEachWindow', () => {
  it('gives each span the words tokensAround gives it, over texts full of edge cases', () => {
    const next = prng(11);
    let spansSeen = 0;
    for (let round = 0; round < 300; round++) {
      const text = randomText(next, 5 + Math.floor(next() * 400));
      const spans = spansOf(next, text, [0.02, 0.2, 0.6, 1][round % 4]!);
      const width = 1 + Math.floor(next() * 10);
      const expected = spans.map((span) => {
        const { left, right } = tokensAround(text, span, width);
        return { left: left.map((t) => t.word), right: right.map((t) => t.word) };
      });
      // Spans are visited in no particular order (those that need a wider stretch later): the same windows, as many times each.
      const sorted = (windows: { left: string[]; right: string[] }[]) => windows.map((w) => JSON.stringify(w)).sort();
      expect(sorted(windowsOf(text, spans, width))).toEqual(sorted(expected));
      spansSeen += spans.length;
    }
    expect(spansSeen).toBeGreaterThan(10_000);
  });

  it('gives a span at the start or end of a text the words there are', () => {
    const text = 'Alpha beta gamma delta.';
    const tokens = tokenise(text);
    const first = { start: tokens[0]!.start, end: tokens[0]!.start + tokens[0]!.length };
    const last = { start: tokens[3]!.start, end: tokens[3]!.start + tokens[3]!.length };
    expect(windowsOf(text, [first, last], 2).sort((a, b) => a.left.length - b.left.length)).toEqual([
      { left: [], right: ['beta', 'gamma'] },
      { left: ['beta', 'gamma'], right: [] },
    ]);
  });
});

describe('nthWordBeside', () => {
  it('gives the word keywordContext gives as that sort key, over texts full of edge cases', () => {
    const next = prng(23);
    let keys = 0;
    for (let round = 0; round < 200; round++) {
      const text = randomText(next, 5 + Math.floor(next() * 300));
      const width = 1 + Math.floor(next() * 10);
      for (const span of spansOf(next, text, 0.3)) {
        const { leftWords, rightWords } = keywordContext(text, span, width);
        for (let n = 1; n <= 3; n++) {
          expect(nthWordBeside(text, span, width, 'left', n)).toBe(leftWords[n - 1] ?? '');
          expect(nthWordBeside(text, span, width, 'right', n)).toBe(rightWords[n - 1] ?? '');
          keys += 2;
        }
      }
    }
    expect(keys).toBeGreaterThan(10_000);
  });
});
