import type { CarrelServices, SameKeys } from '../../common/ipc/ipc-contract';
import { contractPart, mergeParts } from './contract-part';
import type { OpenCorpusOptions } from '../corpus/corpus-store';
import { openRecentCorpora } from '../corpora/recent-corpora';
import { createAnalysisService } from './analysis-service';
import { createCorpusBuildService, type CorpusBuildDeps } from './corpus-build-service';
import { createCorpusChoiceService } from './corpus-choice-service';
import { createCorpusRebuildService } from './corpus-rebuild-service';
import type { CorpusDialogs } from './corpus-dialogs';
import { createCorpusService } from './corpus-service';
import { createSearchService } from './search-service';
import { createSecurityService } from './security-service';
import { createSettingsService } from './settings-service';
import { openWindowState, type WindowStateFile } from '../settings/window-state';
import { createPrintService, type DocumentPrinter } from './print-service';
import { createBackupRestoreService } from './user-data/backup-restore-service';
import { createDeletedItemsService } from './user-data/deleted-items-service';
import { guardStorage } from './user-data/guard-storage';
import type { KeyVault } from '../user-store/encryption/key-vault';
import { createUserDataContext } from './user-data/user-data-context';
import { createUserDataServices } from './user-data/user-data-services';
import { readingProgressOfCorpus } from './user-data/reading-progress-of-corpus';
import type { ProgressById } from '../corpus/library-view-queries';

export type ServicesConfig = {
  corpusFile: string;
  /**
   * The user's notes database (highlights, notes, bookmarks), created if missing. Electron
   * passes a file in app.getPath('userData'); without one, user-data calls fail with a reason.
   */
  userDbFile?: string;
  /** better-sqlite3-multiple-ciphers' native module built for Electron (the notes database's driver); `nativeBinding` is the corpus's. */
  userDbNativeBinding?: string;
  /** The OS keyring (Electron safeStorage where it is real), to remember the notes key if the user asks. */
  keyVault?: KeyVault;
  /** Requests refused so far by the shell (or the harness), for the security panel. */
  blockedRequests?: () => number;
  /** Clock for user-data timestamps (tests); default: the system clock. */
  now?: () => Date;
  /** The shell's file pickers for "Open corpus…" and building a corpus; without them those calls say they need the app. */
  dialogs?: CorpusDialogs;
  /** The "Recent corpora" list (a JSON file beside the notes database); without it the list lasts one session. */
  recentCorporaFile?: string;
  /** The theme and reading typography (a JSON file beside the notes database); without it they last one session. */
  settingsFile?: string;
  /** Where corpora built in the app are written by default. */
  corporaDir?: string;
  /** How a build in the app shares the process with the window's requests (tests slow it down). */
  buildPacing?: CorpusBuildDeps['pacing'];
  /** The window's save as PDF (Electron's file dialog and printToPDF); without it saving a PDF says it needs the app. */
  printer?: DocumentPrinter;
  /** Start on the document open when Carrel last closed (the shell; the browser tests ask for it where they test it). */
  reopenLastDocument?: boolean;
  /** Start on the corpus opened last (when it still opens) instead of corpusFile. */
  reopenLastCorpus?: boolean;
} & OpenCorpusOptions;

export type AppServices = CarrelServices & {
  /** The window's size, place and last document (the settings file's `window` part), shared with the shell. */
  windowState: WindowStateFile;
  /** Stops a corpus build in progress and closes the databases. */
  close(): void;
};

/** Wires every service behind the API. Called by Electron main and by the test harness alike. */
export function createServices(config: ServicesConfig): AppServices {
  const clock = config.now ?? (() => new Date());
  const windowState = openWindowState(config.settingsFile);
  // The library's reading states come from the notes database, opened below.
  let readingProgress = (): ProgressById => new Map();
  const corpus = createCorpusService(config.corpusFile, { nativeBinding: config.nativeBinding, readingProgress: () => readingProgress() });
  const recent = openRecentCorpora(config.recentCorporaFile);
  const choice = createCorpusChoiceService({ corpus, recent, dialogs: config.dialogs, now: clock });
  choice.start({ reopenLast: config.reopenLastCorpus ?? false });
  const build = createCorpusBuildService({
    dialogs: config.dialogs,
    corporaDir: config.corporaDir,
    currentCorpusFile: corpus.openCorpusFile,
    nativeBinding: config.nativeBinding,
    onBuilt: choice.rememberBuilt,
    pacing: config.buildPacing,
  });
  const rebuild = createCorpusRebuildService({ corpus, recent, build, nativeBinding: config.nativeBinding });
  const search = createSearchService(corpus.requireStore);
  const analysis = createAnalysisService(corpus.requireStore);
  const userData = createUserDataContext(corpus.requireStore, {
    file: config.userDbFile,
    nativeBinding: config.userDbNativeBinding,
    now: config.now,
  });
  readingProgress = () => readingProgressOfCorpus(userData);
  const userDataServices = createUserDataServices(userData, { keyVault: config.keyVault, now: config.now });
  // Deleted items are erased after the undo window, at start and at close (before the store closes).
  const deletedItems = createDeletedItemsService(userData, { now: config.now });
  const backupRestore = createBackupRestoreService(userData, { now: config.now, status: () => userDataServices.getUserDataStatus(undefined) });
  const security = createSecurityService({
    corpusFile: corpus.currentFile,
    userDbFile: config.userDbFile,
    nativeBinding: config.nativeBinding,
    blockedRequests: config.blockedRequests ?? (() => 0),
    userDataStatus: userData.status,
  });
  // Every service gives its part of the contract the same way; a method given twice stops the start.
  const api = mergeParts(
    contractPart(corpus),
    contractPart(choice),
    contractPart(build),
    contractPart(rebuild),
    contractPart(search),
    contractPart(analysis),
    contractPart(userDataServices),
    contractPart(guardStorage(userData, contractPart(deletedItems))),
    contractPart(backupRestore),
    contractPart(security),
    contractPart(createSettingsService(config.settingsFile, windowState, corpus.requireStore, config.reopenLastDocument ?? false)),
    contractPart(createPrintService(config.printer)),
  );
  const apiComplete: SameKeys<typeof api, CarrelServices> = true;
  void apiComplete;
  return {
    ...api,
    windowState,
    close() {
      // The build's own clean-up removes its temporary file once it sees the cancel.
      void build.close();
      corpus.close();
      deletedItems.close();
      userData.close();
    },
  };
}
