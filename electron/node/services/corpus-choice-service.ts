import fs from 'node:fs';
import path from 'node:path';
import type { RecentCorpusList } from '../../common/corpus/corpus-choice-types';
import type { CorpusInfo } from '../../common/corpus/corpus-types';
import type { CarrelServices } from '../../common/ipc/ipc-contract';
import type { BuildSummary } from '../corpus/build-corpus';
import type { CorpusStore } from '../corpus/corpus-store';
import type { RecentCorpora } from '../corpora/recent-corpora';
import type { CorpusDialogs } from './corpus-dialogs';
import type { CorpusService } from './corpus-service';
import { ServiceError } from './service-error';

export type CorpusChoiceService = Pick<CarrelServices, 'chooseCorpus' | 'listRecentCorpora' | 'openRecentCorpus' | 'forgetRecentCorpus'> & {
  /**
   * At start-up: switches to the corpus opened last when asked to and it still opens (else
   * the default stays), and puts the open corpus first in the recent list.
   */
  start(options: { reopenLast: boolean }): void;
  /** A corpus built in the app joins the recent list, with the folder it was built from. */
  rememberBuilt(summary: BuildSummary): void;
};

export type CorpusChoiceDeps = {
  corpus: CorpusService;
  recent: RecentCorpora;
  dialogs?: CorpusDialogs;
  now: () => Date;
};

function rememberStore(recent: RecentCorpora, store: CorpusStore, now: Date): void {
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
  const listRecentCorpora = (): RecentCorpusList => {
    const openFile = corpus.openCorpusFile();
    const open = openFile === undefined ? undefined : path.resolve(openFile);
    const corpora = recent
      .list()
      .map(({ sourcesDir: _sourcesDir, ...entry }) => ({ ...entry, isOpen: entry.file === open, available: fs.existsSync(entry.file) }));
    const saveProblem = recent.saveProblem();
    return saveProblem ? { corpora, saveProblem } : { corpora };
  };
  return {
    start({ reopenLast }) {
      const last = recent.list()[0];
      try {
        if (reopenLast && last) corpus.openFile(last.file);
      } catch (error) {
        // Moved, deleted or damaged since: the default corpus stays open.
        if (!(error instanceof ServiceError)) throw error;
      }
      try {
        rememberStore(recent, corpus.requireStore(), deps.now());
      } catch (error) {
        // No corpus opens at all: the window explains why; nothing to remember.
        if (!(error instanceof ServiceError)) throw error;
      }
    },
    rememberBuilt(summary) {
      recent.remember({
        file: summary.outFile,
        corpusId: summary.corpusId,
        title: summary.title,
        documentCount: summary.documents,
        openedAt: deps.now().toISOString(),
        builtOnly: true,
        // So that it can be rebuilt when a later Carrel reads another format.
        sourcesDir: summary.sourcesDir,
      });
    },
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
      const open = corpus.openCorpusFile();
      if (open !== undefined && path.resolve(file) === path.resolve(open)) {
        throw new ServiceError('corpus-open', 'That corpus is open now. Open another one before taking it off the list.');
      }
      recent.forget(file);
      return listRecentCorpora();
    },
  };
}
