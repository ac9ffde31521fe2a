import { defaultRangeExtractor, useVirtualizer, type Range } from '@tanstack/react-virtual';
import { useCallback, useEffect, useLayoutEffect, useRef, useState, type RefObject } from 'react';
import { bylineText } from '@common/corpus/byline';
import type { SearchResult } from '@common/search/search-types';
import { SnippetText } from './snippet-text';
import { displayTitle } from '../../shared/display-title';
import type { SearchPages } from './use-search-pages';

type Props = {
  id: string;
  total: number;
  pages: SearchPages;
  /** The element that scrolls the list (the panel). */
  scrollRef: RefObject<HTMLElement | null>;
  active: number;
  onActivate: (index: number) => void;
  onOpen: (index: number) => void;
};

export function resultOptionId(listId: string, index: number): string {
  return `${listId}-option-${index}`;
}

const integer = new Intl.NumberFormat('en');

/** About one result with two snippet lines; each drawn result is measured. */
const ESTIMATED_HEIGHT = 120;

/**
 * Every result as a listbox, virtualised (only those in view are in the page, their pages
 * fetched as they come into view); focus stays in the search field (aria-activedescendant).
 */
export function SearchResults({ id, total, pages, scrollRef, active, onActivate, onOpen }: Props) {
  const listRef = useRef<HTMLUListElement>(null);
  // Where the list starts inside the scrolling panel (below the status and the filters).
  const [margin, setMargin] = useState(0);
  useLayoutEffect(() => {
    const list = listRef.current;
    if (!list) return;
    const measure = () => setMargin(list.offsetTop);
    measure();
    const observer = new ResizeObserver(measure);
    if (list.parentElement) observer.observe(list.parentElement);
    return () => observer.disconnect();
  }, []);
  // The active result is always drawn, in view or not: aria-activedescendant names it.
  const rangeExtractor = useCallback(
    (range: Range) => {
      const indices = defaultRangeExtractor(range);
      if (active < 0 || active >= total || indices.includes(active)) return indices;
      return [...indices, active].sort((a, b) => a - b);
    },
    [active, total],
  );
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: total,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ESTIMATED_HEIGHT,
    scrollMargin: margin,
    overscan: 4,
    rangeExtractor,
  });
  const items = virtualizer.getVirtualItems();
  const { ensure } = pages;
  useEffect(() => {
    if (items.length > 0) ensure(items[0]!.index, items[items.length - 1]!.index);
  }, [items, ensure]);
  useEffect(() => {
    // The first result: the top of the panel, with the filters and the count above it.
    if (active === 0) scrollRef.current?.scrollTo({ top: 0 });
    else if (active > 0 && active < total) virtualizer.scrollToIndex(active, { align: 'auto' });
  }, [active, total, virtualizer, scrollRef]);

  return (
    <ul className="search-results" role="listbox" id={id} aria-label="Search results" ref={listRef} style={{ height: virtualizer.getTotalSize() }}>
      {items.map((item) => {
        const result = pages.resultAt(item.index);
        return (
          <li
            key={item.key}
            ref={virtualizer.measureElement}
            data-index={item.index}
            id={resultOptionId(id, item.index)}
            role="option"
            aria-selected={item.index === active}
            aria-setsize={total}
            aria-posinset={item.index + 1}
            aria-busy={result ? undefined : true}
            className="search-result"
            data-doc-id={result?.id}
            style={{ transform: `translateY(${item.start - virtualizer.options.scrollMargin}px)` }}
            // Keep focus in the field so the keyboard keeps working after a click.
            onMouseDown={(event) => event.preventDefault()}
            onMouseMove={() => item.index !== active && onActivate(item.index)}
            onClick={() => result && onOpen(item.index)}
          >
            {result ? <ResultBody result={result} /> : <span className="search-result-title placeholder">Loading result {integer.format(item.index + 1)}…</span>}
          </li>
        );
      })}
    </ul>
  );
}

function ResultBody({ result }: { result: SearchResult }) {
  return (
    <>
      <span className="search-result-title" dir="auto">
        {displayTitle(result.title)}
      </span>
      <span className="search-result-meta">
        <bdi>{bylineText(result)}</bdi>
        {result.date && (
          <>
            {' · '}
            <bdi>{result.date}</bdi>
          </>
        )}
        {' · '}
        {integer.format(result.hitCount)} {result.hitCount === 1 ? 'hit' : 'hits'}
      </span>
      {result.snippets.map((snippet) => (
        <SnippetText key={snippet.offset} snippet={snippet} />
      ))}
    </>
  );
}
