import type { Span } from '@common/search/search-types';
import type { Decoration } from '../../shared/decorations';

/** Next and previous wrap around, as in a browser's find bar; -1 means no hit is current. */
export function stepHit(current: number, count: number, direction: 'next' | 'previous'): number {
  if (count === 0) return -1;
  if (current < 0 || current >= count) return direction === 'next' ? 0 : count - 1;
  return direction === 'next' ? (current + 1) % count : (current - 1 + count) % count;
}

/** Ids carry the query, so the current hit of a new query is a new id even at the same index. */
export function hitDecorationId(query: string, index: number): string {
  return `hit:${index}:${query}`;
}

/** Every hit as a "hit" mark, the current one as "hit current". */
export function hitDecorations(matches: readonly Span[], current: number, query: string): Decoration[] {
  return matches.map((span, i) => ({
    start: span.start,
    end: span.end,
    className: i === current ? 'hit current' : 'hit',
    id: hitDecorationId(query, i),
  }));
}

const integer = new Intl.NumberFormat('en');

/** "hit 3 of 12", or "no hits". */
export function hitLabel(current: number, count: number): string {
  if (count === 0) return 'no hits';
  return `hit ${integer.format(Math.min(Math.max(current, 0), count - 1) + 1)} of ${integer.format(count)}`;
}

/** The id of the current hit's decoration, for the reader to scroll to. */
export function currentHitDecorationId(matches: readonly Span[], current: number, query: string): string | undefined {
  return current >= 0 && current < matches.length ? hitDecorationId(query, current) : undefined;
}
