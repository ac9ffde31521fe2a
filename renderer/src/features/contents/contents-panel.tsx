import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { DocumentHeading } from '@common/corpus/corpus-types';
import { useCommands, useShortcutText } from '../../shared/commands/command-provider';
import type { PlaceSource } from '../../shared/reader-types';
import { currentHeadingIndex } from './current-heading';
import { usePlace } from './use-place';
import './contents.css';

type Props = {
  headings: readonly DocumentHeading[];
  place: PlaceSource;
  /** Goes to a heading (the reader scrolls it to the top and gives it focus). */
  onJump: (heading: DocumentHeading) => void;
};

/**
 * The document's contents: its headings, indented by level, the section in view marked
 * (aria-current="location"). One entry is in the Tab order; arrows, Home and End move between
 * entries, Enter goes there. Alt+C (Go › Contents) brings focus to the current entry.
 */
export function ContentsPanel({ headings, place, onJump }: Props) {
  const { readingAt } = usePlace(place);
  const current = currentHeadingIndex(headings, readingAt);
  const [active, setActive] = useState<number | null>(null);
  const listRef = useRef<HTMLOListElement>(null);
  const focusEntry = (index: number) => {
    setActive(index);
    listRef.current?.querySelectorAll<HTMLButtonElement>('.contents-entry')[index]?.focus();
  };
  // Until the reader moves within the list, the entry in the Tab order follows the reading.
  const tabbable = active ?? Math.max(0, current);
  const [focusRequest, setFocusRequest] = useState(0);
  useEffect(() => {
    if (focusRequest > 0) listRef.current?.querySelectorAll<HTMLButtonElement>('.contents-entry')[Math.max(0, current)]?.focus();
    // Only a new request moves focus, not the reading.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [focusRequest]);
  useCommands({ 'reader.contents': { when: () => headings.length > 0, run: () => setFocusRequest((n) => n + 1) } });
  const key = useShortcutText('reader.contents');

  if (headings.length === 0) return null;
  const onKeyDown = (event: KeyboardEvent<HTMLOListElement>) => {
    const from = Number((event.target as HTMLElement).dataset.index ?? tabbable);
    const to: Record<string, number> = { ArrowDown: from + 1, ArrowUp: from - 1, Home: 0, End: headings.length - 1 };
    const next = to[event.key];
    if (next === undefined || event.altKey || event.ctrlKey || event.metaKey) return;
    event.preventDefault();
    event.stopPropagation();
    focusEntry(Math.max(0, Math.min(headings.length - 1, next)));
  };
  const top = Math.min(...headings.map((h) => h.level));
  return (
    <nav className="panel-section contents-panel" aria-labelledby="contents-title">
      <h2 id="contents-title" className="panel-title" title={key ? `Go to the contents (${key})` : undefined}>
        Contents <span className="count">{headings.length}</span>
      </h2>
      <ol className="contents-list" ref={listRef} onKeyDown={onKeyDown} onBlur={() => setActive(null)}>
        {headings.map((h, i) => (
          <li key={`${h.start}-${i}`} className={`contents-item contents-level-${Math.min(4, h.level - top + 1)}`}>
            <button
              type="button"
              className="contents-entry"
              data-index={i}
              dir="auto"
              tabIndex={i === tabbable ? 0 : -1}
              aria-current={i === current ? 'location' : undefined}
              onFocus={() => setActive(i)}
              onClick={() => onJump(h)}
            >
              {h.title}
            </button>
          </li>
        ))}
      </ol>
    </nav>
  );
}
