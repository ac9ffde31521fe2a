import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { ConcordanceLine } from '@common/analysis/analysis-types';
import type { ConcordancePages } from './use-concordance-pages';

export const LINE_HEIGHT = 34;

type Props = {
  pages: ConcordancePages;
  total: number;
  onOpen: (line: ConcordanceLine) => void;
  onHighlight: (line: ConcordanceLine) => void;
};

const ARABIC = /[\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF\uFB50-\uFDFF\uFE70-\uFEFF]/;

/**
 * Keyword-in-context lines, aligned on the keyword, virtualised: only the lines in view are in
 * the page, so 100,000 scroll as smoothly as 100. Arrows, Page Up/Down, Home and End move
 * between lines; Enter opens the passage, H highlights it.
 */
export function ConcordanceTable({ pages, total, onOpen, onHighlight }: Props) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const [active, setActive] = useState(0);
  // The virtualizer's methods are not memoisable; nothing here is handed to memoised children.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: total,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => LINE_HEIGHT,
    overscan: 12,
  });
  const items = virtualizer.getVirtualItems();
  const { ensure } = pages;
  useEffect(() => {
    if (items.length > 0) ensure(items[0]!.index, items[items.length - 1]!.index);
  }, [items, ensure]);

  // A line asked for by key is focused once it is drawn: scrolled into range and its page loaded.
  const [focusWanted, setFocusWanted] = useState<number | null>(null);
  const { lineAt } = pages;
  useEffect(() => {
    if (focusWanted === null) return;
    const button = scrollRef.current?.querySelector<HTMLElement>(`[data-index="${focusWanted}"] .kwic-open`);
    if (!button) return;
    button.focus({ preventScroll: true });
    setFocusWanted(null);
  }, [focusWanted, items, lineAt]);

  const focusLine = (index: number) => {
    setActive(index);
    setFocusWanted(index);
    virtualizer.scrollToIndex(index, { align: 'auto' });
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    const row = (event.target as Element).closest<HTMLElement>('[data-index]');
    if (!row) return;
    const index = Number(row.dataset.index);
    const line = pages.lineAt(index);
    if ((event.key === 'h' || event.key === 'H') && line) {
      event.preventDefault();
      onHighlight(line);
      return;
    }
    const screen = Math.max(1, Math.floor((scrollRef.current?.clientHeight ?? 300) / LINE_HEIGHT) - 1);
    const moves: Record<string, number> = { ArrowDown: index + 1, ArrowUp: index - 1, PageDown: index + screen, PageUp: index - screen, Home: 0, End: total - 1 };
    const target = moves[event.key];
    if (target === undefined) return;
    event.preventDefault();
    focusLine(Math.max(0, Math.min(total - 1, target)));
  };

  return (
    <div className="kwic-scroll" ref={scrollRef} tabIndex={-1} onKeyDown={onKeyDown}>
      <ol className="kwic-list" aria-label="Concordance lines" style={{ height: virtualizer.getTotalSize() }}>
        {items.map((item) => {
          const line = pages.lineAt(item.index);
          return (
            <li
              key={item.index}
              className="kwic-line"
              data-index={item.index}
              aria-setsize={total}
              aria-posinset={item.index + 1}
              dir={line && ARABIC.test(line.keyword) ? 'rtl' : 'ltr'}
              style={{ transform: `translateY(${item.start}px)` }}
            >
              {line ? (
                <button
                  type="button"
                  className="kwic-open"
                  tabIndex={item.index === active ? 0 : -1}
                  onFocus={() => setActive(item.index)}
                  onClick={() => onOpen(line)}
                  title={`Open in “${line.title}”, paragraph ${line.paragraph} (H highlights it)`}
                >
                  <span className="kwic-left" dir="auto">
                    <span>{line.left}</span>
                  </span>
                  <mark className="kwic-keyword" dir="auto">{line.keyword}</mark>
                  <span className="kwic-right" dir="auto">{line.right}</span>
                  <span className="kwic-where">
                    <span className="kwic-title" dir="auto">{line.title}</span> · <span dir="ltr">¶{line.paragraph}</span>
                  </span>
                </button>
              ) : (
                <span className="kwic-pending">Loading line {item.index + 1}…</span>
              )}
            </li>
          );
        })}
      </ol>
    </div>
  );
}
