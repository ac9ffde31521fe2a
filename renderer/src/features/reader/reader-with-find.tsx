import { useCallback, useEffect, useMemo, useRef, useState, type ComponentProps } from 'react';
import type { Span } from '@common/search/search-types';
import { callApi } from '../../shared/data/call-api';
import { useCommands } from '../../shared/commands/command-provider';
import type { Decoration } from '../../shared/decorations';
import { useLatestQuery } from '../../shared/use-latest-query';
import { useWholeDocument } from '../../shared/data/use-document';
import { pageAtOffset } from '../../shared/page-at-offset';
import { FindBar } from './find-bar';
import { currentHitDecorationId, hitDecorations, hitLabel, stepHit } from './hit-navigation';
import { ReaderView } from './reader-view';

type Props = ComponentProps<typeof ReaderView> & {
  /** The search that opened this document: its hits are shown and the first is scrolled to. */
  searchQuery?: string;
};

const NONE: readonly Decoration[] = [];
const NO_MATCHES: readonly Span[] = [];

/**
 * The reader with hit navigation: hits of the search that opened the document, or of Ctrl+F,
 * drawn over the text with the reader's other decorations. Every ReaderView prop passes through.
 * Mount it with a key per document and query: it starts from `searchQuery`.
 */
export function ReaderWithFind({ searchQuery = '', decorations = NONE, ...readerProps }: Props) {
  const { id } = readerProps;
  const [find, setFind] = useState({ open: searchQuery.trim() !== '', query: searchQuery });
  const [focusRequest, setFocusRequest] = useState(0);
  const inputRef = useRef<HTMLInputElement>(null);
  const returnFocus = useRef<HTMLElement | null>(null);

  const findIn = useCallback((query: string) => callApi('findInDocument', { id, query }), [id]);
  const state = useLatestQuery(find.open ? find.query : '', findIn);
  const { outcome } = state;
  const matches = find.open && outcome.status === 'ready' && outcome.value.id === id ? outcome.value.matches : NO_MATCHES;
  // The current hit belongs to one answer; a new answer starts at its first hit.
  const [position, setPosition] = useState({ outcome, current: -1 });
  const current = position.outcome === outcome ? position.current : matches.length > 0 ? 0 : -1;
  const step = useCallback(
    (direction: 'next' | 'previous') => setPosition({ outcome, current: stepHit(current, matches.length, direction) }),
    [outcome, current, matches.length],
  );

  const allDecorations = useMemo(
    () => (matches.length === 0 ? decorations : [...decorations, ...hitDecorations(matches, current, state.query)]),
    [decorations, matches, current, state.query],
  );

  const close = useCallback(() => {
    setFind((f) => ({ ...f, open: false }));
    const back = returnFocus.current;
    returnFocus.current = null;
    if (back?.isConnected) back.focus();
    else document.querySelector<HTMLElement>('.reader-title')?.focus({ preventScroll: true });
  }, []);

  useEffect(() => {
    if (focusRequest === 0) return;
    inputRef.current?.focus();
    inputRef.current?.select();
  }, [focusRequest]);

  // Escape closes the hits before the reader takes it as "back" (the find scope is the more specific).
  useCommands({
    'reader.find': {
      run: () => {
        if (!find.open && document.activeElement instanceof HTMLElement) returnFocus.current = document.activeElement;
        setFind((f) => ({ ...f, open: true }));
        setFocusRequest((n) => n + 1);
      },
    },
    'reader.find.close': { when: () => find.open, run: close },
    'reader.find.next': { when: () => matches.length > 0, run: () => step('next') },
    'reader.find.previous': { when: () => matches.length > 0, run: () => step('previous') },
  });

  // The reader's own query (the same key): the page of the current hit in a PDF document.
  const whole = useWholeDocument(id);
  const doc = whole.status === 'ready' ? whole.value : undefined;
  const hit = matches[current];
  const hitPage = doc && hit ? pageAtOffset(doc.paragraphs, hit.start) : undefined;
  const label =
    find.query.trim() === ''
      ? ''
      : outcome.status === 'error'
        ? outcome.error.message
        : state.pending && outcome.status === 'idle'
          ? 'finding…'
          : `${hitLabel(current, matches.length)}${hitPage ? ` · p. ${hitPage}` : ''}`;

  return (
    <>
      <ReaderView {...readerProps} decorations={allDecorations} scrollToDecorationId={currentHitDecorationId(matches, current, state.query)} />
      {find.open && (
        <FindBar
          inputRef={inputRef}
          query={find.query}
          onQueryChange={(query) => setFind({ open: true, query })}
          label={label}
          isError={outcome.status === 'error'}
          busy={state.pending}
          canStep={matches.length > 1}
          onNext={() => step('next')}
          onPrevious={() => step('previous')}
          onClose={close}
        />
      )}
    </>
  );
}
