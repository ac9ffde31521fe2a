import { useEffect, useId, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { findPage, pageRange, type PageStart } from './pages';
import './go-to-page.css';

type Props = {
  pages: readonly PageStart[];
  /** Goes to the page (scrolls its first paragraph in and moves focus there). */
  onGo: (page: PageStart) => void;
  onClose: () => void;
};

/** Go to page (Ctrl+G) in a paginated document: the printed page label or the page's number; Escape closes. */
export function GoToPage({ pages, onGo, onClose }: Props) {
  const [value, setValue] = useState('');
  const [error, setError] = useState('');
  const inputRef = useRef<HTMLInputElement>(null);
  const hintId = useId();
  useEffect(() => inputRef.current?.focus(), []);
  const range = pageRange(pages);
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const page = findPage(pages, value);
    if (!page) {
      setError(value.trim() === '' ? `Type a page number (${range}).` : `There is no page “${value.trim()}” in this document: its pages run ${range}.`);
      inputRef.current?.select();
      return;
    }
    onGo(page);
  };
  // Escape closes the box only: the reader must not take it as "back to the library".
  const onKeyDown = (event: KeyboardEvent<HTMLFormElement>) => {
    if (event.key !== 'Escape') return;
    event.preventDefault();
    event.stopPropagation();
    onClose();
  };
  return (
    <form className="go-to-page" aria-label="Go to page" onSubmit={onSubmit} onKeyDown={onKeyDown}>
      <label className="go-to-page-label">
        Go to page
        <input
          ref={inputRef}
          className="go-to-page-input"
          type="text"
          inputMode="text"
          autoComplete="off"
          spellCheck={false}
          value={value}
          aria-describedby={hintId}
          aria-invalid={error !== ''}
          onChange={(event) => {
            setValue(event.target.value);
            setError('');
          }}
        />
      </label>
      <button type="submit" className="go-to-page-go">
        Go
      </button>
      <button type="button" className="go-to-page-cancel" onClick={onClose}>
        Cancel
      </button>
      <p id={hintId} className={error ? 'go-to-page-hint go-to-page-error' : 'go-to-page-hint'} role="status">
        {error || `Pages ${range}`}
      </p>
    </form>
  );
}
