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
  /** Written right to left (more Arabic or Hebrew letters than Latin ones): its runs read from the right. */
  rtl: boolean;
};

/** A gap wider than this many font sizes between two runs on a baseline parts them (a gutter). */
const GUTTER_GAP = 1.5;
/** A gap wider than this many font sizes means a space, if the runs have none. */
const SPACE_GAP = 0.2;

const RTL_LETTERS = /[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc]/gu;
const LTR_LETTERS = /[A-Za-z\u00c0-\u024f\u0370-\u03ff\u0400-\u04ff]/gu;

/** Whether a run of text is mostly right-to-left letters. */
export const isRtl = (text: string) => (text.match(RTL_LETTERS)?.length ?? 0) > (text.match(LTR_LETTERS)?.length ?? 0);

/** The text of runs in reading order (pdf.js gives each run in logical order; a right-to-left line's runs go from the right). */
function joinRuns(runs: readonly PdfTextItem[], rtl: boolean): string {
  const ordered = rtl ? [...runs].reverse() : runs;
  let text = '';
  let previous: PdfTextItem | undefined;
  for (const run of ordered) {
    if (previous) {
      const gap = rtl ? previous.x - (run.x + run.w) : run.x - (previous.x + previous.w);
      const spaced = /\s$/.test(text) || /^\s/.test(run.s);
      if (!spaced && gap > SPACE_GAP * run.size) text += ' ';
    }
    text += run.s;
    previous = run;
  }
  return text.replace(/\s+/g, ' ').trim();
}

const usable = (item: PdfTextItem) => item.s !== '' && Number.isFinite(item.x) && Number.isFinite(item.y) && item.size > 0;

/** Groups a page's runs into rows (same baseline, top first) and rows into fragments. */
export function pageFragments(page: PdfRawPage, pageIndex: number): LineFragment[] {
  const items = page.items.filter(usable).sort((a, b) => b.y - a.y || a.x - b.x);
  const rows: PdfTextItem[][] = [];
  for (const item of items) {
    const row = rows[rows.length - 1];
    const base = row?.[0];
    // Within half the larger size: a superscript (a footnote mark) stays on its line.
    if (row && base && Math.abs(base.y - item.y) <= 0.5 * Math.max(base.size, item.size)) row.push(item);
    else rows.push([item]);
  }
  const fragments: LineFragment[] = [];
  rows.forEach((row, rowIndex) => {
    row.sort((a, b) => a.x - b.x);
    let runs: PdfTextItem[] = [];
    let x1 = -Infinity;
    let size = 0;
    const flush = () => {
      if (runs.length === 0) return;
      const rtl = isRtl(runs.map((r) => r.s).join(''));
      const text = joinRuns(runs, rtl);
      if (text !== '') fragments.push({ page: pageIndex, x0: runs[0]!.x, x1, y: runs[0]!.y, size, text, row: rowIndex, rtl });
      runs = [];
    };
    for (const item of row) {
      if (runs.length > 0 && item.x - x1 > GUTTER_GAP * Math.max(size, item.size)) flush();
      if (runs.length === 0) {
        x1 = -Infinity;
        size = 0;
      }
      runs.push(item);
      x1 = Math.max(x1, item.x + item.w);
      size = Math.max(size, item.size);
    }
    flush();
  });
  return fragments;
}
