import { useId, useState, useEffect } from 'react';
import { LIBRARY_FILTER_MAX, type LibraryAddedFilter, type LibrarySort, type LibraryStateFilter, type LibraryView } from '@common/corpus/library-types';

const SORT_LABELS: Readonly<Record<LibrarySort, string>> = {
  corpus: 'Corpus order',
  title: 'Title',
  author: 'Author',
  source: 'Source',
  length: 'Length',
  date: 'Date',
  added: 'Date added',
  progress: 'Progress',
};

const ADDED_LABELS: Readonly<Record<LibraryAddedFilter, string>> = {
  any: 'Any time',
  latest: 'Most recently',
  week: 'In the last 7 days',
  month: 'In the last 30 days',
};

const STATE_LABELS: Readonly<Record<LibraryStateFilter, string>> = {
  all: 'All documents',
  unread: 'Unread',
  started: 'Started',
  finished: 'Finished',
};

/** How long typing may pause before the list follows it. */
const TYPING_PAUSE_MS = 200;

type Props = { view: LibraryView; onChange: (view: LibraryView) => void };

/** Filter by text (title, author or source), reading state and date added; sort by a field, either way. */
export function LibraryControls({ view, onChange }: Props) {
  const id = useId();
  const [text, setText] = useState(view.text);
  useEffect(() => {
    if (text === view.text) return;
    const timer = window.setTimeout(() => onChange({ ...view, text }), TYPING_PAUSE_MS);
    return () => window.clearTimeout(timer);
  }, [text, view, onChange]);
  return (
    <form className="library-controls" role="search" aria-label="Sort and filter the library" onSubmit={(event) => event.preventDefault()}>
      <label htmlFor={`${id}-text`}>Filter</label>
      <input
        id={`${id}-text`}
        type="search"
        className="library-filter"
        dir="auto"
        value={text}
        maxLength={LIBRARY_FILTER_MAX}
        placeholder="Title, author or source"
        onChange={(event) => setText(event.target.value)}
      />
      <span className="library-control">
        <label htmlFor={`${id}-state`}>Show</label>
        <select id={`${id}-state`} value={view.state} onChange={(event) => onChange({ ...view, state: event.target.value as LibraryStateFilter })}>
          {Object.entries(STATE_LABELS).map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
      </span>
      <span className="library-control">
        <label htmlFor={`${id}-added`}>Added</label>
        <select id={`${id}-added`} value={view.added ?? 'any'} onChange={(event) => onChange({ ...view, added: event.target.value as LibraryAddedFilter })}>
          {Object.entries(ADDED_LABELS).map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
      </span>
      <span className="library-control">
        <label htmlFor={`${id}-sort`}>Sort by</label>
        <select id={`${id}-sort`} value={view.sort} onChange={(event) => onChange({ ...view, sort: event.target.value as LibrarySort })}>
          {Object.entries(SORT_LABELS).map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
      </span>
      <button type="button" className="small-button library-order" aria-pressed={view.descending} onClick={() => onChange({ ...view, descending: !view.descending })}>
        {view.descending ? '↓ Descending' : '↑ Ascending'}
      </button>
    </form>
  );
}
