import type { CorpusInfo, DocumentMeta, DocumentView } from '../corpus/corpus-types';
import type { LibraryPage, LibraryPageRequest } from '../corpus/library-types';
import type { CorpusBuildStatus, OutdatedCorpus, RecentCorpusList } from '../corpus/corpus-choice-types';
import type { AppCommand } from './app-commands';
import type { Result } from '../result';
import type { SecurityStatus } from '../security/security-status';
import type { EncryptionChangeResult, UserDataStatus } from '../security/user-data-status';
import type { UserDataBackups, UserDataRecoveryResult } from '../security/user-data-backups';
import type { DocumentMatches, FindInDocumentRequest, SearchRequest, SearchResponse } from '../search/search-types';
import type { AnchorReview, AnchorReviewDecision, AnchorReviewOutcome } from '../notes/anchor-review-types';
import type { NotebookQuery, NotebookResult, NotedDocument } from '../notes/notebook-types';
import type { AnnotationExport } from '../notes/web-annotation';
import type {
  CreateBookmarkRequest,
  CreateDocumentNoteRequest,
  CreateHighlightRequest,
  ListTagsRequest,
  SetReadingPositionRequest,
  UpdateBookmarkRequest,
  UpdateDocumentNoteRequest,
  UpdateHighlightRequest,
} from '../notes/notes-requests';
import type { EmptyDeletedResult } from '../notes/deleted-items';
import type { Bookmark, Deletion, DocumentNote, Highlight, ReadingPosition, RestoredItem, TagCount } from '../notes/notes-types';

/**
 * The one cross-process API. Every method takes at most one plain-data argument and
 * its result crosses IPC as a Result. Main, preload, renderer and tests all derive
 * from this interface; argument schemas live in ipc-schemas.ts.
 */
export interface CarrelServices {
  getCorpusInfo(input: undefined): CorpusInfo;
  listDocuments(input: undefined): DocumentMeta[];
  /** A page of the library list (lean rows and the total), for a virtualised list of any size. */
  listLibraryPage(input: LibraryPageRequest): LibraryPage;
  getDocument(input: { id: string }): DocumentView;

  // Corpora: opening another corpus file, recent ones, building one from a folder.
  /** Lets the user pick a corpus file in the shell's dialog and opens it; null when cancelled. */
  chooseCorpus(input: undefined): Promise<CorpusInfo | null>;
  /** Corpora opened or built before, most recent first, and why the list could not be saved if so. */
  listRecentCorpora(input: undefined): RecentCorpusList;
  /** Opens a corpus from the recent list (main opens only files it listed itself). */
  openRecentCorpus(input: { file: string }): CorpusInfo;
  /** Takes a corpus off the recent list; its file is not touched. */
  forgetRecentCorpus(input: { file: string }): RecentCorpusList;
  /**
   * Asks for a folder and where to write its corpus, then builds it in the background; null when
   * cancelled. The title, when given, overrides the folder's carrel-corpus.json and its name.
   */
  startCorpusBuild(input: { title?: string }): Promise<CorpusBuildStatus | null>;
  getCorpusBuild(input: { jobId: string }): CorpusBuildStatus;
  /** Stops a build; nothing half-written is left behind. */
  cancelCorpusBuild(input: { jobId: string }): Promise<CorpusBuildStatus>;
  /**
   * The corpus Carrel is on (no file) or one from the recent list, when it was made by an older
   * Carrel: where it came from, and the folder it can be rebuilt from if known; else null.
   */
  getOutdatedCorpus(input: { file?: string }): OutdatedCorpus | null;
  /** Rebuilds such a corpus from its known sources into the same file: a build like startCorpusBuild's, no dialog. */
  rebuildCorpus(input: { file?: string }): CorpusBuildStatus;

  /** Ranked search; a malformed query fails with code `query-syntax` and a plain-language message. */
  search(input: SearchRequest): SearchResponse;
  /** Every match of a query inside one document, for hit navigation and find-in-document. */
  findInDocument(input: FindInDocumentRequest): DocumentMatches;

