import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, type FocusEvent, type KeyboardEvent } from 'react';
import type { LibraryView as LibraryViewSettings } from '@common/corpus/library-types';
import { ErrorPanel } from '../../shared/error-panel';
import { LibraryControls } from './library-controls';
import { stickyHeaderHeight } from '../../shared/sticky-header';
import { DocumentRow } from './document-row';
import { useLibraryPages, type LibraryPages } from './use-library-pages';
import { rowsInView, scrollToShow, type RowGeometry, type RowRange } from './row-window';
import './library.css';

/** Every row is this tall (px, gap included; .document-row in library.css): no row is measured. */
export const LIBRARY_ROW_HEIGHT = 92;
const OVERSCAN = 6;
/**
 * Up to this many rows every row is rendered: it costs nothing, and the browser's own find
 * and tests that walk the whole list keep working on small corpora.
 */
const RENDER_ALL_UP_TO = 100;

type Props = {
  onOpen: (id: string) => void;
  /** Document to give focus to, e.g. the one the reader just closed (it may be far down the list). */
  focusId?: string;
  /** Sort and filter (kept by the app while the reader is open). */
  view: LibraryViewSettings;
  onViewChange: (view: LibraryViewSettings) => void;
};

const numberFormat = new Intl.NumberFormat('en');

export function LibraryView({ onOpen, focusId, view, onViewChange }: Props) {
  const filtered = view.text.trim() !== '' || view.state !== 'all';
  return (
    <section className="library" aria-labelledby="library-title">
      <h1 id="library-title" className="section-title">
        Library
      </h1>
      <LibraryControls view={view} onChange={onViewChange} />
      {/* A new sort or filter lists afresh, from its first row. */}
      <LibraryResults key={JSON.stringify(view)} view={view} filtered={filtered} onOpen={onOpen} focusId={focusId} />
    </section>
  );
}

function LibraryResults({ onOpen, focusId, view, filtered }: Omit<Props, 'onViewChange'> & { filtered: boolean }) {
  const library = useLibraryPages(focusId, view);
  if (library.status === 'loading') return <p className="status">Loading the library…</p>;
  if (library.status === 'error') return <ErrorPanel title="Carrel cannot open its corpus" error={library.error} />;
  const count = `${numberFormat.format(library.total)} ${library.total === 1 ? 'document' : 'documents'}`;
  return (
    <>
      <p className="library-count count" role="status">
        {filtered ? `${count} match` : count}
      </p>
      {library.total === 0 ? (
        <p className="status">{filtered ? 'No document matches: change the filter above.' : 'This corpus has no documents.'}</p>
      ) : (
        <VirtualDocumentList library={library} onOpen={onOpen} />
      )}
    </>
  );
}

type Ready = Extract<LibraryPages, { status: 'ready' }>;
type FocusRequest = { index: number; align: 'auto' | 'center' };

const sameRange = (a: RowRange | null, b: RowRange | null) => a === b || (!!a && !!b && a.first === b.first && a.last === b.last);

/**
 * Only the rows in view (and a few either side) are in the DOM; the window scrolls over a
 * list as tall as every row. The active row is always rendered, so focus survives scrolling
 * it out of view, and arrows, Page Up/Down, Home and End scroll the target row in and focus it.
 * Rows are all LIBRARY_ROW_HEIGHT tall: which are in view is arithmetic (row-window.ts), the
 * same work for any size of library.
 */
