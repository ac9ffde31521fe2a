import { useId, useState } from 'react';
import { SEARCH_SORTS, type SearchFilterField, type SearchFilters, type SearchSort } from '@common/search/search-types';
import { activeFilters } from './search-session';

const SORT_LABELS: Record<SearchSort, string> = {
  relevance: 'Relevance',
  title: 'Title (A–Z)',
  'date-oldest': 'Date, oldest first',
  'date-newest': 'Date, newest first',
};

const FIELD_LABELS: Record<SearchFilterField | '', string> = { '': 'Everywhere', title: 'Title', text: 'Text', author: 'Author', source: 'Source' };

const DATE = /^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/;

type Props = {
  filters: SearchFilters;
  sort: SearchSort;
  onFiltersChange: (filters: SearchFilters) => void;
  onSortChange: (sort: SearchSort) => void;
};

/** The sort and the filters (document, field, dates) of the search panel. */
export function SearchControls({ filters, sort, onFiltersChange, onSortChange }: Props) {
  const id = useId();
  const active = Object.keys(activeFilters(filters)).length;
  const [open, setOpen] = useState(active > 0);
  // Dates as typed: applied once they read as a date (or are emptied).
  const [dates, setDates] = useState({ dateFrom: filters.dateFrom ?? '', dateTo: filters.dateTo ?? '' });
  const badDate = [dates.dateFrom, dates.dateTo].some((d) => d !== '' && !DATE.test(d));
  const setDate = (key: 'dateFrom' | 'dateTo', value: string) => {
    const next = { ...dates, [key]: value.trim() };
    setDates(next);
    if (next[key] === '' || DATE.test(next[key])) onFiltersChange({ ...filters, [key]: next[key] || undefined });
  };
  return (
    <div className="search-controls">
      <div className="search-controls-row">
        <label className="search-control">
          <span>Sort by</span>
          <select value={sort} onChange={(event) => onSortChange(event.target.value as SearchSort)}>
            {SEARCH_SORTS.map((s) => (
              <option key={s} value={s}>
                {SORT_LABELS[s]}
              </option>
            ))}
          </select>
        </label>
        <button type="button" className="link-button search-filters-toggle" aria-expanded={open} aria-controls={`${id}-filters`} onClick={() => setOpen(!open)}>
          {active > 0 ? `Filters (${active})` : 'Filters'}
        </button>
      </div>
      {open && (
        <fieldset className="search-filters" id={`${id}-filters`}>
          <legend className="visually-hidden">Filter the results</legend>
          <label className="search-control search-control-wide">
            <span>Document</span>
            <input
              type="text"
              dir="auto"
              value={filters.document ?? ''}
              placeholder="title, source, author or file name"
              onChange={(event) => onFiltersChange({ ...filters, document: event.target.value || undefined })}
            />
          </label>
          <label className="search-control">
            <span>Search in</span>
            <select value={filters.field ?? ''} onChange={(event) => onFiltersChange({ ...filters, field: (event.target.value || undefined) as SearchFilterField | undefined })}>
              {(Object.keys(FIELD_LABELS) as (SearchFilterField | '')[]).map((f) => (
                <option key={f} value={f}>
                  {FIELD_LABELS[f]}
                </option>
              ))}
            </select>
          </label>
          <label className="search-control">
            <span>Dated from</span>
            <input type="text" inputMode="numeric" placeholder="YYYY-MM-DD" value={dates.dateFrom} aria-invalid={dates.dateFrom !== '' && !DATE.test(dates.dateFrom)} aria-describedby={`${id}-dates`} onChange={(event) => setDate('dateFrom', event.target.value)} />
          </label>
          <label className="search-control">
            <span>to</span>
            <input type="text" inputMode="numeric" placeholder="YYYY-MM-DD" value={dates.dateTo} aria-invalid={dates.dateTo !== '' && !DATE.test(dates.dateTo)} aria-describedby={`${id}-dates`} onChange={(event) => setDate('dateTo', event.target.value)} />
          </label>
          <p className={badDate ? 'search-filter-hint search-error' : 'search-filter-hint'} id={`${id}-dates`}>
            {badDate ? 'Write a date as 2016, 2016-05 or 2016-05-31.' : 'Dates as the documents state them; undated documents are left out.'}
          </p>
        </fieldset>
      )}
    </div>
  );
}
