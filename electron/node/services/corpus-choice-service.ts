import fs from 'node:fs';
import path from 'node:path';
import type { CorpusInfo } from '../../common/corpus/corpus-types';
import type { CarrelServices } from '../../common/ipc/ipc-contract';
import type { CorpusStore } from '../corpus/corpus-store';
import type { RecentCorpora } from '../corpora/recent-corpora';
import type { CorpusDialogs } from './corpus-dialogs';
import type { CorpusService } from './corpus-service';
import { ServiceError } from './service-error';

export type CorpusChoiceService = Pick<CarrelServices, 'chooseCorpus' | 'listRecentCorpora' | 'openRecentCorpus' | 'forgetRecentCorpus'> & {
  /** Opens a corpus file and puts it first in the recent list. */
  openAndRemember(file: string): CorpusInfo;
};

export type CorpusChoiceDeps = {
  corpus: CorpusService;
  recent: RecentCorpora;
  dialogs?: CorpusDialogs;
  now: () => Date;
};

export function rememberStore(recent: RecentCorpora, store: CorpusStore, now: Date): void {
  recent.remember({
    file: store.file,
    corpusId: store.info.id,
    title: store.info.title,
    documentCount: store.info.documentCount,
    openedAt: now.toISOString(),
  });
}

/**
 * "Open corpus…" and "Recent corpora". The renderer never names an arbitrary file: it
 * either lets the shell's dialog pick one or names a file from the recent list, which
 * only main writes.
 */
export function createCorpusChoiceService(deps: CorpusChoiceDeps): CorpusChoiceService {
  const { corpus, recent } = deps;
  const openAndRemember = (file: string): CorpusInfo => {
    const store = corpus.openFile(path.resolve(file));
    rememberStore(recent, store, deps.now());
    return store.info;
  };
  const listRecentCorpora = () => {
    const open = path.resolve(corpus.currentFile());
    return recent.list().map((entry) => ({ ...entry, isOpen: entry.file === open, available: fs.existsSync(entry.file) }));
  };
  return {
    openAndRemember,
    async chooseCorpus() {
      if (!deps.dialogs) throw new ServiceError('unavailable', 'Choosing a corpus file needs the Carrel app window.');
      const file = await deps.dialogs.chooseCorpusFile();
      return file ? openAndRemember(file) : null;
    },
    listRecentCorpora,
    openRecentCorpus({ file }) {
      const entry = recent.find(file);
      if (!entry) throw new ServiceError('not-found', 'That corpus is not in the list of recent corpora. Use “Open corpus…” to choose it.');
      return openAndRemember(entry.file);
    },
    forgetRecentCorpus({ file }) {
      if (path.resolve(file) === path.resolve(corpus.currentFile())) {
        throw new ServiceError('corpus-open', 'That corpus is open now. Open another one before taking it off the list.');
      }
      recent.forget(file);
      return listRecentCorpora();
    },
  };
}
