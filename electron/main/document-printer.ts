import path from 'node:path';
import type { BrowserWindow, Dialog } from 'electron';
import type { DocumentPrinter } from '../node/services/print-service';
import { SAVE_DIALOG_PROPERTIES } from './file-dialogs';

/** Save as PDF in the app: Electron's save dialog, and the window rendered through its print stylesheet. */
export function electronDocumentPrinter(dialog: Dialog, window: () => BrowserWindow | undefined, documentsDir: () => string): DocumentPrinter {
  return {
    async choosePdfFile(suggestedName) {
      const options = { title: 'Save as PDF', defaultPath: path.join(documentsDir(), suggestedName), filters: [{ name: 'PDF', extensions: ['pdf'] }], properties: SAVE_DIALOG_PROPERTIES };
      const win = window();
      const result = win ? await dialog.showSaveDialog(win, options) : await dialog.showSaveDialog(options);
      return result.canceled ? undefined : result.filePath;
    },
    async renderPdf() {
      const win = window();
      if (!win) throw new Error('The window is closed.');
      return win.webContents.printToPDF({ printBackground: true, pageSize: 'A4', margins: { marginType: 'default' } });
    },
  };
}
