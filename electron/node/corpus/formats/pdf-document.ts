import type { AssembledText, TextBlock } from '../text-blocks';
import { readingOrder } from './pdf-columns';
import { pageFragments, type LineFragment } from './pdf-lines';
import { pdfParagraphs } from './pdf-paragraphs';
import type { PdfRaw } from './pdf-raw';
import { dropRunningLines } from './pdf-running-lines';

export type PdfMetadata = { title: string; author: string; date: string; description: string; language: string };

export type PdfText = AssembledText & { meta: PdfMetadata; pageCount: number };

const MAX_LABEL = 32;

/** The label of each page: the PDF's own (PageLabels) where it has one, else its number from 1. */
export function pageLabels(raw: Pick<PdfRaw, 'labels' | 'pages'>): string[] {
  return raw.pages.map((_, i) => {
    const label = raw.labels?.[i]?.replace(/\s+/g, ' ').trim().slice(0, MAX_LABEL);
    return label || String(i + 1);
  });
}

/** A PDF date (D:20240115093000+01'00') or an ISO one as YYYY-MM-DD; '' if it is neither. */
export function pdfDate(value: string | undefined): string {
  const text = value?.trim() ?? '';
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(text) ?? /^(?:D:)?(\d{4})(\d{2})?(\d{2})?/.exec(text);
  if (!match) return '';
  return [match[1], match[2], match[3]].filter(Boolean).join('-');
}

const clean = (value: string | undefined) => (value ?? '').replace(/\s+/g, ' ').trim();

/** The first page's largest text, top first: the title a reader sees when the file names none. */
function largestText(page: readonly LineFragment[]): string {
  const biggest = Math.max(0, ...page.map((f) => f.size));
  if (biggest === 0) return '';
  const rows = page.filter((f) => f.size >= 0.95 * biggest).sort((a, b) => a.row - b.row || a.x0 - b.x0);
  const first = rows[0]?.row ?? 0;
  // The lines of that one title (consecutive rows), not every large word on the page.
  return rows
    .filter((f) => f.row <= first + 3)
    .map((f) => f.text)
    .join(' ');
}

/**
 * Turns what pdf.js read from a PDF into the text of a document: lines in reading order
 * (column by column), running headers, footers and page numbers left out, lines joined into
 * paragraphs with broken words made whole, each paragraph labelled with the page it starts
 * on. Metadata from the info dictionary, else XMP; the title, failing both, is the first
 * page's largest text.
 */
export function pdfText(raw: PdfRaw): PdfText {
  const labels = pageLabels(raw);
  const fragments = raw.pages.map((page, i) => pageFragments(page, i));
  const kept = dropRunningLines(fragments);
  const ordered = kept.flatMap((page, i) => readingOrder(page, raw.pages[i]!.width));
  const paragraphs = pdfParagraphs(ordered);
  let text = '';
  const blocks: TextBlock[] = [];
  for (const paragraph of paragraphs) {
    if (text !== '') text += '\n\n';
    const start = text.length;
    text += paragraph.text;
    blocks.push({ start, end: text.length, kind: paragraph.kind, page: labels[paragraph.page]! });
  }
  const info = (key: string) => clean(raw.info[key]);
  const xmp = (key: string) => clean(raw.xmp[key]);
  const meta: PdfMetadata = {
    title: info('Title') || xmp('dc:title') || clean(largestText(fragments[0] ?? [])),
    author: info('Author') || xmp('dc:creator'),
    date: pdfDate(info('CreationDate')) || pdfDate(xmp('xmp:createdate')) || pdfDate(xmp('dc:date')),
    description: info('Subject') || xmp('dc:description'),
    language: info('Lang') || xmp('dc:language'),
  };
  return { text, blocks, links: [], meta, pageCount: raw.pages.length };
}
