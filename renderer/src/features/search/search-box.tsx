import { useCallback, useEffect, useId, useRef, useState, type FocusEvent, type KeyboardEvent } from 'react';
import type { SearchResponse } from '@common/search/search-types';
import { callApi } from '../../shared/data/call-api';
import { useCommands, useShortcutText } from '../../shared/commands/command-provider';
import { useLatestQuery } from '../../shared/use-latest-query';
import { describeResponse, moveActive } from './search-status';
import { resultOptionId, SearchResults } from './search-results';
import './search.css';

type Props = {
  /** Opens a result; the query goes along so the reader can show its hits. */
  onOpen: (id: string, query: string) => void;
};

const RESULT_LIMIT = 25;

/** The header's search field: results as you type, Ctrl+K or "/" (search.focus) to focus it. */
export function SearchBox({ onOpen }: Props) {
  const [query, setQuery] = useState('');
  const [expanded, setExpanded] = useState(false);
  const inputRef = useRef<HTMLInputElement>(null);
  const listId = useId();
  const search = useCallback((q: string) => callApi('search', { query: q, limit: RESULT_LIMIT }), []);
  const state = useLatestQuery(query, search);

  const response: SearchResponse | null = state.outcome.status === 'ready' ? state.outcome.value : null;
  const results = response?.results ?? [];
  // The active result belongs to one response; a new response starts again at the top.
  const [selection, setSelection] = useState<{ response: SearchResponse | null; index: number }>({ response: null, index: -1 });
  const active = selection.response === response ? selection.index : results.length > 0 ? 0 : -1;
  const setActive = (index: number) => setSelection({ response, index });
  // Enter pressed before the answer to the typed query came: open its top result when it comes.
  const openOnAnswer = useRef<string | null>(null);

  useCommands({
    'search.focus': {
      run: () => {
        inputRef.current?.focus();
        inputRef.current?.select();
        setExpanded(true);
      },
    },
  });
  const keys = useShortcutText('search.focus');

  useEffect(() => {
    if (openOnAnswer.current === null || state.pending || state.query !== openOnAnswer.current) return;
    openOnAnswer.current = null;
    const top = state.outcome.status === 'ready' ? state.outcome.value.results[0] : undefined;
    if (!top) return;
    inputRef.current?.blur();
    onOpen(top.id, state.query);
  }, [state, onOpen]);

  const open = (index: number) => {
    const result = results[index];
    if (!result) return;
    setExpanded(false);
    onOpen(result.id, state.query);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      setExpanded(true);
      setActive(moveActive(active, results.length, event.key));
    } else if (event.key === 'Enter') {
      event.preventDefault();
      if (state.pending || state.query !== query) openOnAnswer.current = query.trim() === '' ? null : query;
      else if (expanded) open(active);
      else setExpanded(true);
    } else if (event.key === 'Escape') {
      // The field owns Escape: it must not also close the reader behind it.
      event.preventDefault();
      event.stopPropagation();
      openOnAnswer.current = null;
      if (query !== '') setQuery('');
      else inputRef.current?.blur();
    }
  };

  const onBlur = (event: FocusEvent<HTMLDivElement>) => {
    if (!event.currentTarget.contains(event.relatedTarget as Node | null)) setExpanded(false);
  };

  const showPanel = expanded && query.trim() !== '';
  const status =
    state.outcome.status === 'error'
      ? state.outcome.error.message
      : response
        ? describeResponse(response)
        : state.pending
          ? 'Searching…'
          : '';

  return (
    <div className="search-box" role="search" aria-label="Search the corpus" onBlur={onBlur}>
      <input
        ref={inputRef}
        className="search-input"
        type="search"
        dir="auto"
        role="combobox"
        aria-label="Search the corpus"
        aria-expanded={showPanel}
        aria-controls={showPanel ? listId : undefined}
        aria-autocomplete="list"
        aria-activedescendant={showPanel && active >= 0 ? resultOptionId(listId, active) : undefined}
        placeholder={`Search the corpus (${keys})`}
        autoComplete="off"
        spellCheck={false}
        value={query}
        onChange={(event) => {
          openOnAnswer.current = null;
          setQuery(event.target.value);
          setExpanded(true);
        }}
        onFocus={() => setExpanded(true)}
        onKeyDown={onKeyDown}
      />
      {showPanel && (
        // Focusable, so its list can be scrolled by keyboard too (the options are reached by arrows from the field).
        <div className="search-panel" role="region" aria-label="Search results" tabIndex={0} aria-busy={state.pending}>
          <p className={state.outcome.status === 'error' ? 'search-status search-error' : 'search-status'} role="status">
            {status}
          </p>
          {response?.notice && <p className="search-notice">{response.notice}</p>}
          {state.outcome.status !== 'error' && results.length > 0 && (
            <SearchResults id={listId} results={results} active={active} onActivate={setActive} onOpen={open} />
          )}
        </div>
      )}
    </div>
  );
}
