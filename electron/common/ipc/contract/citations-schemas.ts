import { z } from 'zod';
import { documentDetailsInput } from '../../citations/citation-schemas';
import { BIBLIOGRAPHY_FORMATS, CITATION_STYLES } from '../../citations/citation-types';
import { textOffset, userItemId } from '../../notes/notes-schemas';
import { NOTEBOOK_SCHEMAS } from './notebook-schemas';
import { documentId } from './shared-schemas';

const style = z.enum(CITATION_STYLES);

/** Arguments of the citation methods (citations-contract.ts). */
export const CITATIONS_SCHEMAS = {
  getDocumentDetails: z.object({ documentId }).strict(),
  saveDocumentDetails: z.object({ documentId, fields: documentDetailsInput }).strict(),
  resetDocumentDetails: z.object({ documentId }).strict(),
  getCitationStyle: z.undefined(),
  setCitationStyle: z.object({ style }).strict(),
  formatCitation: z
    .object({
      documentId,
      style: style.optional(),
      start: textOffset.optional(),
      end: textOffset.optional(),
      highlightId: userItemId.optional(),
    })
    .strict()
    .refine((input) => (input.start === undefined) === (input.end === undefined), 'A span needs both its start and its end')
    .refine((input) => input.start === undefined || input.start < input.end!, 'The span must cover at least one character (start < end)'),
  exportBibliography: z.discriminatedUnion('scope', [
    z.object({ scope: z.literal('corpus'), format: z.enum(BIBLIOGRAPHY_FORMATS) }).strict(),
    z.object({ scope: z.literal('document'), documentId, format: z.enum(BIBLIOGRAPHY_FORMATS) }).strict(),
    z.object({ scope: z.literal('notebook'), filter: NOTEBOOK_SCHEMAS.queryNotebook, format: z.enum(BIBLIOGRAPHY_FORMATS) }).strict(),
  ]),
};
