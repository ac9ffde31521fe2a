import type { z } from 'zod';
import type { CORPUS_SCHEMAS } from '../ipc/contract/corpus-schemas';
import type { ReadingProgress } from '../notes/reading-progress';

/**
 * The library list as it crosses IPC: a page of lean rows (only what a row shows) and the
 * total, so a corpus of 100k+ documents never sends every DocumentMeta at once.
 */

/** What one library row shows; the rest of DocumentMeta is fetched when a document opens. */
export type LibraryRow = {
  id: string;
  title: string;
  source: string;
  author: string;
  language: string;
  /** The document's own date as its metadata states it ('' when not stated). */
  date: string;
  wordCount: number;
  /** Unread, started (with how far) or finished, from the reader's positions in the notes database. */
  progress: ReadingProgress;
  /**
   * When the document entered this corpus (ISO 8601): the creation time of the first build of the
   * corpus Carrel saw holding it, kept in the notes database ('' while the notes cannot be read).
   */
  added: string;
};

/** How the library is ordered: corpus order, or by one of the fields a row shows. */
export const LIBRARY_SORTS = ['corpus', 'title', 'author', 'source', 'length', 'date', 'added', 'progress'] as const;
export type LibrarySort = (typeof LIBRARY_SORTS)[number];
export const LIBRARY_STATES = ['all', 'unread', 'started', 'finished'] as const;
export type LibraryStateFilter = (typeof LIBRARY_STATES)[number];
/** Documents added: at any time, by the newest build (those added last), in the last 7 or 30 days. */
export const LIBRARY_ADDED = ['any', 'latest', 'week', 'month'] as const;
export type LibraryAddedFilter = (typeof LIBRARY_ADDED)[number];

/** Sort and filter of the library list; text matches title, author or source. */
export type LibraryView = { sort: LibrarySort; descending: boolean; text: string; state: LibraryStateFilter; added?: LibraryAddedFilter };

export const DEFAULT_LIBRARY_VIEW: LibraryView = { sort: 'corpus', descending: false, text: '', state: 'all', added: 'any' };

/** Longest filter text. */
export const LIBRARY_FILTER_MAX = 200;

/** A window of the library in corpus order, or the window holding one document (to return to it). */
export type LibraryPageRequest = z.infer<typeof CORPUS_SCHEMAS.listLibraryPage>;

export type LibraryPage = {
  /** Documents in the corpus (matching the view's filter, when it has one). */
  total: number;
  /** Position of rows[0] in the library (0-based). */
  offset: number;
  rows: LibraryRow[];
  /** For an aroundId request: that document's position, or -1 when the corpus has no such document. */
  index?: number;
};

/** Most rows one request may ask for. */
export const LIBRARY_PAGE_MAX = 500;
