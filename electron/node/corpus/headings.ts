import type { TextBlock } from './text-blocks';

/**
 * A heading of a document, for its contents list: a level (1 = top), the span of the text it
 * names (the reader scrolls to start) and its title as the contents list shows it. HTML and
 * Markdown headings come from their blocks; a format with a table of contents of its own
 * (EPUB's nav, DOCX heading styles) may give its headings instead (SourceDocument.headings).
 */
export type SourceHeading = { level: number; start: number; end: number; title: string };

/** Most headings kept per document, and longest title: a hostile file cannot bloat the contents. */
export const MAX_HEADINGS = 2000;
export const MAX_HEADING_TITLE = 300;

const LEVELS: Readonly<Record<string, number>> = { h1: 1, h2: 2, h3: 3, h4: 4, h5: 5, h6: 6 };

/** A heading's title: its text on one line, spaces collapsed, cut at MAX_HEADING_TITLE. */
export function headingTitle(raw: string): string {
  const flat = raw.replace(/\s+/g, ' ').trim();
  return flat.length > MAX_HEADING_TITLE ? `${flat.slice(0, MAX_HEADING_TITLE - 1)}…` : flat;
}

/** The h1…h6 blocks of a document as headings, in order, bounded. */
export function headingsFromBlocks(text: string, blocks: readonly TextBlock[]): SourceHeading[] {
  const headings: SourceHeading[] = [];
  for (const block of blocks) {
    const level = LEVELS[block.kind];
    if (level === undefined) continue;
    const title = headingTitle(text.slice(block.start, block.end));
    if (!title) continue;
    headings.push({ level, start: block.start, end: block.end, title });
    if (headings.length >= MAX_HEADINGS) break;
  }
  return headings;
}

/** Headings a parser gave, checked: inside the text, in order, levels 1–6, titles bounded. */
export function checkedHeadings(text: string, given: readonly SourceHeading[]): SourceHeading[] {
  const headings: SourceHeading[] = [];
  let last = 0;
  for (const h of given) {
    if (!Number.isInteger(h.start) || !Number.isInteger(h.end) || h.start < last || h.end < h.start || h.end > text.length) continue;
    const title = headingTitle(h.title);
    if (!title) continue;
    headings.push({ level: Math.min(6, Math.max(1, Math.round(h.level) || 1)), start: h.start, end: h.end, title });
    last = h.start;
    if (headings.length >= MAX_HEADINGS) break;
  }
  return headings;
}
