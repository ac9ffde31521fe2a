import fs from 'node:fs';
import path from 'node:path';
import type { CarrelServices } from '../../common/ipc/ipc-contract';
import { writeFailure } from '../corpora/recent-corpora';
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

/** Writes next to the target and renames into place: a failed write never leaves half a PDF. */
export function writeFileAtomically(file: string, bytes: Uint8Array): void {
  const tmp = path.join(path.dirname(file), `.${path.basename(file)}.tmp-${process.pid}`);
  try {
    fs.writeFileSync(tmp, bytes, { flag: 'wx' });
    fs.renameSync(tmp, file);
  } catch (error) {
    fs.rmSync(tmp, { force: true });
    throw error;
  }
}

export function createPrintService(printer: DocumentPrinter | undefined): Pick<CarrelServices, 'saveAsPdf'> {
  return {
    async saveAsPdf({ title }) {
      if (!printer) throw new ServiceError('unavailable', 'Saving as PDF needs the Carrel app window: use the browser’s own print dialog.');
      const file = await printer.choosePdfFile(pdfFileName(title));
      if (!file) return { saved: false };
      const pdf = await printer.renderPdf();
      try {
        writeFileAtomically(file, pdf);
      } catch (error) {
        throw new ServiceError('write-failed', `The PDF was not saved: ${writeFailure(file, error)}. Choose another place and try again.`);
      }
      return { saved: true, file };
    },
  };
}
