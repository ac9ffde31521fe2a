import type { LineFragment } from './pdf-lines';

/** A fragment in reading order, with the column it was read in (0: the only or the left one, 1: the right one, -1: across both). */
export type OrderedFragment = LineFragment & { column: number };

/** Fewest lines on each side of a gutter for a page to be read as two columns. */
const MIN_COLUMN_LINES = 3;

/**
 * Where a page's two columns part, if it has two: the x in the middle of the page that most
 * lines end before or start after, crossed by few (a title or a caption across both columns
 * may cross it). undefined for a page of one column.
 */
export function findGutter(fragments: readonly LineFragment[], width: number): number | undefined {
  if (fragments.length < 2 * MIN_COLUMN_LINES || !(width > 0)) return undefined;
  let best: { x: number; score: number } | undefined;
  for (let x = Math.round(width * 0.3); x <= width * 0.7; x += 2) {
    let left = 0;
    let right = 0;
    let crossing = 0;
    for (const f of fragments) {
      if (f.x1 <= x) left++;
      else if (f.x0 >= x) right++;
      else crossing++;
    }
    if (left < MIN_COLUMN_LINES || right < MIN_COLUMN_LINES) continue;
    // Lines across the gutter must be few: a page of one column crosses any x with most of them.
    if (crossing > 0.25 * fragments.length) continue;
    const score = Math.min(left, right) - 2 * crossing;
    if (!best || score > best.score) best = { x, score };
  }
  return best && best.score >= MIN_COLUMN_LINES ? best.x : undefined;
}

/**
 * Puts a page's fragments in reading order: top to bottom for one column; for two, the left
 * column and then the right between any lines that run across both (a title above, a footnote
 * below), each band read column by column; the right column first on a page written mostly
 * right to left (Arabic, Hebrew).
 */
export function readingOrder(fragments: readonly LineFragment[], width: number): OrderedFragment[] {
  const byRow = [...fragments].sort((a, b) => a.row - b.row || a.x0 - b.x0);
  const gutter = findGutter(fragments, width);
  if (gutter === undefined) return byRow.map((f) => ({ ...f, column: 0 }));
  const out: OrderedFragment[] = [];
  let left: OrderedFragment[] = [];
  let right: OrderedFragment[] = [];
  const rtlPage = fragments.filter((f) => f.rtl).length * 2 > fragments.length;
  const flush = () => {
    out.push(...(rtlPage ? [...right, ...left] : [...left, ...right]));
    left = [];
    right = [];
  };
  for (const f of byRow) {
    if (f.x1 <= gutter) left.push({ ...f, column: 0 });
    else if (f.x0 >= gutter) right.push({ ...f, column: 1 });
    else {
      flush();
      out.push({ ...f, column: -1 });
    }
  }
  flush();
  return out;
}
