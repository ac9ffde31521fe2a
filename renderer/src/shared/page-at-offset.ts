import type { Paragraph } from '@common/corpus/corpus-types';

/** The page a text offset is on: the page of the last paragraph starting at or before it. */
export function pageAtOffset(paragraphs: readonly Paragraph[], offset: number): string | undefined {
  let low = 0;
  let high = paragraphs.length - 1;
  let found = -1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    if (paragraphs[mid]!.start <= offset) {
      found = mid;
      low = mid + 1;
    } else high = mid - 1;
  }
  return found >= 0 ? paragraphs[found]!.page : undefined;
}
