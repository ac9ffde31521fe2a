import type { SearchResponse } from '@common/search/search-types';

const integer = new Intl.NumberFormat('en');

/** Query time as people read it: "<1 ms", "7 ms", "1.2 s". */
export function formatTook(ms: number): string {
  if (!Number.isFinite(ms) || ms < 1) return '<1 ms';
  if (ms < 1000) return `${Math.round(ms)} ms`;
  return `${(ms / 1000).toFixed(1)} s`;
}

/** "12 results · 3 ms", "1 result · <1 ms", "No results · <1 ms": every result is in the list (scrolled in). */
export function describeResponse(response: Pick<SearchResponse, 'total' | 'tookMs'>, filtered = false): string {
  const took = formatTook(response.tookMs);
  const { total } = response;
  const scope = filtered ? ' (filtered)' : '';
  if (total === 0) return `No results${scope} · ${took}`;
  return `${integer.format(total)} ${total === 1 ? 'result' : 'results'}${scope} · ${took}`;
}

/** Moves the active result with the arrow keys (wrapping at both ends) or by pages (stopping there); -1 means none is active. */
export function moveActive(active: number, count: number, key: 'ArrowDown' | 'ArrowUp' | 'PageDown' | 'PageUp', page = 10): number {
  if (count === 0) return -1;
  if (key === 'PageDown') return Math.min(count - 1, Math.max(0, active) + page);
  if (key === 'PageUp') return Math.max(0, active - page);
  if (key === 'ArrowDown') return active < 0 ? 0 : (active + 1) % count;
  return active <= 0 ? count - 1 : active - 1;
}
