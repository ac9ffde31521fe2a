import type { z } from 'zod';
import type { Bookmark, Deletion, ReadingPosition } from '../../notes/notes-types';
import type { ReadingSpeed } from '../../notes/reading-progress';
import type { BOOKMARKS_SCHEMAS } from './bookmarks-schemas';
import { featureChannels } from './feature-channels';

type In<M extends keyof typeof BOOKMARKS_SCHEMAS> = z.infer<(typeof BOOKMARKS_SCHEMAS)[M]>;

/** Bookmarks of a document and where it was left. */
export interface BookmarksContract {
  listBookmarks(input: In<'listBookmarks'>): Bookmark[];
  createBookmark(input: In<'createBookmark'>): Bookmark;
  updateBookmark(input: In<'updateBookmark'>): Bookmark;
  deleteBookmark(input: In<'deleteBookmark'>): Deletion;
  /** Last reading position of a document, or null if never read. */
  getReadingPosition(input: In<'getReadingPosition'>): ReadingPosition | null;
  setReadingPosition(input: In<'setReadingPosition'>): ReadingPosition;
  /** The reader's speed, measured from their reading positions over time (or the typical speed until known). */
  getReadingSpeed(input: In<'getReadingSpeed'>): ReadingSpeed;
}

export const BOOKMARKS_CHANNELS = featureChannels('bookmarks', [
  'listBookmarks',
  'createBookmark',
  'updateBookmark',
  'deleteBookmark',
  'getReadingPosition',
  'setReadingPosition',
  'getReadingSpeed',
]);
