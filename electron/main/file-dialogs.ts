import type { BrowserWindow, Dialog } from 'electron';
import type { FileDialogs } from '../node/services/file-dialogs';

/**
 * What every save dialog of Carrel asks for: confirmation before an existing file is replaced
 * (macOS and Windows ask anyway; GTK on Linux replaces silently without it), and a button to make
 * a folder.
 */
export const SAVE_DIALOG_PROPERTIES: ('showOverwriteConfirmation' | 'createDirectory')[] = ['showOverwriteConfirmation', 'createDirectory'];

/** Electron's save and open dialogs, attached to the app window, behind the services' FileDialogs (the save dialog confirms a replacement). */
export function electronFileDialogs(dialog: Dialog, window: () => BrowserWindow | undefined): FileDialogs {
  return {
    async chooseSaveFile({ title, suggestedName, filters }) {
      const options = { title, defaultPath: suggestedName, filters, properties: SAVE_DIALOG_PROPERTIES };
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
