/**
 * The library's list in the window: every row has the same height, so which rows are in view
 * and where the window must scroll to show one are arithmetic on the scroll position, the
 * same few operations for 5 documents or 126,000 (a general virtualizer lays out every row
 * once per change of the list's place, work that grows with the library).
 */
export type RowGeometry = {
  count: number;
  rowHeight: number;
  /** Where the list starts in the page (document coordinates). */
  listTop: number;
  scrollY: number;
  viewportHeight: number;
};

export type RowRange = { first: number; last: number };

/** Rows that intersect the viewport, `overscan` more either side, within the list; null when it has none. */
export function rowsInView({ count, rowHeight, listTop, scrollY, viewportHeight }: RowGeometry, overscan: number): RowRange | null {
  if (count <= 0) return null;
  const top = scrollY - listTop;
  const first = Math.floor(top / rowHeight);
  const last = Math.ceil((top + viewportHeight) / rowHeight) - 1;
  const from = Math.max(0, first - overscan);
  const to = Math.min(count - 1, last + overscan);
  return from > to ? null : { first: from, last: to };
}

/**
 * Where the window scrolls to show row `index` below a sticky header `headerHeight` tall, or
 * null if it need not move. 'auto': the least scroll that shows the row whole (its top below
 * the header or its bottom at the window's bottom); 'center': its middle at the middle of the
 * view below the header.
 */
export function scrollToShow(index: number, align: 'auto' | 'center', geometry: RowGeometry & { headerHeight: number }): number | null {
  const { rowHeight, listTop, scrollY, viewportHeight, headerHeight } = geometry;
  const start = listTop + index * rowHeight;
  const end = start + rowHeight;
  let target: number;
  if (align === 'center') target = start - headerHeight - (viewportHeight - headerHeight - rowHeight) / 2;
  else if (start < scrollY + headerHeight) target = start - headerHeight;
  else if (end > scrollY + viewportHeight) target = end - viewportHeight;
  else return null;
  target = Math.max(0, target);
  return Math.abs(target - scrollY) < 1 ? null : target;
}
