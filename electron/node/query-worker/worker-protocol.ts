import type { Method } from '../../common/ipc/ipc-contract';
import type { Result } from '../../common/result';

/**
 * The calls that read the corpus (its store, search, find-in-document, document reads and
 * analysis): they run in the query worker, off Electron's main thread. Everything else
 * (notes, settings, the corpus choice, dialogs) stays in main. Word lists and related documents
 * stay in main too: they take seconds on a large corpus and yield between batches there, while
 * the worker answers one call at a time and would hold every search behind them. Library pages
 * stay in main as well: each row carries the user's reading progress, read from the notes
 * database main holds (a page is a slice of a cached order: milliseconds once a view is sorted).
 */
export const WORKER_METHODS = [
  'listDocuments',
  'getDocument',
  'getDocumentStart',
  'getOriginal',
  'search',
  'findInDocument',
  'concordance',
  'collocates',
  'distribution',
  'repeatedPassages',
  'documentRepeats',
  'paragraphElsewhere',
] as const satisfies readonly Method[];

export type WorkerMethod = (typeof WORKER_METHODS)[number];

/** A newer call of one of these from the same window supersedes the one before (query-as-you-type). */
export const SUPERSEDING_METHODS: ReadonlySet<Method> = new Set<Method>(['search', 'findInDocument']);

/** The corpus a call is about: the file main has open, and which opening of it (a rebuild reopens the same path). */
export type CorpusRef = { file: string; generation: number };

/**
 * Test-only: calls of `method` whose query is exactly `query` wait in the worker until
 * `release` (an Int32Array's first cell) is set to 1, to watch supersede and the time bound
 * without timing anything.
 */
export type WorkerHold = { method: WorkerMethod; query: string; release: SharedArrayBuffer };

export type WorkerData = { nativeBinding?: string; hold?: WorkerHold };

export type ToWorker = { id: number; method: WorkerMethod; input: unknown; corpus: CorpusRef };
/** A call's answer, or (once, first) that the worker has loaded and takes calls: the time bound starts with the call, not with the start. */
export type FromWorker = { id: number; result: Result<unknown> } | { ready: true };
