import type { SearchFilters, SearchSort } from '@common/search/search-types';

/** A search as the user set it: what was typed, its filters and its order. */
export type SearchSession = { query: string; filters: SearchFilters; sort: SearchSort };

/** A result opened from a search: the search, and where the result stands among its results. */
export type OpenedResult = { session: SearchSession; index: number };

export const NO_SEARCH_FILTERS: SearchFilters = {};

/** Filters with their blank fields left out, so that an untouched field never narrows the search. */
export function activeFilters(filters: SearchFilters): SearchFilters {
  const out: SearchFilters = {};
  if (filters.document?.trim()) out.document = filters.document.trim();
  if (filters.field) out.field = filters.field;
  if (filters.dateFrom) out.dateFrom = filters.dateFrom;
  if (filters.dateTo) out.dateTo = filters.dateTo;
  return out;
}

/** One string per search (the debounced query key); '' for a blank query, which asks nothing. */
export function sessionKey(session: SearchSession): string {
  if (session.query.trim() === '') return '';
  return JSON.stringify([session.query, activeFilters(session.filters), session.sort]);
}

export function sessionOfKey(key: string): SearchSession {
  const [query, filters, sort] = JSON.parse(key) as [string, SearchFilters, SearchSort];
  return { query, filters, sort };
}