  // User data (electron/common/notes): kept per open corpus and document; see notes-types.ts.
  /** Main builds the quote and position selectors from the document text. */
  createHighlight(input: CreateHighlightRequest): Highlight;
  /** Live highlights of a document, re-anchored to its current text. */
  listHighlights(input: { documentId: string }): Highlight[];
  updateHighlight(input: UpdateHighlightRequest): Highlight;
  /** Soft delete; undo with undoDeletion. */
  deleteHighlight(input: { id: string }): Deletion;
  listDocumentNotes(input: { documentId: string }): DocumentNote[];
  createDocumentNote(input: CreateDocumentNoteRequest): DocumentNote;
  updateDocumentNote(input: UpdateDocumentNoteRequest): DocumentNote;
  deleteDocumentNote(input: { id: string }): Deletion;
  listBookmarks(input: { documentId: string }): Bookmark[];
  createBookmark(input: CreateBookmarkRequest): Bookmark;
  updateBookmark(input: UpdateBookmarkRequest): Bookmark;
  deleteBookmark(input: { id: string }): Deletion;
  /** Last reading position of a document, or null if never read. */
  getReadingPosition(input: { documentId: string }): ReadingPosition | null;
  setReadingPosition(input: SetReadingPositionRequest): ReadingPosition;
  /** Restores what a delete removed (within the undo window, notes/deleted-items.ts). */
  undoDeletion(input: { deletionId: string }): RestoredItem;
  /** Erases every deleted item of every corpus now, for good (no undo), and empties the WAL. */
  emptyDeletedItems(input: undefined): EmptyDeletedResult;
  /** Tags in use, most used first, for autocompletion. */
  listTags(input: ListTagsRequest): TagCount[];
  queryNotebook(input: NotebookQuery): NotebookResult;
  /** Documents of the open corpus with a live highlight, note or bookmark, in library order (the notebook's filter). */
  listNotedDocuments(input: undefined): NotedDocument[];
  /** Highlights whose new place after a document change is doubtful or unknown. */
  listAnchorReviews(input: undefined): AnchorReview[];
  resolveAnchorReview(input: AnchorReviewDecision): AnchorReviewOutcome;
  /** Live highlights, notes and bookmarks of the open corpus (or of some documents) as W3C Web Annotations (JSON-LD). */
  exportAnnotations(input: { documentIds?: string[] }): AnnotationExport;
  /** Facts for the About / Security panel: blocked requests, corpus integrity, user database. */
  getSecurityStatus(input: undefined): SecurityStatus;

  // Encryption at rest of the notes database (electron/node/user-store/encryption). Passphrases
  // are turned into keys in main and never stored, logged or repeated in an error.
  /** Open, locked (encrypted, waiting for the passphrase) or unavailable. */
  getUserDataStatus(input: undefined): UserDataStatus;
  /** Opens encrypted notes; a wrong passphrase fails with `wrong-passphrase` and changes nothing. */
  /** With `remember`, the key is also kept in the OS keyring (where it is real) to open without asking next time. */
  unlockUserData(input: { passphrase: string; remember?: boolean }): Promise<UserDataStatus>;
  /** Removes the key kept in the OS keyring: the passphrase is asked at the next start. */
  forgetRememberedKey(input: undefined): UserDataStatus;
  /** Encrypts the (open, plain) notes database and its backups with a new passphrase. */
  encryptUserData(input: { passphrase: string; confirmation: string }): Promise<EncryptionChangeResult>;
  /** Re-encrypts the notes database and its backups with a new passphrase. */
  changeUserDataPassphrase(input: { current: string; passphrase: string; confirmation: string }): Promise<EncryptionChangeResult>;
  /** Stores the notes database and its backups unencrypted again. */
  decryptUserData(input: { passphrase: string }): Promise<EncryptionChangeResult>;

  // Backups of the notes database (electron/node/user-store/restore-backup.ts).
  /** Every backup, newest first, each checked (plain ones opened and checked; encrypted ones cannot be without the passphrase). */
  listUserDataBackups(input: undefined): UserDataBackups;
  /**
   * Replaces the notes file by the backup main listed under `name`: the file as it is now is kept
   * in backups/ first, the copy is verified and flushed before it takes the file's name, then reopened.
   */
  restoreUserDataBackup(input: { name: string }): Promise<UserDataRecoveryResult>;
  /** When the notes file is empty, missing or damaged: keeps it and every backup in backups/ (never pruned), and starts with empty notes. */
  startNewUserData(input: undefined): Promise<UserDataRecoveryResult>;
  /** Tries to open the notes again (after the user made the folder writable or freed disk space). */
  retryUserData(input: undefined): UserDataStatus;
}

