import type { CSSProperties } from 'react';
import type { LibraryRow } from '@common/corpus/library-types';
import { bylineText } from '@common/corpus/byline';
import type { ReadingProgress } from '@common/notes/reading-progress';
import { formatReadingTime } from '@common/corpus/reading-time';
import { displayTitle } from '../../shared/display-title';

const numberFormat = new Intl.NumberFormat('en');
const addedFormat = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric' });

/** When the document entered the corpus, as a row says it ('' when the notes cannot tell). */
export function addedText(added: string): string {
  const time = Date.parse(added);
  return Number.isFinite(time) ? `added ${addedFormat.format(time)}` : '';
}

type Props = {
  /** Undefined while the row's page is on its way: a placeholder of the same height. */
  doc: LibraryRow | undefined;
  index: number;
  total: number;
  /** Roving tabindex: only the active row is in the Tab order; arrows move between rows. */
  active: boolean;
  style: CSSProperties;
  onOpen: (id: string) => void;
};

/** The reading state as a row says it. */
export function progressText(progress: ReadingProgress): string {
  if (progress.state === 'finished') return 'Finished';
  if (progress.state === 'started') return `Started · ${progress.percent}%`;
  return 'Unread';
}

export function DocumentRow({ doc, index, total, active, style, onOpen }: Props) {
  return (
    // The list is virtual: setsize/posinset tell assistive technology where this row sits.
    <li className="document-row" aria-setsize={total} aria-posinset={index + 1} data-index={index} style={style}>
      <button
        type="button"
        className="document-open"
        data-doc-id={doc?.id}
        tabIndex={active ? 0 : -1}
        aria-busy={doc ? undefined : true}
        onClick={() => doc && onOpen(doc.id)}
      >
        {doc ? (
          <>
            <span className="document-title" dir="auto" lang={doc.language || undefined} title={displayTitle(doc.title)}>
              {displayTitle(doc.title)}
            </span>
            <span className={`document-state state-${doc.progress.state}`}>{progressText(doc.progress)}</span>
            <span className="document-byline" dir="auto">
              {bylineText(doc)}
            </span>
            <span className="document-stats">
              {doc.date && `${doc.date} · `}
              {numberFormat.format(doc.wordCount)} words · {formatReadingTime(doc.wordCount)}
              {doc.added && <span className="document-added"> · {addedText(doc.added)}</span>}
            </span>
          </>
        ) : (
          <span className="document-title placeholder">Loading…</span>
        )}
      </button>
    </li>
  );
}
