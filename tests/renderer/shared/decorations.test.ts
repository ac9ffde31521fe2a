import { describe, expect, it } from 'vitest';
import { decorationsByRange, sameDecorations, splitIntoPieces, type Decoration } from '../../../renderer/src/shared/decorations';

const mark = (start: number, end: number, id = `${start}-${end}`, className = 'hit'): Decoration => ({ start, end, id, className });

describe('decorationsByRange', () => {
  const paragraphs = [
    { start: 0, end: 10 },
    { start: 12, end: 20 },
    { start: 22, end: 40 },
  ];

  it('puts each mark with every paragraph it touches, in the given order', () => {
    const a = mark(2, 4);
    const b = mark(8, 14); // crosses from the first paragraph into the second
    const c = mark(25, 30);
    const d = mark(0, 3, 'first', 'highlight');
    expect(decorationsByRange(paragraphs, [a, b, c, d])).toEqual([[a, b, d], [b], [c]]);
  });

  it('leaves out marks in the gaps between paragraphs, empty ones and ones past the end', () => {
    const buckets = decorationsByRange(paragraphs, [mark(10, 12), mark(5, 5), mark(40, 45), mark(100, 101)]);
    expect(buckets).toEqual([[], [], []]);
  });

  it('agrees with filtering every mark for every paragraph', () => {
    const marks = Array.from({ length: 200 }, (_, i) => mark((i * 37) % 41, ((i * 37) % 41) + 1 + (i % 7), String(i)));
    const buckets = decorationsByRange(paragraphs, marks);
    paragraphs.forEach((p, i) => {
      const naive = marks.filter((d) => d.end > p.start && d.start < p.end && d.end > d.start);
      expect(buckets[i]).toEqual(naive);
      // Same pieces either way.
      expect(splitIntoPieces(p.start, p.end, buckets[i]!)).toEqual(splitIntoPieces(p.start, p.end, marks));
    });
  });
});

describe('sameDecorations', () => {
  it('compares by value, so a rebuilt but equal list counts as the same', () => {
    expect(sameDecorations([mark(1, 2)], [mark(1, 2)])).toBe(true);
    expect(sameDecorations([], [])).toBe(true);
  });

  it('sees a changed class, id, span, order or length', () => {
    expect(sameDecorations([mark(1, 2)], [mark(1, 2, '1-2', 'hit current')])).toBe(false);
    expect(sameDecorations([mark(1, 2)], [mark(1, 2, 'other')])).toBe(false);
    expect(sameDecorations([mark(1, 2)], [mark(1, 3)])).toBe(false);
    expect(sameDecorations([mark(1, 2), mark(3, 4)], [mark(3, 4), mark(1, 2)])).toBe(false);
    expect(sameDecorations([mark(1, 2)], [])).toBe(false);
  });
});
