import type { LineFragment } from './pdf-lines';

/** Rows at the top and at the bottom of a page where running headers, footers and page numbers sit. */
const EDGE_ROWS = 2;
/** An edge row is set apart from the text by a gap wider than this many times its font size (a paragraph's gap is less). */
const APART = 2.5;
/** A page number as it is printed alone on a line ("12", "- 12 -", "Page 12 of 40"), numbers made # by runningKey. */
const PAGE_NUMBER = /^(?:page )?[^\p{L}#]*#[^\p{L}#]*(?:of #)?$/u;
/** Fewer pages than this, and nothing is taken for a running line (nothing can be seen to repeat). */
const MIN_PAGES = 3;
/** A line at a page's edge that recurs on this share of the pages is a running line. */
const SHARE = 0.4;

type Row = { row: number; y: number; size: number };

/**
 * The rows of a page that may hold a running line: the first one or two and the last one or
 * two, when a gap wider than the text's line spacing sets them apart from the body. A body line
 * that happens to open every page (the same first words in a generated report) is in the flow
 * of its column, not apart from it, and stays.
 */
function edgeRows(page: readonly LineFragment[]): Set<number> {
  const rows = new Map<number, Row>();
  for (const f of page) {
    const row = rows.get(f.row);
    if (row) row.size = Math.max(row.size, f.size);
    else rows.set(f.row, { row: f.row, y: f.y, size: f.size });
  }
  const ordered = [...rows.values()].sort((a, b) => a.row - b.row);
  const edges = new Set<number>();
  const apart = (a: Row, b: Row | undefined) => b === undefined || Math.abs(a.y - b.y) > APART * a.size;
  for (const side of [ordered, [...ordered].reverse()]) {
    // The last of the edge rows must be apart from the body; those before it belong to the same header.
    for (let k = Math.min(EDGE_ROWS, side.length); k >= 1; k--) {
      if (apart(side[k - 1]!, side[k])) {
        for (const row of side.slice(0, k)) edges.add(row.row);
        break;
      }
    }
  }
  return edges;
}

/** The form of an edge line that stays the same from page to page: numbers of any kind become #. */
export function runningKey(text: string): string {
  return text
    .toLowerCase()
    .replace(/\b[ivxlcdm]+\b/g, '#')
    .replace(/\p{Nd}+/gu, '#')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * Leaves out the running headers, footers and page numbers of a document: fragments in the
 * top or bottom rows of a page, set apart from its text (edgeRows), whose text, numbers aside, recurs at a page edge on at least
 * 40 % of its pages (so headers that alternate between even and odd pages count too). Learnt
 * from the document itself; a document of one or two pages keeps everything.
 */
export function dropRunningLines(pages: LineFragment[][]): LineFragment[][] {
  if (pages.length < MIN_PAGES) return pages;
  const edge = (page: LineFragment[]) => {
    const rows = edgeRows(page);
    // A page number alone in the first or last row counts however close it sits to the text.
    const first = Math.min(...page.map((f) => f.row));
    const last = Math.max(...page.map((f) => f.row));
    return page.filter((f) => rows.has(f.row) || ((f.row === first || f.row === last) && PAGE_NUMBER.test(runningKey(f.text))));
  };
  const pagesWith = new Map<string, number>();
  for (const page of pages) {
    for (const key of new Set(edge(page).map((f) => runningKey(f.text)))) pagesWith.set(key, (pagesWith.get(key) ?? 0) + 1);
  }
  const needed = Math.max(2, Math.ceil(pages.length * SHARE));
  const running = new Set([...pagesWith].filter(([, count]) => count >= needed).map(([key]) => key));
  if (running.size === 0) return pages;
  return pages.map((page) => {
    const atEdge = new Set(edge(page));
    return page.filter((f) => !(atEdge.has(f) && running.has(runningKey(f.text))));
  });
}
