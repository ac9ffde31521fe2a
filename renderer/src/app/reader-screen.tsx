import { useCallback, useMemo, useState } from 'react';
import { BookmarksPanel } from '../features/bookmarks/bookmarks-panel';
import { useReadingPosition } from '../features/bookmarks/use-reading-position';
import { CitationPanel } from '../features/citations/citation-panel';
import { useReaderNotes } from '../features/notes/use-reader-notes';
import { ReaderWithFind } from '../features/reader/reader-with-find';
import { RelatedDocuments } from '../features/reader/related-documents';
import type { CiteTarget, ScrollTarget } from '../shared/reader-types';

/** A place to open a document at (from the notebook): an offset, a span to flash, a highlight to select. */
export type ReaderJump = { offset?: number; end?: number; highlightId?: string; noteId?: string };

type Props = {
  id: string;
  searchQuery?: string;
  jump?: ReaderJump;
  onBack: () => void;
  /** Where onBack goes (the view the document was opened from). */
  backTo: 'library' | 'notebook';
  /** Opens another document (a related one). */
  onOpenDocument: (id: string) => void;
};

/**
 * The reader with what the notes and bookmarks features add: highlights drawn over the text,
 * the selection toolbar, a side panel, bookmarks, and the reading position kept and restored.
 * Mount one per document opening (keyed by the app).
 */
export function ReaderScreen({ id, searchQuery, jump, onBack, backTo, onOpenDocument }: Props) {
  const position = useReadingPosition(id);
  const [requested, setRequested] = useState<ScrollTarget | undefined>(
    jump?.offset !== undefined ? { key: 'open', offset: jump.offset, end: jump.end, align: 'center' } : undefined,
  );
  const requestScroll = useCallback((target: Omit<ScrollTarget, 'key'>) => setRequested({ ...target, key: String(Date.now()) }), []);
  const [cite, setCite] = useState<{ target: CiteTarget; request: number }>();
  const onCite = useCallback((target: CiteTarget) => setCite((old) => ({ target, request: (old?.request ?? 0) + 1 })), []);
  const notes = useReaderNotes(id, requestScroll, jump, onCite);

  // Without a target of its own (a search hit, a notebook entry), a document opens where it was left.
  const restoredOffset = position.restored?.offset ?? null;
  const scrollTarget = useMemo<ScrollTarget | undefined>(() => {
    if (requested || searchQuery || jump?.offset !== undefined || restoredOffset === null) return requested;
    return { key: 'restore', offset: restoredOffset, align: 'top' };
  }, [requested, searchQuery, jump?.offset, restoredOffset]);

  const aside = (
    <>
      {notes.panel}
      <CitationPanel documentId={id} target={cite?.target} request={cite?.request ?? 0} />
      <BookmarksPanel documentId={id} currentOffset={position.current} onJump={(offset) => requestScroll({ offset, align: 'top' })} />
      <RelatedDocuments documentId={id} onOpen={onOpenDocument} />
    </>
  );

  return (
    <>
      <ReaderWithFind
        id={id}
        searchQuery={searchQuery}
        onBack={onBack}
        backTo={backTo}
        decorations={notes.decorations}
        onSelectionChange={notes.onSelectionChange}
        onDecorationClick={notes.onDecorationClick}
        scrollTarget={scrollTarget}
        onReadingOffsetChange={position.report}
        aside={aside}
        asideRequest={notes.revealed + (cite?.request ?? 0)}
      />
      {notes.toolbar}
    </>
  );
}
