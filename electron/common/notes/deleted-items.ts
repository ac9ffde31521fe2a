/**
 * How long a delete can be undone: Ctrl+Z and the toast's Undo bring an item back within this
 * time, while Carrel stays open. After it, when Carrel closes or starts, and with “Empty deleted
 * items now”, deleted items are erased from the notes database for good.
 */
export const UNDO_WINDOW_MS = 60 * 60 * 1000;

/** What “Empty deleted items now” erased, and a sentence saying it. */
export type EmptyDeletedResult = {
  highlights: number;
  notes: number;
  bookmarks: number;
  message: string;
};
