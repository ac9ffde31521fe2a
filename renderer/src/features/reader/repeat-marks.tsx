import { useId, type KeyboardEvent } from 'react';
import type { PassageElsewhere, RepeatedParagraph } from '@common/analysis/repeated-types';
import { useApiQuery } from '../../shared/data/use-api-query';

/** A passage to open: a span of a document (this one or another). */
export type PassageTarget = { documentId: string; offset: number; end: number };

const percent = (similarity: number) => `${Math.round(similarity * 100)} %`;

/** "p. 4" where the passage starts on a printed page, else "¶ 12". */
export const placeLabel = (place: Pick<PassageElsewhere, 'paragraph' | 'page'>) => (place.page ? `p. ${place.page}` : `¶ ${place.paragraph}`);

const placesId = (base: string, paragraph: number) => `${base}-repeat-${paragraph}`;

type MarkProps = {
  repeat: RepeatedParagraph;
  open: boolean;
  /** An id shared by the marks of one document body (useId), so the mark names its list. */
  baseId: string;
  onToggle: () => void;
};

/** Escape on an open mark closes its list (and goes no further: the reader would go back). */
const closeOnEscape = (open: boolean, close: () => void) => (event: KeyboardEvent<HTMLElement>) => {
  if (!open || event.key !== 'Escape') return;
  event.preventDefault();
  event.stopPropagation();
  close();
};

/**
 * The quiet mark beside a paragraph that also stands elsewhere (repeated passages, found when the
 * corpus was built): a button in the margin; Enter or a click shows the other places below the
 * paragraph (RepeatPlaces).
 */
export function RepeatMark({ repeat, open, baseId, onToggle }: MarkProps) {
  const places = repeat.others;
  const named = `Also in ${places} other place${places === 1 ? '' : 's'}`;
  return (
    <button
      type="button"
      className="repeat-mark"
      data-paragraph={repeat.paragraph}
      aria-expanded={open}
      aria-controls={open ? placesId(baseId, repeat.paragraph) : undefined}
      aria-label={named}
      title={named}
      onClick={onToggle}
      onKeyDown={closeOnEscape(open, onToggle)}
    >
      {/* Two overlapping pages: a copy. Drawn, so no font needs the sign. */}
      <svg className="repeat-mark-icon" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
        <rect x="2.5" y="4.5" width="8" height="9" rx="1" />
        <path d="M5.5 4.5V3.5a1 1 0 0 1 1-1h6a1 1 0 0 1 1 1v7a1 1 0 0 1-1 1h-2" />
      </svg>
    </button>
  );
}

type PlacesProps = {
  documentId: string;
  repeat: RepeatedParagraph;
  baseId: string;
  onOpen: (passage: PassageTarget) => void;
  /** Escape: the list closes and the focus goes back to its mark. */
  onClose: () => void;
};

/**
 * "Also in: <document> (¶ n) — 87 % similar", one button per place, opening that passage. The
 * places are read when the list opens (ranking them is per paragraph; a book has thousands).
 */
export function RepeatPlaces({ documentId, repeat, baseId, onOpen, onClose }: PlacesProps) {
  const onKeyDown = closeOnEscape(true, onClose);
  const { state } = useApiQuery('paragraphElsewhere', { documentId, paragraph: repeat.paragraph });
  return (
    <div id={placesId(baseId, repeat.paragraph)} className="repeat-places" role="group" aria-label="Also in" aria-busy={state.status === 'loading'} onKeyDown={onKeyDown}>
      <span className="repeat-places-label">Also in:</span>
      {state.status === 'loading' && <p className="repeat-more">Finding the other places…</p>}
      {state.status === 'error' && (
        <p className="repeat-more" role="alert">
          The other places could not be read: {state.error.message}
        </p>
      )}
      {state.status === 'ready' && (
        <>
          <ul>
            {state.value.elsewhere.map((place) => (
              <li key={`${place.documentId}\n${place.paragraph}`}>
                <button type="button" className="link-button repeat-place" onClick={() => onOpen({ documentId: place.documentId, offset: place.start, end: place.end })}>
                  <bdi>{place.documentId === documentId ? 'this document' : place.title}</bdi> ({placeLabel(place)}) — {percent(place.similarity)} similar
                </button>
              </li>
            ))}
          </ul>
          {state.value.more > 0 && <p className="repeat-more">and {state.value.more.toLocaleString('en')} more (the Repeated passages view lists them all)</p>}
        </>
      )}
    </div>
  );
}

/** The focusable mark of a paragraph, for giving the focus back. */
export const markOf = (body: HTMLElement | null, paragraph: number) => body?.querySelector<HTMLElement>(`.repeat-mark[data-paragraph="${paragraph}"]`) ?? null;

export const useRepeatIds = () => useId();
