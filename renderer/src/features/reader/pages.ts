import type { Paragraph } from '@common/corpus/corpus-types';

/** Where each page of a paginated document (PDF) begins: the index of its first paragraph, in order. */
export type PageStart = { label: string; paragraph: number };

/** The pages of a document in reading order, from the page each paragraph starts on; empty when unpaginated. */
export function pageStarts(paragraphs: readonly Paragraph[]): PageStart[] {
  const starts: PageStart[] = [];
  paragraphs.forEach((p, i) => {
    if (p.page && p.page !== starts[starts.length - 1]?.label) starts.push({ label: p.page, paragraph: i });
  });
  return starts;
}

/**
 * The page a reader asks for: its printed label as typed ("iv", "12", case and spaces aside),
 * else, for a number no label has, the page at that position (the 12th page). undefined when
 * the document has no such page.
 */
export function findPage(pages: readonly PageStart[], typed: string): PageStart | undefined {
  const wanted = typed.trim().toLowerCase();
  if (wanted === '') return undefined;
  const byLabel = pages.find((p) => p.label.toLowerCase() === wanted);
  if (byLabel) return byLabel;
  if (!/^\d+$/.test(wanted)) return undefined;
  return pages[Number(wanted) - 1];
}

/** "i–3": the first and last labels, for a hint or a message. */
export function pageRange(pages: readonly PageStart[]): string {
  if (pages.length === 0) return '';
  return pages.length === 1 ? pages[0]!.label : `${pages[0]!.label}–${pages[pages.length - 1]!.label}`;
}
