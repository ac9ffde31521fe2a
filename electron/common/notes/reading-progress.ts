import { WORDS_PER_MINUTE } from '../corpus/reading-time';

/** A document's state in the library: never opened, started (with how far), or its end reached. */
export type ReadingState = 'unread' | 'started' | 'finished';

export type ReadingProgress = { state: ReadingState; /** 0–100; 100 only when finished. */ percent: number };

/** The reader's speed: measured from their own reading once enough is known, else a typical figure. */
export type ReadingSpeed = { wordsPerMinute: number; measured: boolean; /** Words of reading measured so far. */ wordsMeasured: number };

/** Words of measured reading before the reader's own speed replaces the typical one. */
export const SPEED_KNOWN_AFTER_WORDS = 600;

/** A stretch of reading counts towards the speed only within these bounds (no skims, jumps or pauses). */
export const SAMPLE_LIMITS = { minSeconds: 3, maxSeconds: 10 * 60, minWordsPerMinute: 40, maxWordsPerMinute: 900 } as const;

/** How far into a text the reader has seen, as the library shows it. */
export function readingProgress(position: { seenTo: number; textLength: number; finished: boolean } | undefined): ReadingProgress {
  if (!position) return { state: 'unread', percent: 0 };
  if (position.finished) return { state: 'finished', percent: 100 };
  const percent = position.textLength > 0 ? Math.floor((100 * Math.min(position.seenTo, position.textLength)) / position.textLength) : 0;
  return { state: 'started', percent: Math.min(99, percent) };
}

/** The speed from measured totals (words and seconds), or the typical speed until enough is known. */
export function readingSpeed(totals: { words: number; seconds: number } | undefined): ReadingSpeed {
  if (!totals || totals.words < SPEED_KNOWN_AFTER_WORDS || totals.seconds <= 0) {
    return { wordsPerMinute: WORDS_PER_MINUTE, measured: false, wordsMeasured: totals?.words ?? 0 };
  }
  return { wordsPerMinute: Math.round((totals.words * 60) / totals.seconds), measured: true, wordsMeasured: totals.words };
}

/**
 * One stretch of reading between two saved positions, if it looks like reading: forward, not
 * too short or long a time, at a pace a person reads at. Otherwise null (a jump, a skim, a pause).
 */
export function readingSample(words: number, seconds: number): { words: number; seconds: number } | null {
  if (words <= 0 || seconds < SAMPLE_LIMITS.minSeconds || seconds > SAMPLE_LIMITS.maxSeconds) return null;
  const wpm = (words * 60) / seconds;
  if (wpm < SAMPLE_LIMITS.minWordsPerMinute || wpm > SAMPLE_LIMITS.maxWordsPerMinute) return null;
  return { words, seconds };
}

/** "12 min left", "under a minute left", at the given speed. */
export function formatTimeLeft(wordsLeft: number, wordsPerMinute: number): string {
  const minutes = wordsLeft > 0 && wordsPerMinute > 0 ? Math.round(wordsLeft / wordsPerMinute) : 0;
  if (wordsLeft <= 0) return 'nothing left';
  if (minutes < 1) return 'under a minute left';
  if (minutes < 60) return `${minutes} min left`;
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  return rest === 0 ? `${hours} h left` : `${hours} h ${rest} min left`;
}
