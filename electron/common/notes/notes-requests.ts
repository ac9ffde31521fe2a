import type { z } from 'zod';
import type { BOOKMARKS_SCHEMAS } from '../ipc/contract/bookmarks-schemas';
import type { NOTES_SCHEMAS } from '../ipc/contract/notes-schemas';

/** Requests of the notes API, as their schemas define them (electron/common/ipc/contract/). */
export type CreateHighlightRequest = z.infer<typeof NOTES_SCHEMAS.createHighlight>;
export type UpdateHighlightRequest = z.infer<typeof NOTES_SCHEMAS.updateHighlight>;
export type CreateDocumentNoteRequest = z.infer<typeof NOTES_SCHEMAS.createDocumentNote>;
export type UpdateDocumentNoteRequest = z.infer<typeof NOTES_SCHEMAS.updateDocumentNote>;
export type ListTagsRequest = z.infer<typeof NOTES_SCHEMAS.listTags>;
export type CreateBookmarkRequest = z.infer<typeof BOOKMARKS_SCHEMAS.createBookmark>;
export type UpdateBookmarkRequest = z.infer<typeof BOOKMARKS_SCHEMAS.updateBookmark>;
export type SetReadingPositionRequest = z.infer<typeof BOOKMARKS_SCHEMAS.setReadingPosition>;
