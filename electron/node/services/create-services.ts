import type { CarrelServices } from '../../common/ipc/ipc-contract';
import type { OpenCorpusOptions } from '../corpus/corpus-store';
import { createCorpusService } from './corpus-service';
import { createSearchService } from './search-service';
import { createSecurityService } from './security-service';
import { createAnchorReviewService } from './user-data/anchor-review-service';
import { createBookmarkService } from './user-data/bookmark-service';
import { createExportService } from './user-data/export-service';
import { createHighlightService } from './user-data/highlight-service';
import { createNoteService } from './user-data/note-service';
import { createNotebookService } from './user-data/notebook-service';
import { createUndoService } from './user-data/undo-service';
import { createUserDataContext } from './user-data/user-data-context';

export type ServicesConfig = {
  corpusFile: string;
  /**
   * The user's notes database (highlights, notes, bookmarks), created if missing. Electron
   * passes a file in app.getPath('userData'); without one, user-data calls fail with a reason.
   */
  userDbFile?: string;
  /** Requests refused so far by the shell (or the harness), for the security panel. */
  blockedRequests?: () => number;
  /** Clock for user-data timestamps (tests); default: the system clock. */
  now?: () => Date;
} & OpenCorpusOptions;

export type AppServices = CarrelServices & { close(): void };

/** Wires every service behind the API. Called by Electron main and by the test harness alike. */
export function createServices(config: ServicesConfig): AppServices {
  const corpus = createCorpusService(config.corpusFile, { nativeBinding: config.nativeBinding });
  const search = createSearchService(corpus.requireStore);
  const userData = createUserDataContext(corpus.requireStore, {
    file: config.userDbFile,
    nativeBinding: config.nativeBinding,
    now: config.now,
  });
  return {
    ...createHighlightService(userData),
    ...createNoteService(userData),
    ...createBookmarkService(userData),
    ...createUndoService(userData),
    ...createNotebookService(userData),
    ...createAnchorReviewService(userData),
    ...createExportService(userData),
    ...createSecurityService({
      corpusFile: config.corpusFile,
      userDbFile: config.userDbFile,
      nativeBinding: config.nativeBinding,
      blockedRequests: config.blockedRequests ?? (() => 0),
    }),
    search: search.search,
    findInDocument: search.findInDocument,
    getCorpusInfo: corpus.getCorpusInfo,
    listDocuments: corpus.listDocuments,
    listLibraryPage: corpus.listLibraryPage,
    getDocument: corpus.getDocument,
    close() {
      corpus.close();
      userData.close();
    },
  };
}
