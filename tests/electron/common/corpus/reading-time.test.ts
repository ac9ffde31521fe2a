import { describe, expect, it } from 'vitest';
import { formatReadingTime, readingMinutes } from '../../../../electron/common/corpus/reading-time';

describe('reading time', () => {
  it('rounds to whole minutes at 230 words per minute, at least one for any text', () => {
    expect(readingMinutes(0)).toBe(0);
    expect(readingMinutes(10)).toBe(1);
    expect(readingMinutes(5990)).toBe(26);
    expect(formatReadingTime(897)).toBe('4 min read');
    expect(formatReadingTime(0)).toBe('under a minute');
  });
});
