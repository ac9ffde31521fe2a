import { useCallback, useEffect, useId, useMemo, useRef, useState, type FocusEvent, type KeyboardEvent } from 'react';
import type { SearchFilters, SearchResponse, SearchSort } from '@common/search/search-types';
import { useCommands, useShortcutText } from '../../shared/commands/command-provider';
import { useLatestQuery } from '../../shared/use-latest-query';
import { SearchControls } from './search-controls';
import { describeResponse, moveActive } from './search-status';
import { resultOptionId, SearchResults } from './search-results';
import { activeFilters, sessionKey, sessionOfKey, type OpenedResult, type SearchSession } from './search-session';
import { searchPage, useSearchPages } from './use-search-pages';
import './search.css';

/** How long a keystroke that follows another waits for the next before its query is asked for. */
const SEARCH_DEBOUNCE_MS = 120;

type Props = {
  /** Opens a result; the search goes along so the reader can show its hits and the list of results beside it. */
  onOpen: (id: string, opened: OpenedResult) => void;
};

/** The header's search field: results as you type, Ctrl+K or "/" (search.focus) to focus it. */
export function SearchBox({ onOpen }: Props) {
  const [query, setQuery] = useState('');
  const [filters, setFilters] = useState<SearchFilters>({});
  const [sort, setSort] = useState<SearchSort>('relevance');
  const [expanded, setExpanded] = useState(false);
  const inputRef = useRef<HTMLInputElement>(null);
  const panelRef = useRef<HTMLDivElement>(null);
  const listId = useId();
  const key = sessionKey({ query, filters, sort });
  const search = useCallback((k: string) => searchPage(sessionOfKey(k), 0), []);
  // A query typed into an idle field is asked for at once; the keystrokes that follow within the
  // debounce wait for it (a newer query supersedes the running one, in main and here).
  const state = useLatestQuery(key, search, SEARCH_DEBOUNCE_MS, true);

  const response: SearchResponse | null = state.outcome.status === 'ready' ? state.outcome.value : null;
  const answered: SearchSession | null = useMemo(() => (state.query ? sessionOfKey(state.query) : null), [state.query]);
  const pages = useSearchPages(response, answered);
  const total = response?.total ?? 0;
  // The active result belongs to one response; a new response starts again at the top.
  const [selection, setSelection] = useState<{ response: SearchResponse | null; index: number }>({ response: null, index: -1 });
  const active = selection.response === response ? selection.index : total > 0 ? 0 : -1;
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
    if (!top || !answered) return;
    inputRef.current?.blur();
    onOpen(top.id, { session: answered, index: 0 });
  }, [state, answered, onOpen]);

  const open = (index: number) => {
    const result = pages.resultAt(index);
    if (!result || !answered) return;
    setExpanded(false);
    onOpen(result.id, { session: answered, index });
  };

  const showPanel = expanded && query.trim() !== '';

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp' || event.key === 'PageDown' || event.key === 'PageUp') {
      if ((event.key === 'PageDown' || event.key === 'PageUp') && !showPanel) return;
      event.preventDefault();
      setExpanded(true);
      setActive(moveActive(active, total, event.key));
    } else if (event.key === 'Enter') {
      event.preventDefault();
      if (state.pending || state.query !== key) {
        openOnAnswer.current = key === '' ? null : key;
        // Typing is over: the query still waiting for its debounce is asked for now.
        state.flush();
      } else if (expanded) open(active);
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

  // Escape in the panel's own fields goes back to the search field, and no further.
  const onPanelKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key !== 'Escape') return;
    event.preventDefault();
    event.stopPropagation();
    inputRef.current?.focus();
  };

  const onBlur = (event: FocusEvent<HTMLDivElement>) => {
    if (!event.currentTarget.contains(event.relatedTarget as Node | null)) setExpanded(false);
  };

  const filtered = answered ? Object.keys(activeFilters(answered.filters)).length > 0 : false;
  const status =
    state.outcome.status === 'error'
      ? state.outcome.error.message
      : response
        ? describeResponse(response, filtered)
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
        aria-activedescendant={showPanel && active >= 0 && pages.resultAt(active) ? resultOptionId(listId, active) : undefined}
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
        <div className="search-panel" role="region" aria-label="Search results" tabIndex={0} aria-busy={state.pending} ref={panelRef} onKeyDown={onPanelKeyDown}>
          <SearchControls filters={filters} sort={sort} onFiltersChange={setFilters} onSortChange={setSort} />
          <p className={state.outcome.status === 'error' ? 'search-status search-error' : 'search-status'} role="status">
            {status}
          </p>
          {response?.notice && <p className="search-notice">{response.notice}</p>}
          {state.outcome.status !== 'error' && total > 0 && (
            <SearchResults key={state.query} id={listId} total={total} pages={pages} scrollRef={panelRef} active={active} onActivate={setActive} onOpen={open} />
          )}
        </div>
      )}
    </div>
  );
}
