import type { CarrelServices } from '../../common/ipc/ipc-contract';
import type { CorpusStore } from '../corpus/corpus-store';
import { openReadingSettings } from '../settings/reading-settings-file';
import type { WindowStateFile } from '../settings/window-state';

type SettingsService = Pick<CarrelServices, 'getReadingSettings' | 'changeReadingSettings' | 'getLastDocument' | 'rememberOpenDocument'>;

/** The reading settings and the document to reopen; without a file they last one session. */
export function createSettingsService(file: string | undefined, windowState: WindowStateFile, corpus: () => CorpusStore, reopen: boolean): SettingsService {
  const settings = openReadingSettings(file);
  return {
    getReadingSettings: () => settings.state(),
    changeReadingSettings: (change) => settings.change(change),
    getLastDocument() {
      if (!reopen) return null;
      const store = corpus();
      const id = windowState.lastDocument(store.info.id);
      // A document no longer in the corpus (rebuilt without it) is not reopened.
      return id !== null && store.documentMetas([id]).has(id) ? id : null;
    },
    rememberOpenDocument({ documentId }) {
      // Not worth a message: at worst the next launch opens on the library.
      windowState.saveLastDocument(corpus().info.id, documentId);
      return null;
    },
  };
}
