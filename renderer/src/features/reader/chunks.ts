import type { Paragraph } from '@common/corpus/corpus-types';

/**
 * A long document is drawn a few chunks at a time (reader-view.tsx): runs of consecutive
 * paragraphs, cut by paragraph count only, so a chunk stays the same whatever the marks on it.
 * `first` and `end` are paragraph indices ([first, end)); `start` is the first paragraph's offset.
 */
export type Chunk = { first: number; end: number; start: number };

/** Paragraphs a chunk holds: a few screens of text, small enough to draw in a frame. */
export const CHUNK_PARAGRAPHS = 40;

/** Below this many paragraphs every paragraph is drawn, as always: articles never change. */
export const VIRTUAL_FROM_PARAGRAPHS = 400;

export function chunkParagraphs(paragraphs: readonly Paragraph[], size = CHUNK_PARAGRAPHS): Chunk[] {
  const chunks: Chunk[] = [];
  for (let first = 0; first < paragraphs.length; first += size) {
    chunks.push({ first, end: Math.min(paragraphs.length, first + size), start: paragraphs[first]!.start });
  }
  return chunks;
}

/**
 * The chunk holding an offset: the last chunk starting at or before it (an offset between two
 * paragraphs belongs to the chunk before; one before the text, to the first chunk). -1 when there are none.
 */
export function chunkAt(chunks: readonly Chunk[], offset: number): number {
  let lo = 0;
  let hi = chunks.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (chunks[mid]!.start <= offset) lo = mid + 1;
    else hi = mid;
  }
  return chunks.length === 0 ? -1 : Math.max(0, lo - 1);
}

/** What a chunk's height is guessed from before it is drawn: the reader's type, measured once. */
export type TextMetrics = { lineHeight: number; charsPerLine: number; paragraphGap: number };

/** A chunk's height before it is drawn: its paragraphs' lines (by characters a line) and the gaps between them. */
export function estimateChunkHeight(chunk: Chunk, paragraphs: readonly Paragraph[], metrics: TextMetrics): number {
  const perLine = Math.max(1, metrics.charsPerLine);
  let height = 0;
  for (let i = chunk.first; i < chunk.end; i++) {
    const p = paragraphs[i]!;
    height += Math.max(1, Math.ceil((p.end - p.start) / perLine)) * metrics.lineHeight + metrics.paragraphGap;
  }
  return height;
}
