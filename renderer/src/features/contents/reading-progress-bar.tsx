import type { ReactNode } from 'react';
import { formatTimeLeft, type ReadingSpeed } from '@common/notes/reading-progress';
import type { PlaceSource } from '../../shared/reader-types';
import { usePlace } from './use-place';

type Props = {
  place: PlaceSource;
  textLength: number;
  wordCount: number;
  /** The reader's speed; undefined while it is being read (the typical speed is used meanwhile). */
  speed: ReadingSpeed | undefined;
  /** Shown at the line's end (the reader's page being read and its original). */
  actions?: ReactNode;
};

/** How far into the text the window's bottom is, in percent (100 once the end is in view). */
export function percentSeen(seenTo: number, textLength: number): number {
  if (textLength <= 0) return 100;
  return Math.min(100, Math.floor((100 * Math.min(seenTo, textLength)) / textLength));
}

/**
 * Where the reader is in the document: a progress bar (its value read out as a percentage and
 * the time left) and the time left at the reader's own speed once Carrel has measured it,
 * or at a typical speed until then — said either way, since it is an estimate.
 */
export function ReadingProgressBar({ place, textLength, wordCount, speed, actions }: Props) {
  const { seenTo } = usePlace(place);
  const percent = percentSeen(seenTo, textLength);
  const wordsLeft = Math.round((wordCount * (100 - percent)) / 100);
  const wpm = speed?.wordsPerMinute ?? 230;
  const left = formatTimeLeft(wordsLeft, wpm);
  const basis = speed?.measured ? `estimated from your reading speed (${wpm} words a minute)` : `estimated at a typical ${wpm} words a minute until Carrel knows your speed`;
  return (
    <div className="reading-progress">
      <progress className="reading-progress-bar" max={100} value={percent} aria-label="Position in the document" aria-valuetext={`${percent}%, ${left}`} />
      <div className="reading-progress-line">
        <p className="reading-progress-text">
          <span className="reading-progress-figures">
            {percent}% · {left}
          </span>{' '}
          <span className="reading-progress-basis">({basis})</span>
        </p>
        {actions}
      </div>
    </div>
  );
}
