import type { DocumentView } from '@common/corpus/corpus-types';
import { callApi } from '../../shared/data/call-api';
import { builderLabels } from './original-pages';
import { openPdf, pdfPageLabels, type PDFDocumentProxy } from './pdf-loader';

export type OpenedOriginal = { pdf: PDFDocumentProxy; labels: string[] };

/**
 * The original of the document being read, opened once and kept while it is read: a second
 * "Show original" (another page, after closing) draws at once instead of fetching the whole PDF
 * again and having pdf.js parse it and its fonts anew (bench:original: 0.5–1 s each time). One
 * document at a time: opening another's, or the reader leaving it, lets the last one go.
 */
let held: { doc: DocumentView; opening: Promise<OpenedOriginal> } | undefined;

export function openOriginal(doc: DocumentView): Promise<OpenedOriginal> {
  if (held?.doc === doc) return held.opening;
  releaseOriginal();
  const opening = (async () => {
    const result = await callApi('getOriginal', { id: doc.id });
    // Marks for `npm run bench:original` (where an open's time goes); nothing reads them in the app.
    performance.mark('carrel:original-bytes');
    if (!result.ok) throw new Error(result.error.message);
    let pdf: PDFDocumentProxy;
    try {
      pdf = await openPdf(result.value.bytes);
    } catch (error) {
      throw new Error(`pdf.js could not open this PDF (${(error as Error).message}).`);
    }
    performance.mark('carrel:original-opened');
    return { pdf, labels: builderLabels(await pdfPageLabels(pdf), pdf.numPages) };
  })();
  held = { doc, opening };
  // A failure is not kept: the next try asks again.
  opening.catch(() => {
    if (held?.opening === opening) held = undefined;
  });
  return opening;
}

/** Lets the kept original go (pdf.js's document and worker-side copy), if it is `doc`'s or no doc is named. */
export function releaseOriginal(doc?: DocumentView): void {
  if (!held || (doc && held.doc !== doc)) return;
  const { opening } = held;
  held = undefined;
  opening.then(
    (opened) => void opened.pdf.destroy(),
    () => undefined,
  );
}
