import type { AppCommand } from './app-commands';
import type { Result } from '../result';
import { ANALYSIS_CHANNELS, type AnalysisContract } from './contract/analysis-contract';
import { BOOKMARKS_CHANNELS, type BookmarksContract } from './contract/bookmarks-contract';
import { CITATIONS_CHANNELS, type CitationsContract } from './contract/citations-contract';
import { CODING_CHANNELS, type CodingContract } from './contract/coding-contract';
import { CORPORA_CHANNELS, type CorporaContract } from './contract/corpora-contract';
import { CORPUS_CHANNELS, type CorpusContract } from './contract/corpus-contract';
import { ENTITIES_CHANNELS, type EntitiesContract } from './contract/entities-contract';
import { EXPORTS_CHANNELS, type ExportsContract } from './contract/exports-contract';
import { NOTEBOOK_CHANNELS, type NotebookContract } from './contract/notebook-contract';
import { NOTES_CHANNELS, type NotesContract } from './contract/notes-contract';
import { PRINT_CHANNELS, type PrintContract } from './contract/print-contract';
import { RECOVERY_CHANNELS, type RecoveryContract } from './contract/recovery-contract';
import { SEARCH_CHANNELS, type SearchContract } from './contract/search-contract';
import { SECURITY_CHANNELS, type SecurityContract } from './contract/security-contract';
import { SETTINGS_CHANNELS, type SettingsContract } from './contract/settings-contract';
import { USER_DATA_CHANNELS, type UserDataContract } from './contract/user-data-contract';

/**
 * The one cross-process API, merged from one contract per feature (contract/<feature>-contract.ts,
 * with its argument schemas beside it in <feature>-schemas.ts). Every method takes at most one
 * plain-data argument, typed by its schema, and its result crosses IPC as a Result. Main,
 * preload, renderer and tests all derive from this interface.
 */
export interface CarrelServices
  extends CorpusContract,
    CorporaContract,
    SearchContract,
    NotesContract,
    BookmarksContract,
    NotebookContract,
    SecurityContract,
    UserDataContract,
    RecoveryContract,
    SettingsContract,
    AnalysisContract,
    CitationsContract,
    ExportsContract,
    PrintContract,
    CodingContract,
    EntitiesContract {}

export type Method = keyof CarrelServices;
export type Input<M extends Method> = Parameters<CarrelServices[M]>[0];
/** What a method gives back (methods that wait on the user, like dialogs, return a promise of it). */
export type Output<M extends Method> = Awaited<ReturnType<CarrelServices[M]>>;

/** Channel names, one per method (`carrel:<feature>:<kebab-method>`). */
export const CHANNELS = {
  ...CORPUS_CHANNELS,
  ...CORPORA_CHANNELS,
  ...SEARCH_CHANNELS,
  ...NOTES_CHANNELS,
  ...BOOKMARKS_CHANNELS,
  ...NOTEBOOK_CHANNELS,
  ...SECURITY_CHANNELS,
  ...USER_DATA_CHANNELS,
  ...RECOVERY_CHANNELS,
  ...SETTINGS_CHANNELS,
  ...ANALYSIS_CHANNELS,
  ...CITATIONS_CHANNELS,
  ...EXPORTS_CHANNELS,
  ...PRINT_CHANNELS,
  ...CODING_CHANNELS,
  ...ENTITIES_CHANNELS,
};

/** True when A and B have the same keys: a method missing from a feature's list, or listed and not declared, fails to compile. */
export type SameKeys<A, B> = [Exclude<keyof A, keyof B>, Exclude<keyof B, keyof A>] extends [never, never] ? true : false;
const channelsComplete: SameKeys<typeof CHANNELS, CarrelServices> = true;
void channelsComplete;

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
