import { z } from 'zod';
import { highlightColor, notebookText, tagList, textOffset, userItemId } from '../../notes/notes-schemas';
import { HIGHLIGHT_COLORS } from '../../notes/notes-types';
import { documentId } from './shared-schemas';

/** Arguments of the notebook methods (notebook-contract.ts). */
export const NOTEBOOK_SCHEMAS = {
  queryNotebook: z
    .object({
      documentIds: z.array(documentId).max(1000).optional(),
      colors: z.array(highlightColor).max(HIGHLIGHT_COLORS.length).optional(),
      tags: tagList.optional(),
      text: notebookText.optional(),
      kinds: z.array(z.enum(['highlight', 'note', 'bookmark'])).max(3).optional(),
    })
    .strict(),
  listNotedDocuments: z.undefined(),
  exportAnnotations: z.object({ documentIds: z.array(documentId).max(1000).optional() }).strict(),
  listAnchorReviews: z.undefined(),
  resolveAnchorReview: z.discriminatedUnion('action', [
    z.object({ highlightId: userItemId, action: z.literal('accept') }).strict(),
    z
      .object({ highlightId: userItemId, action: z.literal('reattach'), start: textOffset, end: textOffset })
      .strict()
      .refine((input) => input.start < input.end, 'The new place must cover at least one character (start < end)'),
    z.object({ highlightId: userItemId, action: z.literal('keep-orphaned') }).strict(),
    z.object({ highlightId: userItemId, action: z.literal('delete') }).strict(),
  ]),
};
