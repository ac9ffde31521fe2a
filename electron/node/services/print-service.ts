import path from 'node:path';
import type { CarrelServices } from '../../common/ipc/ipc-contract';
import { writeFailure } from '../corpora/recent-corpora';
import { writeExportFile } from '../exports/write-export-file';
import { ServiceError } from './service-error';

/**
 * The shell's part of saving a PDF, passed in so the service stays free of Electron: where to
 * save (a file dialog; undefined when cancelled) and the window rendered through its print
 * stylesheet (webContents.printToPDF).
 */
export type DocumentPrinter = {
  choosePdfFile(suggestedName: string): Promise<string | undefined>;
  renderPdf(): Promise<Uint8Array>;
};

/** A file name from a document's title: no path separators or control characters, bounded, ".pdf". */
export function pdfFileName(title: string): string {
  const cleaned = title
    .replace(/[\u0000-\u001f\u007f/\\:*?"<>|]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^\.+/, '')
    .slice(0, 120)
    .trim();
  return `${cleaned || 'Document'}.pdf`;
}

export function createPrintService(printer: DocumentPrinter | undefined): Pick<CarrelServices, 'saveAsPdf'> {
  return {
    async saveAsPdf({ title }) {
      if (!printer) throw new ServiceError('unavailable', 'Saving as PDF needs the Carrel app window: use the browser’s own print dialog.');
      const chosen = await printer.choosePdfFile(pdfFileName(title));
      if (!chosen) return { saved: false };
      const file = path.resolve(chosen);
      let pdf: Uint8Array;
      try {
        pdf = await printer.renderPdf();
      } catch (error) {
        throw new ServiceError('print-failed', `The PDF was not saved: the window could not be rendered as PDF (${(error as Error).message}). Try again.`, { retryable: true, cause: error });
      }
      // The exports' writer: flushed, renamed over the old file (the dialog confirmed it), no temporary file left.
      try {
        writeExportFile(file, pdf);
      } catch (error) {
        throw new ServiceError('write-failed', `The PDF was not saved: ${writeFailure(file, error)}. Choose another place and try again.`, { retryable: true, cause: error });
      }
      return { saved: true, file };
    },
  };
}
