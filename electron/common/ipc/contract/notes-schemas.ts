import { z } from 'zod';
import { highlightColor, noteText, tagList, tagPrefix, textOffset, userItemId } from '../../notes/notes-schemas';
import { documentId } from './shared-schemas';

/**
 * Arguments of the notes methods (notes-contract.ts). The renderer sends offsets into the
 * document text it shows; main reads the document and builds the W3C selectors itself, so a
 * renderer cannot store a quote that is not in the document.
 */
export const NOTES_SCHEMAS = {
  /** [start, end) in UTF-16 code units into DocumentView.text; start < end. */
  createHighlight: z
    .object({ documentId, start: textOffset, end: textOffset, color: highlightColor, note: noteText.optional(), tags: tagList.optional() })
    .strict()
    .refine((input) => input.start < input.end, 'A highlight must cover at least one character (start < end)'),
  listHighlights: z.object({ documentId }).strict(),
  /** Only the given fields change; sending the same values again changes nothing (idempotent). */
  updateHighlight: z
    .object({ id: userItemId, color: highlightColor.optional(), note: noteText.optional(), tags: tagList.optional() })
    .strict(),
  deleteHighlight: z.object({ id: userItemId }).strict(),
  listDocumentNotes: z.object({ documentId }).strict(),
  createDocumentNote: z.object({ documentId, body: noteText, tags: tagList.optional() }).strict(),
  updateDocumentNote: z.object({ id: userItemId, body: noteText.optional(), tags: tagList.optional() }).strict(),
  deleteDocumentNote: z.object({ id: userItemId }).strict(),
  undoDeletion: z.object({ deletionId: userItemId }).strict(),
  emptyDeletedItems: z.undefined(),
  listTags: z.object({ prefix: tagPrefix.optional(), limit: z.number().int().min(1).max(500).optional() }).strict(),
};
