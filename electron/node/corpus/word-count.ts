const segmenter = new Intl.Segmenter('und', { granularity: 'word' });

/** Counts words with ICU word boundaries, which handle Arabic and other scripts too. */
export function countWords(text: string): number {
  let count = 0;
  for (const segment of segmenter.segment(text)) {
    if (segment.isWordLike) count++;
  }
  return count;
}
