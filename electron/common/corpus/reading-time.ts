/** Words per minute for study reading; a common figure for careful non-fiction reading. */
export const WORDS_PER_MINUTE = 230;

export function readingMinutes(wordCount: number): number {
  if (!Number.isFinite(wordCount) || wordCount <= 0) return 0;
  return Math.max(1, Math.round(wordCount / WORDS_PER_MINUTE));
}

export function formatReadingTime(wordCount: number): string {
  const minutes = readingMinutes(wordCount);
  return minutes === 0 ? 'under a minute' : `${minutes} min read`;
}
