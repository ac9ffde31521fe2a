import type { CarrelServices, SameKeys } from '../../common/ipc/ipc-contract';
import { contractPart, mergeParts } from './contract-part';
import { buildInWorker } from '../corpus/build-in-worker';
import type { CorpusStore, OpenCorpusOptions } from '../corpus/corpus-store';
import { createQueryWorker, type QueryWorker, type QueryWorkerOptions } from '../query-worker/query-worker-client';
import type { WorkerEntry } from '../query-worker/worker-entry';
import { openRecentCorpora } from '../corpora/recent-corpora';
import { createAnalysisService } from './analysis-service';
import { createEntityService } from './entity-service';
import { userEntityEdits } from './user-data/entity-edits-store';
import { createCorpusBuildService, type CorpusBuildDeps } from './corpus-build-service';
import { createCorpusChoiceService } from './corpus-choice-service';
import { createCorpusRebuildService } from './corpus-rebuild-service';
import type { CorpusDialogs } from './corpus-dialogs';
import type { FileDialogs } from './file-dialogs';
import { citationEngineOf, createCitationService } from './user-data/citation-service';
import { createCodingService } from './user-data/coding-service';
import { createImportService } from './user-data/import-service';
import { createRefiImportService } from './user-data/refi-import-service';
import { createNotebookExportService } from './user-data/notebook-export-service';
import { createCorpusService } from './corpus-service';
import { createSearchService } from './search-service';
import { createSecurityService } from './security-service';
import { createSettingsService } from './settings-service';
import { openWindowState, type WindowStateFile } from '../settings/window-state';
import { createPrintService, type DocumentPrinter } from './print-service';
import { createPdfResourceService } from './pdf-resource-service';
import { createBackupRestoreService } from './user-data/backup-restore-service';
import { createDeletedItemsService } from './user-data/deleted-items-service';
import { createAutomaticBackups, type BackupSchedule } from './user-data/automatic-backups';
import { guardStorage } from './user-data/guard-storage';
import type { KeyVault } from '../user-store/encryption/key-vault';
import { createUserDataContext, type UserDataContext } from './user-data/user-data-context';
import { createUserDataServices } from './user-data/user-data-services';
import { readingProgressOfCorpus } from './user-data/reading-progress-of-corpus';
import { NO_ADDED_DATES_SOURCE, type AddedDatesSource, type ProgressById } from '../corpus/library-view-queries';
import { createDateAddedOfCorpus, type DateAddedOfCorpus, type RecordingOptions } from './user-data/date-added-of-corpus';

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
  /** How a new build's dates added are recorded in the background (tests: step by step); default: timers. */
  dateAddedRecording?: RecordingOptions;
  /** The shell's file pickers for "Open corpus…" and building a corpus; without them those calls say they need the app. */
  dialogs?: CorpusDialogs;
  /** The shell's save and open dialogs for exports and imports; without them those calls say they need the app. */
  fileDialogs?: FileDialogs;
  /** The bundled CSL styles (resources/csl); found from the code's folder when not given. */
  cslDir?: string;
  /** The REFI-QDA schemas an import is checked with (resources/refi-qda); found from the code's folder when not given. */
  refiSchemaDir?: string;
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
  /** Back the notes up while they change, at most every ten minutes (the app; tests give their own scheduler). Off by default. */
  automaticBackups?: boolean | { schedule: BackupSchedule };
  /** Start on the corpus opened last (when it still opens) instead of corpusFile. */
  reopenLastCorpus?: boolean;
  /**
   * Off the main thread: corpus reads, search and analysis in a query worker, builds in a build
   * worker, citations in a citation worker (the app's bundles, or SOURCE_WORKERS under tsx).
   * Without it everything runs in-process (CLI, unit tests).
   */
  workers?: { query: WorkerEntry; build: WorkerEntry; entities?: WorkerEntry; index?: WorkerEntry; citations?: WorkerEntry } & Pick<QueryWorkerOptions, 'timeBoundMs' | 'supersedeGraceMs' | 'hold'>;
} & OpenCorpusOptions;

