import { z } from 'zod';
import { bookmarkLabel, textOffset, userItemId } from '../../notes/notes-schemas';
import { documentId } from './shared-schemas';

/** Arguments of the bookmark and reading-position methods (bookmarks-contract.ts). */
export const BOOKMARKS_SCHEMAS = {
  listBookmarks: z.object({ documentId }).strict(),
  createBookmark: z.object({ documentId, offset: textOffset, label: bookmarkLabel.optional() }).strict(),
  updateBookmark: z.object({ id: userItemId, label: bookmarkLabel }).strict(),
  deleteBookmark: z.object({ id: userItemId }).strict(),
  getReadingPosition: z.object({ documentId }).strict(),
  // seenTo: the furthest offset shown at the bottom of the window (the text's length once its end is in view).
  setReadingPosition: z.object({ documentId, offset: textOffset, seenTo: textOffset.optional() }).strict(),
  getReadingSpeed: z.undefined(),
};
