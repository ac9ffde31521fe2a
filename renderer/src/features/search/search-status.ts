import type { SearchResponse } from '@common/search/search-types';

const integer = new Intl.NumberFormat('en');

/** Query time as people read it: "<1 ms", "7 ms", "1.2 s". */
export function formatTook(ms: number): string {
  if (!Number.isFinite(ms) || ms < 1) return '<1 ms';
  if (ms < 1000) return `${Math.round(ms)} ms`;
  return `${(ms / 1000).toFixed(1)} s`;
}

/** "12 results · 3 ms", "Showing 25 of 120 results · 3 ms", "No results · <1 ms". */
export function describeResponse(response: Pick<SearchResponse, 'total' | 'results' | 'tookMs'>): string {
  const took = formatTook(response.tookMs);
  const { total } = response;
  const shown = response.results.length;
  if (total === 0) return `No results · ${took}`;
  const noun = total === 1 ? 'result' : 'results';
  if (shown < total) return `Showing ${integer.format(shown)} of ${integer.format(total)} ${noun} · ${took}`;
  return `${integer.format(total)} ${noun} · ${took}`;
}

/** Moves the active result with the arrow keys, wrapping at both ends; -1 means none is active. */
export function moveActive(active: number, count: number, key: 'ArrowDown' | 'ArrowUp'): number {
  if (count === 0) return -1;
  if (key === 'ArrowDown') return active < 0 ? 0 : (active + 1) % count;
  return active <= 0 ? count - 1 : active - 1;
}