export type AppServices = CarrelServices & {
  /** The open corpus (for the query worker to open the same), or a ServiceError saying why there is none. */
  openStore(): CorpusStore;
  /** The query worker, when config.workers asked for one (appHandlerTable forwards to it). */
  queryWorker?: QueryWorker;
  /** The notes and corpus the services use (the command line's import reads through it). */
  userDataContext: UserDataContext;
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
  let dateAdded: AddedDatesSource & Partial<Pick<DateAddedOfCorpus, 'flush'>> = NO_ADDED_DATES_SOURCE;
  const corpus = createCorpusService(config.corpusFile, {
    nativeBinding: config.nativeBinding,
    readingProgress: () => readingProgress(),
    dateAdded: { all: () => dateAdded.all(), some: (ids) => dateAdded.some(ids) },
    // The dates added of a build first seen are recorded in the background: finished before its corpus closes.
    beforeStoreCloses: () => dateAdded.flush?.(),
    now: clock,
  });
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
    run: config.workers ? buildInWorker(config.workers.build, config.workers.entities, config.workers.index) : undefined,
  });
  const { workers } = config;
  const queryWorker = workers
    ? createQueryWorker({ entry: workers.query, nativeBinding: config.nativeBinding, timeBoundMs: workers.timeBoundMs, supersedeGraceMs: workers.supersedeGraceMs, hold: workers.hold })
    : undefined;
  const rebuild = createCorpusRebuildService({ corpus, recent, build, nativeBinding: config.nativeBinding });
  const search = createSearchService(corpus.requireStore);
  const analysis = createAnalysisService(corpus.requireStore, { dialogs: config.fileDialogs });
  const userData = createUserDataContext(corpus.requireStore, {
    file: config.userDbFile,
    nativeBinding: config.userDbNativeBinding,
    now: config.now,
  });
  readingProgress = () => readingProgressOfCorpus(userData);
  dateAdded = createDateAddedOfCorpus(userData, clock, config.dateAddedRecording);
  const userDataServices = createUserDataServices(userData, { keyVault: config.keyVault, now: config.now });
  // Deleted items are erased after the undo window, at start and at close (before the store closes).
  const deletedItems = createDeletedItemsService(userData, { now: config.now });
  const automatic = config.automaticBackups
    ? createAutomaticBackups(userData, { now: config.now, schedule: config.automaticBackups === true ? undefined : config.automaticBackups.schedule })
    : undefined;
  const backupRestore = createBackupRestoreService(userData, {
    now: config.now,
    status: () => userDataServices.getUserDataStatus(undefined),
    automaticProblem: () => automatic?.problem(),
  });
  // citation-js in the citation worker when there are workers (seconds of CPU to parse a style: never on main).
  const citationEngine = citationEngineOf({ cslDir: config.cslDir, worker: workers?.citations });
  const citations = createCitationService(userData, { dialogs: config.fileDialogs, cslDir: config.cslDir }, citationEngine);
  const notebookExport = createNotebookExportService(userData, { dialogs: config.fileDialogs, engine: citationEngine, style: () => citations.getCitationStyle(undefined) });
  const imports = createImportService(userData, { dialogs: config.fileDialogs });
  const refiImport = createRefiImportService(userData, { dialogs: config.fileDialogs, schemaDir: config.refiSchemaDir });
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
    // The index reads the corpus (and the edits when the notes are open); its edits are saves like any other.
    contractPart(guardStorage(userData, createEntityService(corpus.requireStore, () => userEntityEdits(userData)), ['listEntities', 'getEntity'])),
    contractPart(userDataServices),
    contractPart(guardStorage(userData, contractPart(deletedItems))),
    contractPart(backupRestore),
    contractPart(guardStorage(userData, contractPart({ ...citations, ...notebookExport, ...imports, ...refiImport }))),
    contractPart(guardStorage(userData, createCodingService(userData, { dialogs: config.fileDialogs }))),
    contractPart(security),
    contractPart(createSettingsService(config.settingsFile, windowState, corpus.requireStore, config.reopenLastDocument ?? false)),
    contractPart(createPrintService(config.printer)),
    contractPart(createPdfResourceService()),
  );
  const apiComplete: SameKeys<typeof api, CarrelServices> = true;
  void apiComplete;
  return {
    ...api,
    openStore: corpus.requireStore,
    queryWorker,
    userDataContext: userData,
    windowState,
    close() {
      void queryWorker?.close();
      void citationEngine.close();
      // The build's own clean-up removes its temporary file once it sees the cancel.
      void build.close();
      corpus.close();
      deletedItems.close();
      automatic?.close();
      userData.close();
    },
  };
}
