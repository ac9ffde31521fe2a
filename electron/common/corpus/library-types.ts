import type { z } from 'zod';
import type { CORPUS_SCHEMAS } from '../ipc/contract/corpus-schemas';

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
  wordCount: number;
};

/** A window of the library in corpus order, or the window holding one document (to return to it). */
export type LibraryPageRequest = z.infer<typeof CORPUS_SCHEMAS.listLibraryPage>;

export type LibraryPage = {
  /** Documents in the corpus. */
  total: number;
  /** Position of rows[0] in the library (0-based). */
  offset: number;
  rows: LibraryRow[];
  /** For an aroundId request: that document's position, or -1 when the corpus has no such document. */
  index?: number;
};

/** Most rows one request may ask for. */
export const LIBRARY_PAGE_MAX = 500;
