import type { z } from 'zod';
import type { EmptyDeletedResult } from '../../notes/deleted-items';
import type { Deletion, DocumentNote, Highlight, RestoredItem, TagCount } from '../../notes/notes-types';
import type { NOTES_SCHEMAS } from './notes-schemas';
import { featureChannels } from './feature-channels';

type In<M extends keyof typeof NOTES_SCHEMAS> = z.infer<(typeof NOTES_SCHEMAS)[M]>;

/** Highlights, document notes and their tags, kept per open corpus and document (see notes-types.ts); deletes and undo. */
export interface NotesContract {
  /** Main builds the quote and position selectors from the document text. */
  createHighlight(input: In<'createHighlight'>): Highlight;
  /** Live highlights of a document, re-anchored to its current text. */
  listHighlights(input: In<'listHighlights'>): Highlight[];
  updateHighlight(input: In<'updateHighlight'>): Highlight;
  /** Soft delete; undo with undoDeletion. */
  deleteHighlight(input: In<'deleteHighlight'>): Deletion;
  listDocumentNotes(input: In<'listDocumentNotes'>): DocumentNote[];
  createDocumentNote(input: In<'createDocumentNote'>): DocumentNote;
  updateDocumentNote(input: In<'updateDocumentNote'>): DocumentNote;
  deleteDocumentNote(input: In<'deleteDocumentNote'>): Deletion;
  /** Restores what a delete removed (within the undo window, notes/deleted-items.ts). */
  undoDeletion(input: In<'undoDeletion'>): RestoredItem;
  /** Erases every deleted item of every corpus now, for good (no undo), and empties the WAL. */
  emptyDeletedItems(input: In<'emptyDeletedItems'>): EmptyDeletedResult;
  /** Tags in use, most used first, for autocompletion. */
  listTags(input: In<'listTags'>): TagCount[];
}

export const NOTES_CHANNELS = featureChannels('notes', [
  'createHighlight',
  'listHighlights',
  'updateHighlight',
  'deleteHighlight',
  'listDocumentNotes',
  'createDocumentNote',
  'updateDocumentNote',
  'deleteDocumentNote',
  'undoDeletion',
  'emptyDeletedItems',
  'listTags',
]);
