import type { CitationLocator } from '../../common/citations/citation-types';
import type { Paragraph } from '../../common/corpus/corpus-types';

/**
 * Where a quotation starting at `offset` is: the page for paginated documents, else the number
 * of its paragraph (the document's blocks counted from 1).
 *
 * Hook for pages: a corpus whose documents carry page boundaries (PDF, another branch) passes
 * them as `pages` (start offsets of each page, in order, with the printed page label); this
 * function then answers the page and nothing else changes.
 */
export function locateSpan(
  doc: { paragraphs: readonly Pick<Paragraph, 'start' | 'end'>[]; pages?: readonly { start: number; label: string }[] },
  offset: number,
): CitationLocator | undefined {
  if (doc.pages?.length) {
    let page: { start: number; label: string } | undefined;
    for (const candidate of doc.pages) if (candidate.start <= offset) page = candidate;
    return page ? { label: 'page', value: page.label } : undefined;
  }
  const index = doc.paragraphs.findIndex((p) => offset >= p.start && offset < p.end);
  // Between two blocks (a selection starting on a blank line): the next one.
  const at = index >= 0 ? index : doc.paragraphs.findIndex((p) => p.start > offset);
  return at >= 0 ? { label: 'paragraph', value: String(at + 1) } : undefined;
}
