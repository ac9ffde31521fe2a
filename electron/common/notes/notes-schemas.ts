import { z } from 'zod';
import { HIGHLIGHT_COLORS } from './notes-types';

/** Input schemas of the notes API, used by ipc-schemas.ts. Bounds keep one call small. */

export const userItemId = z
  .string()
  .regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/, 'Ids of highlights, notes and bookmarks are UUIDs');

/** Offsets into a document text (UTF-16 code units). */
export const textOffset = z.number().int().min(0).max(1_000_000_000);

export const highlightColor = z.enum(HIGHLIGHT_COLORS);

/** Markdown notes: generous, but bounded so one call stays small. */
export const noteText = z.string().max(200_000, 'Notes are limited to 200,000 characters');

export const tagName = z
  .string()
  .max(64, 'Tags are limited to 64 characters')
  .regex(/^[^\p{Cc}]*$/u, 'Tags cannot contain control characters')
  .refine((tag) => tag.trim().length > 0, 'Tags cannot be empty');

export const tagList = z.array(tagName).max(64, 'At most 64 tags per item');

export const bookmarkLabel = z.string().max(300, 'Bookmark labels are limited to 300 characters');

export const notebookText = z.string().max(1000, 'Notebook searches are limited to 1,000 characters');
