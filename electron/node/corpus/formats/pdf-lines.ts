import type { PdfRawPage, PdfTextItem } from './pdf-raw';

/**
 * A piece of one printed line: runs on the same baseline with no wide gap between them. Two
 * columns give two fragments per baseline; a title across the page gives one.
 */
export type LineFragment = {
  /** Index of the page (0-based). */
  page: number;
  x0: number;
  x1: number;
  y: number;
  size: number;
  text: string;
  /** The row of the page it belongs to, 0 at the top. */
  row: number;
};

/** A gap wider than this many font sizes between two runs on a baseline parts them (a gutter). */
const GUTTER_GAP = 1.5;
/** A gap wider than this many font sizes means a space, if the runs have none. */
const SPACE_GAP = 0.2;

const usable = (item: PdfTextItem) => item.s !== '' && Number.isFinite(item.x) && Number.isFinite(item.y) && item.size > 0;

/** Groups a page's runs into rows (same baseline, top first) and rows into fragments. */
export function pageFragments(page: PdfRawPage, pageIndex: number): LineFragment[] {
  const items = page.items.filter(usable).sort((a, b) => b.y - a.y || a.x - b.x);
  const rows: PdfTextItem[][] = [];
  for (const item of items) {
    const row = rows[rows.length - 1];
    const base = row?.[0];
    if (row && base && Math.abs(base.y - item.y) <= 0.5 * Math.min(base.size, item.size)) row.push(item);
    else rows.push([item]);
  }
  const fragments: LineFragment[] = [];
  rows.forEach((row, rowIndex) => {
    row.sort((a, b) => a.x - b.x);
    let current: LineFragment | undefined;
    for (const item of row) {
      const gap = current ? item.x - current.x1 : 0;
      if (current && gap <= GUTTER_GAP * Math.max(current.size, item.size)) {
        const spaced = /\s$/.test(current.text) || /^\s/.test(item.s);
        if (!spaced && gap > SPACE_GAP * item.size) current.text += ' ';
        current.text += item.s;
        current.x1 = Math.max(current.x1, item.x + item.w);
        current.size = Math.max(current.size, item.size);
        continue;
      }
      if (current) fragments.push(current);
      current = { page: pageIndex, x0: item.x, x1: item.x + item.w, y: item.y, size: item.size, text: item.s, row: rowIndex };
    }
    if (current) fragments.push(current);
  });
  for (const fragment of fragments) fragment.text = fragment.text.replace(/\s+/g, ' ').trim();
  return fragments.filter((fragment) => fragment.text !== '');
}
