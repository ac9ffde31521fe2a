import type { BrowserWindow, Dialog } from 'electron';
import type { FileDialogs } from '../node/services/file-dialogs';

/** Electron's save and open dialogs, attached to the app window, behind the services' FileDialogs (the save dialog confirms a replacement). */
export function electronFileDialogs(dialog: Dialog, window: () => BrowserWindow | undefined): FileDialogs {
  return {
    async chooseSaveFile({ title, suggestedName, filters }) {
      const options = { title, defaultPath: suggestedName, filters, properties: ['showOverwriteConfirmation' as const, 'createDirectory' as const] };
      const win = window();
      const result = win ? await dialog.showSaveDialog(win, options) : await dialog.showSaveDialog(options);
      return result.canceled ? undefined : result.filePath;
    },
    async chooseOpenFile({ title, filters }) {
      const options = { title, filters, properties: ['openFile' as const] };
      const win = window();
      const result = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options);
      return result.canceled ? undefined : result.filePaths[0];
    },
  };
}
