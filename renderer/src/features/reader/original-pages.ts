import type { Paragraph } from '@common/corpus/corpus-types';

const MAX_LABEL = 32;

/**
 * Each page's label as the builder gave it (electron/node/corpus/formats/pdf-document.ts,
 * pageLabels): the PDF's own label, spaces collapsed and cut, else its number from 1.
 */
export function builderLabels(pdfLabels: readonly string[] | null, pageCount: number): string[] {
  return Array.from({ length: pageCount }, (_, i) => pdfLabels?.[i]?.replace(/\s+/g, ' ').trim().slice(0, MAX_LABEL) || String(i + 1));
}

/**
 * The page (0-based, as pdf.js counts) a paragraph of a PDF document starts on. Paragraphs keep
 * printed labels, which a file may repeat (two "1"s: a preface and the body): each label is
 * looked for from the page of the paragraphs before it on, so the walk stays in order.
 */
export function physicalPageOf(paragraphs: readonly Paragraph[], index: number, labels: readonly string[]): number {
  let page = 0;
  let last: string | undefined;
  for (let i = 0; i <= index && i < paragraphs.length; i++) {
    const label = paragraphs[i]!.page;
    if (!label || label === last) continue;
    last = label;
    const found = labels.indexOf(label, page);
    if (found >= 0) page = found;
  }
  return page;
}
