import path from 'node:path';
import type { BrowserWindow, Dialog } from 'electron';
import type { SaveDialog } from '../node/services/save-dialog';

/** Electron's native "Save as" picker, attached to the app window, offering the user's documents folder. */
export function electronSaveDialog(dialog: Dialog, window: () => BrowserWindow | undefined, documentsDir: () => string): SaveDialog {
  return async ({ title, suggestedName, filterName, extensions }) => {
    const options = { title, defaultPath: path.join(documentsDir(), suggestedName), buttonLabel: 'Save', filters: [{ name: filterName, extensions }] };
    const win = window();
    const result = win ? await dialog.showSaveDialog(win, options) : await dialog.showSaveDialog(options);
    return result.canceled ? undefined : result.filePath;
  };
}
