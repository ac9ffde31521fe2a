import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { WordListEntry } from '@common/analysis/analysis-types';

export const ROW_HEIGHT = 32;

type Props = {
  entries: readonly WordListEntry[];
  /** "Word" or "2-gram"… : the first column's name. */
  label: string;
  /** Opens the concordance of an entry. */
  onOpen: (entry: WordListEntry) => void;
};

/**
 * The word list, virtualised like the concordance: only the rows in view are in the page.
 * Arrows, Page Up/Down, Home and End move between rows; Enter opens the entry's concordance.
 */
export function WordListTable({ entries, label, onOpen }: Props) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const [active, setActive] = useState(0);
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({ count: entries.length, getScrollElement: () => scrollRef.current, estimateSize: () => ROW_HEIGHT, overscan: 12 });
  const items = virtualizer.getVirtualItems();
  const [focusWanted, setFocusWanted] = useState<number | null>(null);
  useEffect(() => {
    if (focusWanted === null) return;
    const button = scrollRef.current?.querySelector<HTMLElement>(`[data-index="${focusWanted}"] .word-open`);
    if (!button) return;
    button.focus({ preventScroll: true });
    setFocusWanted(null);
  }, [focusWanted, items]);

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    const row = (event.target as Element).closest<HTMLElement>('[data-index]');
    if (!row) return;
    const index = Number(row.dataset.index);
    const screen = Math.max(1, Math.floor((scrollRef.current?.clientHeight ?? 300) / ROW_HEIGHT) - 1);
    const moves: Record<string, number> = { ArrowDown: index + 1, ArrowUp: index - 1, PageDown: index + screen, PageUp: index - screen, Home: 0, End: entries.length - 1 };
    const target = moves[event.key];
    if (target === undefined) return;
    event.preventDefault();
    const next = Math.max(0, Math.min(entries.length - 1, target));
    setActive(next);
    setFocusWanted(next);
    virtualizer.scrollToIndex(next, { align: 'auto' });
  };

  return (
    <div className="word-list">
      <div className="word-row word-head" aria-hidden="true">
        <span className="word-rank">#</span>
        <span className="word-words">{label}</span>
        <span className="word-count">Count</span>
        <span className="word-docs">Documents</span>
      </div>
      <div className="word-scroll" ref={scrollRef} tabIndex={-1} onKeyDown={onKeyDown}>
        <ol className="word-items" aria-label={`${label}s, ${entries.length.toLocaleString('en')} rows`} style={{ height: virtualizer.getTotalSize() }}>
          {items.map((item) => {
            const entry = entries[item.index]!;
            return (
              <li key={item.index} className="word-line" data-index={item.index} aria-setsize={entries.length} aria-posinset={item.index + 1} style={{ transform: `translateY(${item.start}px)` }}>
                <button
                  type="button"
                  className="word-open word-row"
                  tabIndex={item.index === active ? 0 : -1}
                  onFocus={() => setActive(item.index)}
                  onClick={() => onOpen(entry)}
                  aria-label={`${entry.words}: ${entry.count.toLocaleString('en')} times in ${entry.documents.toLocaleString('en')} document${entry.documents === 1 ? '' : 's'}. Enter opens its concordance`}
                >
                  <span className="word-rank">{item.index + 1}</span>
                  <span className="word-words" dir="auto">
                    {entry.words}
                  </span>
                  <span className="word-count">{entry.count.toLocaleString('en')}</span>
                  <span className="word-docs">{entry.documents.toLocaleString('en')}</span>
                </button>
              </li>
            );
          })}
        </ol>
      </div>
    </div>
  );
}
