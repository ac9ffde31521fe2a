import { z } from 'zod';
import { LIBRARY_PAGE_MAX } from '../../corpus/library-types';
import { documentId } from './shared-schemas';

const libraryPageLimit = z.number().int().min(1).max(LIBRARY_PAGE_MAX);

/** Arguments of the corpus methods (corpus-contract.ts). */
export const CORPUS_SCHEMAS = {
  getCorpusInfo: z.undefined(),
  listDocuments: z.undefined(),
  listLibraryPage: z.union([
    z.object({ offset: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER), limit: libraryPageLimit }).strict(),
    z.object({ aroundId: documentId, limit: libraryPageLimit }).strict(),
  ]),
  getDocument: z.object({ id: documentId }).strict(),
};
