import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { Result } from '@common/result';
import type { SearchResponse, SearchResult } from '@common/search/search-types';
import { callApi } from '../../shared/data/call-api';
import { activeFilters, type SearchSession } from './search-session';

/** Results per request: a few screens of results with their snippets. */
export const SEARCH_PAGE_SIZE = 50;

export type SearchPages = {
  /** The result at a position, or undefined while its page is on its way. */
  resultAt(index: number): SearchResult | undefined;
  /** Asks for the pages covering [first, last] that are neither loaded nor on their way. */
  ensure(first: number, last: number): void;
};

export function searchPage(session: SearchSession, offset: number): Promise<Result<SearchResponse>> {
  const filters = activeFilters(session.filters);
  return callApi('search', {
    query: session.query,
    offset,
    limit: SEARCH_PAGE_SIZE,
    ...(Object.keys(filters).length > 0 ? { filters } : {}),
    ...(session.sort !== 'relevance' ? { sort: session.sort } : {}),
  });
}

/**
 * Every result of one answer (its first page), the later pages fetched as they scroll into
 * view; a new answer starts again. Pages stay cached while the answer is shown.
 */
export function useSearchPages(first: SearchResponse | null, session: SearchSession | null): SearchPages {
  const [, setVersion] = useState(0);
  // One cache per answer: a new answer starts afresh, and pages of an older one never land in it.
  const cache = useMemo(() => ({ pages: new Map<number, SearchResult[]>(first ? [[0, first.results]] : []), pending: new Set<number>() }), [first]);
  const sessionRef = useRef(session);
  useEffect(() => {
    sessionRef.current = session;
  }, [session]);

  const ensure = useCallback(
    (from: number, to: number) => {
      const current = sessionRef.current;
      if (!first || !current) return;
      const last = Math.min(to, first.total - 1);
      for (let page = Math.floor(Math.max(0, from) / SEARCH_PAGE_SIZE); page <= Math.floor(last / SEARCH_PAGE_SIZE); page++) {
        if (cache.pages.has(page) || cache.pending.has(page)) continue;
        cache.pending.add(page);
        void searchPage(current, page * SEARCH_PAGE_SIZE).then((result) => {
          cache.pending.delete(page);
          // A failed page stays a placeholder and is asked for again when it next comes into view.
          if (!result.ok) return;
          cache.pages.set(page, result.value.results);
          setVersion((v) => v + 1);
        });
      }
    },
    [first, cache],
  );
  const resultAt = useCallback((index: number) => cache.pages.get(Math.floor(index / SEARCH_PAGE_SIZE))?.[index % SEARCH_PAGE_SIZE], [cache]);
  return { resultAt, ensure };
}
