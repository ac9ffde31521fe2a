import type { KeyboardEvent, RefObject } from 'react';
import { useShortcutText } from '../../shared/commands/command-provider';
import './find-bar.css';

type Props = {
  inputRef: RefObject<HTMLInputElement | null>;
  query: string;
  onQueryChange: (query: string) => void;
  /** "hit 3 of 12", "no hits", or a message about the query. */
  label: string;
  isError: boolean;
  busy: boolean;
  canStep: boolean;
  onNext: () => void;
  onPrevious: () => void;
  onClose: () => void;
};

/** Finds a query in the open document: Enter / Shift+Enter step through the hits, Escape closes. */
export function FindBar({ inputRef, query, onQueryChange, label, isError, busy, canStep, onNext, onPrevious, onClose }: Props) {
  const keys = { next: useShortcutText('reader.find.next'), previous: useShortcutText('reader.find.previous'), close: useShortcutText('reader.find.close') };
  const onInputKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key !== 'Enter') return;
    event.preventDefault();
    event.stopPropagation();
    if (event.shiftKey) onPrevious();
    else onNext();
  };
  // Escape anywhere in the bar closes the bar only; the reader must not take it as "back to the library".
  const onBarKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key !== 'Escape') return;
    event.preventDefault();
    event.stopPropagation();
    onClose();
  };

  return (
    <div className="find-bar" role="search" aria-label="Find in this document" aria-busy={busy} onKeyDown={onBarKeyDown}>
      <input
        ref={inputRef}
        className="find-input"
        type="text"
        dir="auto"
        aria-label="Find in this document"
        placeholder="Find in document"
        autoComplete="off"
        spellCheck={false}
        value={query}
        onChange={(event) => onQueryChange(event.target.value)}
        onKeyDown={onInputKeyDown}
      />
      <span className={isError ? 'find-status find-error' : 'find-status'} role="status">
        {label}
      </span>
      <button type="button" className="find-step" onClick={onPrevious} disabled={!canStep} aria-label="Previous hit" title={`Previous hit (${keys.previous})`}>
        ↑
      </button>
      <button type="button" className="find-step" onClick={onNext} disabled={!canStep} aria-label="Next hit" title={`Next hit (${keys.next})`}>
        ↓
      </button>
      <button type="button" className="find-close" onClick={onClose} aria-label="Close find" title={`Close (${keys.close})`}>
        ×
      </button>
    </div>
  );
}
