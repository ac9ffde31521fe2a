import { useVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useEffect, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { bylineText } from '@common/corpus/byline';
import { useCommands } from '../../shared/commands/command-provider';
import { displayTitle } from '../../shared/display-title';
import { useLatestQuery } from '../../shared/use-latest-query';
import { activeFilters, sessionKey, sessionOfKey, type OpenedResult } from './search-session';
import { searchPage, useSearchPages } from './use-search-pages';
import './results-rail.css';

/** Every row is this tall (px; .results-rail-item in results-rail.css): no row is measured. */
export const RAIL_ROW_HEIGHT = 74;

const integer = new Intl.NumberFormat('en');

type Props = {
  /** The search the open document was opened from, and its place among the results; none: the reader alone. */
  opened: OpenedResult | undefined;
  /** The document open now. */
  currentId: string;
  onOpen: (id: string, opened: OpenedResult) => void;
  children: ReactNode;
};

/**
 * The reader with the results of the search it was opened from beside it: every result (a
 * virtual list), the one open marked, Previous and Next result (Alt+Up, Alt+Down). Opening
 * another result keeps the list where it was.
 */
export function ReadingWithResults({ opened, currentId, onOpen, children }: Props) {
  // Closed for one search: a result opened from another search brings the list back.
  const [closedFor, setClosedFor] = useState<string>();
  const key = opened ? sessionKey(opened.session) : undefined;
  const shown = opened !== undefined && key !== closedFor;
  // One structure whether the list is shown or not: closing it never reopens the document.
  return (
    <div className={shown ? 'reading-with-results with-rail' : 'reading-with-results'}>
      {shown && <ResultsRail opened={opened} currentId={currentId} onOpen={onOpen} onClose={() => setClosedFor(key)} />}
      <div className="reading-with-results-reader">{children}</div>
    </div>
  );
}

function ResultsRail({ opened, currentId, onOpen, onClose }: Omit<Props, 'children'> & { opened: OpenedResult; onClose: () => void }) {
  const { session, index } = opened;
  const run = useCallback((key: string) => searchPage(sessionOfKey(key), 0), []);
  const state = useLatestQuery(sessionKey(session), run, 0);
  const first = state.outcome.status === 'ready' ? state.outcome.value : null;
  const pages = useSearchPages(first, first ? session : null);
  const total = first?.total ?? 0;
  const [listShown, setListShown] = useState(true);
  const scrollRef = useRef<HTMLDivElement>(null);
  const [focusIndex, setFocusIndex] = useState(index);
  const [focusWanted, setFocusWanted] = useState<number | null>(null);
  // Next or previous asked for before that result's page came: opened when it comes.
  const [wanted, setWanted] = useState<number | null>(null);

  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: total,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => RAIL_ROW_HEIGHT,
    overscan: 8,
  });
  const items = virtualizer.getVirtualItems();
  const { ensure, resultAt } = pages;
  useEffect(() => {
    if (items.length > 0) ensure(items[0]!.index, items[items.length - 1]!.index);
  }, [items, ensure]);
  // The result open now is in view, and its neighbours are at hand for Previous and Next.
  useEffect(() => {
    if (total === 0) return;
    ensure(Math.max(0, index - 1), Math.min(total - 1, index + 1));
    virtualizer.scrollToIndex(Math.min(index, total - 1), { align: 'auto' });
    setFocusIndex(index);
  }, [index, total, ensure, virtualizer]);

  const go = useCallback(
    (target: number) => {
      if (target < 0 || target >= total) return;
      const result = resultAt(target);
      if (!result) {
        ensure(target, target);
        setWanted(target);
        return;
      }
      setWanted(null);
      onOpen(result.id, { session, index: target });
    },
    [total, resultAt, ensure, onOpen, session],
  );
  const wantedLoaded = wanted !== null && resultAt(wanted) !== undefined;
  useEffect(() => {
    if (wanted !== null && wantedLoaded) go(wanted);
  }, [wanted, wantedLoaded, go]);

  useCommands({
    'search.next-result': { when: () => index + 1 < total, run: () => go(index + 1) },
    'search.previous-result': { when: () => index > 0, run: () => go(index - 1) },
  });

  // A result asked for by key is focused once it is drawn: scrolled into range and its page loaded.
  const focusLoaded = focusWanted !== null && resultAt(focusWanted) !== undefined;
  useEffect(() => {
    if (focusWanted === null) return;
    const button = scrollRef.current?.querySelector<HTMLElement>(`[data-index="${focusWanted}"] .results-rail-open`);
    if (!button) return;
    button.focus({ preventScroll: true });
    setFocusWanted(null);
  }, [focusWanted, focusLoaded, items]);

  const onListKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return;
    const row = (event.target as Element).closest<HTMLElement>('[data-index]');
    if (!row) return;
    const at = Number(row.dataset.index);
    const screen = Math.max(1, Math.floor((scrollRef.current?.clientHeight ?? 300) / RAIL_ROW_HEIGHT) - 1);
    const moves: Record<string, number> = { ArrowDown: at + 1, ArrowUp: at - 1, PageDown: at + screen, PageUp: at - screen, Home: 0, End: total - 1 };
    const target = moves[event.key];
    if (target === undefined) return;
    event.preventDefault();
    const next = Math.max(0, Math.min(total - 1, target));
    setFocusIndex(next);
    setFocusWanted(next);
    virtualizer.scrollToIndex(next, { align: 'auto' });
  };

  const filtered = Object.keys(activeFilters(session.filters)).length > 0;
  const where =
    state.outcome.status === 'error'
      ? state.outcome.error.message
      : first
        ? total === 0
          ? 'No results now.'
          : `Result ${integer.format(Math.min(index, total - 1) + 1)} of ${integer.format(total)}${filtered ? ' (filtered)' : ''}`
        : 'Searching…';

  return (
    <nav className="results-rail" aria-label="Search results">
      <h2 className="results-rail-heading" dir="auto">
        Results for <q dir="auto">{session.query}</q>
      </h2>
      <p className="results-rail-status" role="status">
        {where}
      </p>
      <div className="results-rail-steps">
        <button type="button" className="small-button" onClick={() => go(index - 1)} disabled={index <= 0} title="Previous result (Alt+Up)">
          ← Previous
        </button>
        <button type="button" className="small-button" onClick={() => go(index + 1)} disabled={index + 1 >= total} title="Next result (Alt+Down)">
          Next →
        </button>
      </div>
      <div className="results-rail-actions">
        <button type="button" className="link-button results-rail-toggle" aria-expanded={listShown} onClick={() => setListShown(!listShown)}>
          {listShown ? 'Hide the list' : 'Show the list'}
        </button>
        <button type="button" className="link-button" onClick={onClose}>
          Close the results
        </button>
      </div>
      <div className={listShown ? 'results-rail-scroll' : 'results-rail-scroll folded'} ref={scrollRef} onKeyDown={onListKeyDown}>
        <ol className="results-rail-list" aria-label={`All ${integer.format(total)} results`} style={{ height: virtualizer.getTotalSize() }}>
          {items.map((item) => {
            const result = resultAt(item.index);
            const current = result?.id === currentId && item.index === index;
            return (
              <li
                key={item.key}
                className="results-rail-item"
                data-index={item.index}
                aria-setsize={total}
                aria-posinset={item.index + 1}
                style={{ transform: `translateY(${item.start}px)` }}
              >
                {result ? (
                  <button
                    type="button"
                    className="results-rail-open"
                    data-doc-id={result.id}
                    aria-current={current ? 'true' : undefined}
                    tabIndex={item.index === focusIndex ? 0 : -1}
                    onFocus={() => setFocusIndex(item.index)}
                    onClick={() => go(item.index)}
                  >
                    <span className="results-rail-title" dir="auto">
                      {displayTitle(result.title)}
                    </span>
                    <span className="results-rail-meta">
                      <bdi>{bylineText(result)}</bdi> · {integer.format(result.hitCount)} {result.hitCount === 1 ? 'hit' : 'hits'}
                    </span>
                  </button>
                ) : (
                  <span className="results-rail-pending">Loading result {integer.format(item.index + 1)}…</span>
                )}
              </li>
            );
          })}
        </ol>
      </div>
    </nav>
  );
}
