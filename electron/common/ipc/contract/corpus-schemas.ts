import { z } from 'zod';
import { LIBRARY_ADDED, LIBRARY_FILTER_MAX, LIBRARY_PAGE_MAX, LIBRARY_SORTS, LIBRARY_STATES } from '../../corpus/library-types';
import { DOCUMENT_START_MAX, PDF_RESOURCE_KINDS } from '../../corpus/corpus-types';
import { documentId } from './shared-schemas';

const libraryPageLimit = z.number().int().min(1).max(LIBRARY_PAGE_MAX);
const libraryView = z
  .object({
    sort: z.enum(LIBRARY_SORTS),
    descending: z.boolean(),
    text: z.string().max(LIBRARY_FILTER_MAX),
    state: z.enum(LIBRARY_STATES),
    added: z.enum(LIBRARY_ADDED).optional(),
  })
  .strict();

/** Arguments of the corpus methods (corpus-contract.ts). */
export const CORPUS_SCHEMAS = {
  getCorpusInfo: z.undefined(),
  listDocuments: z.undefined(),
  listLibraryPage: z.union([
    z.object({ offset: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER), limit: libraryPageLimit, view: libraryView.optional() }).strict(),
    z.object({ aroundId: documentId, limit: libraryPageLimit, view: libraryView.optional() }).strict(),
  ]),
  getDocument: z.object({ id: documentId }).strict(),
  getDocumentStart: z.object({ id: documentId, paragraphs: z.number().int().min(1).max(DOCUMENT_START_MAX) }).strict(),
  getOriginal: z.object({ id: documentId }).strict(),
  getPdfResource: z.object({ kind: z.enum(PDF_RESOURCE_KINDS), name: z.string().max(64).regex(/^[A-Za-z0-9][A-Za-z0-9_.-]*$/) }).strict(),
};
