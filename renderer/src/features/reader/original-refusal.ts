import type { DocumentView } from '@common/corpus/corpus-types';

/** Why a document's original page cannot be shown, in words that say what to do; '' when it can. */
export function originalRefusal(doc: Pick<DocumentView, 'format' | 'original'>): string {
  if (doc.format !== 'pdf') return 'Only PDF documents have original pages to show.';
  if (doc.original?.kept) return '';
  if (doc.original?.missing === 'too-large') return 'No original page to show: the PDF was too large for the corpus to keep a copy.';
  return 'No original page to show: this corpus was built without originals (--no-originals). Build it again without that option to see its pages.';
}