export type Method = keyof CarrelServices;
export type Input<M extends Method> = Parameters<CarrelServices[M]>[0];
/** What a method gives back (methods that wait on the user, like dialogs, return a promise of it). */
export type Output<M extends Method> = Awaited<ReturnType<CarrelServices[M]>>;

/** Channel names, one per method; `satisfies` keeps this list complete. */
export const CHANNELS = {
  getCorpusInfo: 'carrel:corpus:info',
  listDocuments: 'carrel:corpus:list-documents',
  listLibraryPage: 'carrel:corpus:list-library-page',
  getDocument: 'carrel:corpus:get-document',
  chooseCorpus: 'carrel:corpora:choose',
  listRecentCorpora: 'carrel:corpora:list-recent',
  openRecentCorpus: 'carrel:corpora:open-recent',
  forgetRecentCorpus: 'carrel:corpora:forget-recent',
  startCorpusBuild: 'carrel:corpora:build-start',
  getCorpusBuild: 'carrel:corpora:build-status',
  cancelCorpusBuild: 'carrel:corpora:build-cancel',
  getOutdatedCorpus: 'carrel:corpora:outdated',
  rebuildCorpus: 'carrel:corpora:rebuild',
  search: 'carrel:search:query',
  findInDocument: 'carrel:search:find-in-document',
  createHighlight: 'carrel:notes:create-highlight',
  listHighlights: 'carrel:notes:list-highlights',
  updateHighlight: 'carrel:notes:update-highlight',
  deleteHighlight: 'carrel:notes:delete-highlight',
  listDocumentNotes: 'carrel:notes:list-document-notes',
  createDocumentNote: 'carrel:notes:create-document-note',
  updateDocumentNote: 'carrel:notes:update-document-note',
  deleteDocumentNote: 'carrel:notes:delete-document-note',
  listBookmarks: 'carrel:bookmarks:list',
  createBookmark: 'carrel:bookmarks:create',
  updateBookmark: 'carrel:bookmarks:update',
  deleteBookmark: 'carrel:bookmarks:delete',
  getReadingPosition: 'carrel:reading-position:get',
  setReadingPosition: 'carrel:reading-position:set',
  undoDeletion: 'carrel:notes:undo-deletion',
  emptyDeletedItems: 'carrel:notes:empty-deleted-items',
  listTags: 'carrel:notes:list-tags',
  queryNotebook: 'carrel:notes:query-notebook',
  listNotedDocuments: 'carrel:notes:list-noted-documents',
  listAnchorReviews: 'carrel:notes:list-anchor-reviews',
  resolveAnchorReview: 'carrel:notes:resolve-anchor-review',
  exportAnnotations: 'carrel:notes:export-annotations',
  getSecurityStatus: 'carrel:security:status',
  getUserDataStatus: 'carrel:user-data:status',
  unlockUserData: 'carrel:user-data:unlock',
  forgetRememberedKey: 'carrel:user-data:forget-remembered-key',
  encryptUserData: 'carrel:user-data:encrypt',
  changeUserDataPassphrase: 'carrel:user-data:change-passphrase',
  decryptUserData: 'carrel:user-data:decrypt',
  listUserDataBackups: 'carrel:user-data:list-backups',
  restoreUserDataBackup: 'carrel:user-data:restore-backup',
  startNewUserData: 'carrel:user-data:start-new',
  retryUserData: 'carrel:user-data:retry',
} as const satisfies Record<Method, string>;

export const METHODS = Object.keys(CHANNELS) as Method[];

/** What the preload exposes on `window.carrel`: the same methods, asynchronous, never throwing. */
export type CarrelApi = {
  [M in Method]: Input<M> extends undefined
    ? () => Promise<Result<Output<M>>>
    : (input: Input<M>) => Promise<Result<Output<M>>>;
};

/** window.carrel: the API, plus the one way the shell speaks first (menu commands). */
export type CarrelBridge = CarrelApi & {
  /** Calls listener for each menu command; returns a function that stops listening. */
  onCommand(listener: (command: AppCommand) => void): () => void;
};

/** Name of the global the preload defines. */
export const API_GLOBAL = 'carrel';
