import { describe, expect, it } from 'vitest';
import type { Paragraph } from '@common/corpus/corpus-types';
import { chunkAt, chunkParagraphs, estimateChunkHeight } from '../../../../renderer/src/features/reader/chunks';

// Paragraph i covers [10i, 10i + 8): two characters between paragraphs.
const paragraphs: Paragraph[] = Array.from({ length: 10 }, (_, i) => ({ start: i * 10, end: i * 10 + 8 }));

describe('chunks of a long document', () => {
  it('cuts the paragraphs into runs of a size, the last one shorter', () => {
    expect(chunkParagraphs(paragraphs, 4)).toEqual([
      { first: 0, end: 4, start: 0 },
      { first: 4, end: 8, start: 40 },
      { first: 8, end: 10, start: 80 },
    ]);
    expect(chunkParagraphs([], 4)).toEqual([]);
    expect(chunkParagraphs(paragraphs, 40)).toEqual([{ first: 0, end: 10, start: 0 }]);
  });

  it('finds the chunk of an offset: inside a paragraph, between two, before and after the text', () => {
    const chunks = chunkParagraphs(paragraphs, 4);
    expect(chunkAt(chunks, 0)).toBe(0);
    expect(chunkAt(chunks, 39)).toBe(0);
    expect(chunkAt(chunks, 40)).toBe(1);
    expect(chunkAt(chunks, 45)).toBe(1);
    expect(chunkAt(chunks, 79)).toBe(1);
    expect(chunkAt(chunks, 80)).toBe(2);
    expect(chunkAt(chunks, 1_000)).toBe(2);
    expect(chunkAt(chunks, -5)).toBe(0);
    expect(chunkAt([], 3)).toBe(-1);
  });

  it('finds every offset of a large document in the chunk that holds it', () => {
    const many: Paragraph[] = Array.from({ length: 30_001 }, (_, i) => ({ start: i * 100, end: i * 100 + 90 }));
    const chunks = chunkParagraphs(many, 40);
    for (const offset of [0, 99, 3_999, 4_000, 1_234_567, 3_000_089]) {
      const chunk = chunks[chunkAt(chunks, offset)]!;
      const paragraph = Math.floor(offset / 100);
      expect(paragraph >= chunk.first && paragraph < chunk.end).toBe(true);
    }
  });

  it('guesses a chunk’s height from its lines and gaps, a short paragraph taking one line', () => {
    const lines: Paragraph[] = [
      { start: 0, end: 100 },
      { start: 101, end: 102 },
      { start: 103, end: 103 },
      { start: 104, end: 145 },
    ];
    const [chunk] = chunkParagraphs(lines, 4);
    // 100 chars: 3 lines of 40; 1 char: 1 line; empty: 1 line; 41 chars: 2 lines. 7 lines of 20 px, 4 gaps of 10.
    expect(estimateChunkHeight(chunk!, lines, { lineHeight: 20, charsPerLine: 40, paragraphGap: 10 })).toBe(7 * 20 + 4 * 10);
  });
});
