import { useId, useRef, useState, type KeyboardEvent } from 'react';
import type { PassageElsewhere, RepeatedParagraph } from '@common/analysis/repeated-types';

/** A passage to open: a span of a document (this one or another). */
export type PassageTarget = { documentId: string; offset: number; end: number };

const percent = (similarity: number) => `${Math.round(similarity * 100)} %`;

/** "p. 4" where the passage starts on a printed page, else "¶ 12". */
export const placeLabel = (place: Pick<PassageElsewhere, 'paragraph' | 'page'>) => (place.page ? `p. ${place.page}` : `¶ ${place.paragraph}`);

type Props = {
  documentId: string;
  repeat: RepeatedParagraph;
  onOpen: (passage: PassageTarget) => void;
};

/**
 * The quiet mark beside a paragraph that also stands elsewhere (repeated passages, found when the
 * corpus was built). A button: Enter or a click shows "Also in: …" with the other places, each a
 * button opening that passage; Escape closes the list and gives the focus back to the mark.
 */
export function RepeatMark({ documentId, repeat, onOpen }: Props) {
  const [open, setOpen] = useState(false);
  const markRef = useRef<HTMLButtonElement>(null);
  const listId = useId();
  const places = repeat.elsewhere.length + repeat.more;
  const close = () => {
    setOpen(false);
    markRef.current?.focus();
  };
  const onKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    if (event.key !== 'Escape') return;
    event.preventDefault();
    event.stopPropagation();
    close();
  };
  return (
    <>
      <button
        type="button"
        ref={markRef}
        className="repeat-mark"
        aria-expanded={open}
        aria-controls={open ? listId : undefined}
        aria-label={`Also in ${places} other place${places === 1 ? '' : 's'}`}
        title={`This passage also stands in ${places} other place${places === 1 ? '' : 's'}`}
        onClick={() => setOpen(!open)}
        onKeyDown={open ? onKeyDown : undefined}
      >
        ⧉
      </button>
      {open && (
        <div id={listId} className="repeat-places" role="group" aria-label="Also in" onKeyDown={onKeyDown}>
          <span className="repeat-places-label">Also in:</span>
          <ul>
            {repeat.elsewhere.map((place) => (
              <li key={`${place.documentId}\n${place.paragraph}`}>
                <button type="button" className="link-button repeat-place" onClick={() => onOpen({ documentId: place.documentId, offset: place.start, end: place.end })}>
                  <bdi>{place.documentId === documentId ? 'this document' : place.title}</bdi> ({placeLabel(place)}) — {percent(place.similarity)} similar
                </button>
              </li>
            ))}
          </ul>
          {repeat.more > 0 && <p className="repeat-more">and {repeat.more.toLocaleString('en')} more (the Repeated passages view lists them all)</p>}
        </div>
      )}
    </>
  );
}
