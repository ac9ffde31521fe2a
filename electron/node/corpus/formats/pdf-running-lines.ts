import type { LineFragment } from './pdf-lines';

/** Rows at the top and at the bottom of a page where running headers, footers and page numbers sit. */
const EDGE_ROWS = 2;
/** Fewer pages than this, and nothing is taken for a running line (nothing can be seen to repeat). */
const MIN_PAGES = 3;
/** A line at a page's edge that recurs on this share of the pages is a running line. */
const SHARE = 0.4;

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
 * top or bottom rows of a page whose text, numbers aside, recurs at a page edge on at least
 * 40 % of its pages (so headers that alternate between even and odd pages count too). Learnt
 * from the document itself; a document of one or two pages keeps everything.
 */
export function dropRunningLines(pages: LineFragment[][]): LineFragment[][] {
  if (pages.length < MIN_PAGES) return pages;
  const edge = (page: LineFragment[]) => {
    const rows = [...new Set(page.map((f) => f.row))].sort((a, b) => a - b);
    const edgeRows = new Set([...rows.slice(0, EDGE_ROWS), ...rows.slice(-EDGE_ROWS)]);
    return page.filter((f) => edgeRows.has(f.row));
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
