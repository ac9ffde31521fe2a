import type { BrowserWindow, Dialog } from 'electron';
import type { CorpusDialogs } from '../node/services/corpus-dialogs';
import { SAVE_DIALOG_PROPERTIES } from './file-dialogs';

const CORPUS_FILTERS = [{ name: 'Carrel corpus', extensions: ['sqlite'] }];

/** Electron's native file pickers, attached to the app window, behind the services' CorpusDialogs. */
export function electronCorpusDialogs(dialog: Dialog, window: () => BrowserWindow | undefined): CorpusDialogs {
  const parent = () => window();
  return {
    async chooseCorpusFile() {
      const options = { title: 'Open a corpus', properties: ['openFile' as const], filters: CORPUS_FILTERS };
      const win = parent();
      const result = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options);
      return result.canceled ? undefined : result.filePaths[0];
    },
    async chooseSourcesFolder() {
      const options = {
        title: 'Build a corpus from a folder of .txt, .md, .html, .pdf, .epub and .docx files',
        buttonLabel: 'Choose folder',
        properties: ['openDirectory' as const],
      };
      const win = parent();
      const result = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options);
      return result.canceled ? undefined : result.filePaths[0];
    },
    async chooseBuildOutput(suggestedFile) {
      const options = { title: 'Save the corpus as', defaultPath: suggestedFile, buttonLabel: 'Build', filters: CORPUS_FILTERS, properties: SAVE_DIALOG_PROPERTIES };
      const win = parent();
      const result = win ? await dialog.showSaveDialog(win, options) : await dialog.showSaveDialog(options);
      return result.canceled ? undefined : result.filePath;
    },
  };
}