function VirtualDocumentList({ library, onOpen }: { library: Ready; onOpen: (id: string) => void }) {
  const { total, focusIndex, rowAt, ensure } = library;
  const listRef = useRef<HTMLUListElement>(null);
  const [active, setActive] = useState(focusIndex >= 0 ? focusIndex : 0);
  // On arrival, focus the document just closed (centred), or the first one.
  const [focusRequest, setFocusRequest] = useState<FocusRequest>({
    index: focusIndex >= 0 ? focusIndex : 0,
    align: focusIndex > 0 ? 'center' : 'auto',
  });
  // Read once: the list re-renders as it scrolls, and the header's height is fixed in CSS.
  const [headerHeight] = useState(stickyHeaderHeight);
  // Where the list starts in the page, measured before the first paint (null until then).
  const [listTop, setListTop] = useState<number | null>(null);
  const listTopRef = useRef(0);
  const geometry = useCallback(
    (): RowGeometry => ({ count: total, rowHeight: LIBRARY_ROW_HEIGHT, listTop: listTopRef.current, scrollY: window.scrollY, viewportHeight: window.innerHeight }),
    [total],
  );
  // The rows in view; the first render assumes the list at the page's top (a few rows too many at most).
  const [range, setRange] = useState(() =>
    rowsInView({ count: total, rowHeight: LIBRARY_ROW_HEIGHT, listTop: 0, scrollY: window.scrollY, viewportHeight: window.innerHeight }, OVERSCAN),
  );
  const follow = useCallback(() => {
    const next = rowsInView(geometry(), OVERSCAN);
    setRange((current) => (sameRange(current, next) ? current : next));
  }, [geometry]);

  useLayoutEffect(() => {
    const measure = () => {
      listTopRef.current = listRef.current ? listRef.current.getBoundingClientRect().top + window.scrollY : 0;
      setListTop(listTopRef.current);
      follow();
    };
    measure();
    window.addEventListener('resize', measure);
    window.addEventListener('scroll', follow, { passive: true });
    return () => {
      window.removeEventListener('resize', measure);
      window.removeEventListener('scroll', follow);
    };
  }, [follow]);

  const indexes = useMemo(() => {
    if (total <= RENDER_ALL_UP_TO) return Array.from({ length: total }, (_, i) => i);
    const inView = range ? Array.from({ length: range.last - range.first + 1 }, (_, i) => range.first + i) : [];
    return inView.includes(active) ? inView : [...inView, active].sort((a, b) => a - b);
  }, [total, range, active]);

  // One request per missing page in view, not per row.
  useEffect(() => {
    if (total <= RENDER_ALL_UP_TO) ensure(0, total - 1);
    else if (range) ensure(range.first, range.last);
    ensure(active, active);
  }, [total, range, active, ensure]);

  // Each request is a new object, handled once (a later change of the list's place must not scroll back to it).
  const handled = useRef<FocusRequest | null>(null);
  useEffect(() => {
    if (handled.current === focusRequest || listTop === null) return;
    handled.current = focusRequest;
    const target = scrollToShow(focusRequest.index, focusRequest.align, { ...geometry(), headerHeight });
    // The rows around the target follow the scroll event; the target is rendered (it is the active one).
    if (target !== null) window.scrollTo({ top: target, behavior: 'instant' });
    listRef.current
      ?.querySelector<HTMLButtonElement>(`li[data-index="${focusRequest.index}"] button.document-open`)
      ?.focus({ preventScroll: true });
  }, [focusRequest, listTop, geometry, headerHeight]);

  const onKeyDown = (event: KeyboardEvent<HTMLUListElement>) => {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    const row = (event.target as Element).closest<HTMLElement>('li[data-index]');
    if (!row) return;
    const index = Number(row.dataset.index);
    const screen = Math.max(1, Math.floor((window.innerHeight - headerHeight) / LIBRARY_ROW_HEIGHT) - 1);
    const keys: Record<string, number> = {
      ArrowDown: index + 1,
      ArrowUp: index - 1,
      PageDown: index + screen,
      PageUp: index - screen,
      Home: 0,
      End: total - 1,
    };
    const target = keys[event.key];
    if (target === undefined) return;
    event.preventDefault();
    const next = Math.max(0, Math.min(total - 1, target));
    setActive(next);
    setFocusRequest({ index: next, align: 'auto' });
  };

  // A row focused by mouse or Tab becomes the active one.
  const onFocus = (event: FocusEvent<HTMLUListElement>) => {
    const row = (event.target as Element).closest<HTMLElement>('li[data-index]');
    if (row) setActive(Number(row.dataset.index));
  };

  return (
    <ul
      className="document-list"
      role="list"
      aria-label="Documents"
      ref={listRef}
      onKeyDown={onKeyDown}
      onFocus={onFocus}
      style={{ height: total * LIBRARY_ROW_HEIGHT }}
    >
      {indexes.map((index) => (
        <DocumentRow
          key={index}
          doc={rowAt(index)}
          index={index}
          total={total}
          active={index === active}
          onOpen={onOpen}
          style={{ transform: `translateY(${index * LIBRARY_ROW_HEIGHT}px)` }}
        />
      ))}
    </ul>
  );
}
