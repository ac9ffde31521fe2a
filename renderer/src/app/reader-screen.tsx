import { useCallback, useMemo, useState, type ReactNode } from 'react';
import type { DocumentHeading } from '@common/corpus/corpus-types';
import { BookmarksPanel } from '../features/bookmarks/bookmarks-panel';
import { useReadingPosition } from '../features/bookmarks/use-reading-position';
import { CitationPanel } from '../features/citations/citation-panel';
import { ContentsPanel } from '../features/contents/contents-panel';
import { ReadingProgressBar } from '../features/contents/reading-progress-bar';
import { useReaderCoding } from '../features/coding/use-reader-coding';
import { useReaderNotes } from '../features/notes/use-reader-notes';
import { ReaderWithFind } from '../features/reader/reader-with-find';
import { RelatedDocuments } from '../features/reader/related-documents';
import { useCommands } from '../shared/commands/command-provider';
import { useApiQuery } from '../shared/data/use-api-query';
import { useWholeDocument } from '../shared/data/use-document';
import type { CiteTarget, ScrollTarget } from '../shared/reader-types';
import { usePrint } from './use-print';

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
  /** Opens a passage of another document (where a repeated paragraph also stands). */
  onOpenPassage?: (passage: { documentId: string; offset: number; end: number }) => void;
  /** Opens the next (1) or previous (-1) document of the library as it is sorted and filtered. */
  onStep?: (direction: 1 | -1) => void;
  /** A short message about this document (no next document, the PDF saved), read out politely. */
  status?: string;
};

/**
 * The reader with what the notes and bookmarks features add: highlights drawn over the text,
 * the selection toolbar, a side panel with the contents, notes and bookmarks, the position in
 * the document, and the reading position kept and restored. Mount one per document opening (keyed by the app).
 */
export function ReaderScreen({ id, searchQuery, jump, onBack, backTo, onOpenDocument, onOpenPassage, onStep, status }: Props) {
  const position = useReadingPosition(id);
  const whole = useWholeDocument(id);
  const doc = whole.status === 'ready' ? whole.value : undefined;
  const speed = useApiQuery('getReadingSpeed', undefined).value;
  // Saved as PDF (highlights, notes beside the text) through the print stylesheet.
  const { print, saved } = usePrint();
  const [requested, setRequested] = useState<ScrollTarget | undefined>(
    jump?.offset !== undefined ? { key: 'open', offset: jump.offset, end: jump.end, align: 'center' } : undefined,
  );
  const requestScroll = useCallback((target: Omit<ScrollTarget, 'key'>) => setRequested({ ...target, key: String(Date.now()) }), []);
  const [cite, setCite] = useState<{ target: CiteTarget; request: number }>();
  const onCite = useCallback((target: CiteTarget) => setCite((old) => ({ target, request: (old?.request ?? 0) + 1 })), []);
  // Codes on highlights: in the margin, on the selected highlight, on the selection toolbar (C).
  const coding = useReaderCoding(id, doc?.text);
  const notes = useReaderNotes(id, requestScroll, jump, onCite, coding);
  const jumpToHeading = useCallback(
    (heading: DocumentHeading) => {
      requestScroll({ offset: heading.start, align: 'top', focus: true });
    },
    [requestScroll],
  );
  // A repeated paragraph's other place: in this document, scrolled to; in another, opened there.
  const openPassage = useCallback(
    (passage: { documentId: string; offset: number; end: number }) => {
      if (passage.documentId !== id) return onOpenPassage?.(passage);
      requestScroll({ offset: passage.offset, end: passage.end, align: 'center', focus: true });
    },
    [id, onOpenPassage, requestScroll],
  );
  useCommands({
    'reader.next-document': { when: () => onStep !== undefined, run: () => onStep?.(1) },
    'reader.previous-document': { when: () => onStep !== undefined, run: () => onStep?.(-1) },
    'reader.print': { when: () => doc !== undefined, run: () => void (doc && print(doc.title)) },
  });

  // Without a target of its own (a search hit, a notebook entry), a document opens where it was left.
  const restoredOffset = position.restored?.offset ?? null;
  const scrollTarget = useMemo<ScrollTarget | undefined>(() => {
    if (requested || searchQuery || jump?.offset !== undefined || restoredOffset === null) return requested;
    return { key: 'restore', offset: restoredOffset, align: 'top' };
  }, [requested, searchQuery, jump?.offset, restoredOffset]);

  const aside = (
    <>
      {doc && <ContentsPanel headings={doc.headings} place={position.place} onJump={jumpToHeading} />}
      {notes.panel}
      <CitationPanel documentId={id} target={cite?.target} request={cite?.request ?? 0} />
      <BookmarksPanel documentId={id} currentOffset={position.current} onJump={(offset) => requestScroll({ offset, align: 'top' })} />
      <RelatedDocuments documentId={id} onOpen={onOpenDocument} />
    </>
  );
  const footer =
    doc &&
    ((pageActions: ReactNode) => (
      <>
        <p className="reader-status" role="status">
          {status ?? saved}
        </p>
        <ReadingProgressBar place={position.place} textLength={doc.text.length} wordCount={doc.wordCount} speed={speed} actions={pageActions} />
      </>
    ));

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
        footer={footer}
        onOpenPassage={openPassage}
      />
      {notes.toolbar}
      {coding.palette}
    </>
  );
}
