import type { z } from 'zod';
import type { NOTEBOOK_SCHEMAS } from '../ipc/contract/notebook-schemas';
import type { Bookmark, DocumentNote, Highlight } from './notes-types';

/**
 * A notebook query over the open corpus. Every filter is optional; filters combine with AND,
 * values inside one filter with OR (any of the colours, any of the tags). `text` matches
 * highlight quotes, notes, tags and bookmark labels, ignoring case, diacritics and Arabic
 * vowel marks.
 */
export type NotebookQuery = z.infer<typeof NOTEBOOK_SCHEMAS.queryNotebook>;

/** page: the printed page of a highlight or bookmark in a paginated (PDF) document. */
export type NotebookEntry =
  | { kind: 'highlight'; highlight: Highlight; page?: string }
  | { kind: 'note'; note: DocumentNote; page?: undefined }
  | { kind: 'bookmark'; bookmark: Bookmark; page?: string };

/** Entries of one document, in reading order (highlights and bookmarks by offset, then notes). */
export type NotebookGroup = {
  documentId: string;
  /** '' when the document is no longer in the corpus. */
  documentTitle: string;
  /** False when the document is not in the open corpus any more (entries kept, not reachable). */
  documentAvailable: boolean;
  entries: NotebookEntry[];
};

export type NotebookResult = {
  /** Groups in library order; documents missing from the corpus last. */
  groups: NotebookGroup[];
  /** Number of entries over all groups. */
  total: number;
};

/** A document that has notes, for the notebook's document filter. */
export type NotedDocument = {
  id: string;
  title: string;
  /** Still in the open corpus (a rebuilt corpus may have dropped it). */
  available: boolean;
};
