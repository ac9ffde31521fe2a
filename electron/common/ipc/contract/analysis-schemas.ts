import { z } from 'zod';
import { CONCORDANCE_SORTS, WORD_LIST_SORTS } from '../../analysis/analysis-types';
import { REPEATED_SORTS } from '../../analysis/repeated-types';
import { documentId, query } from './shared-schemas';

/** `n`: words per entry (default 1); `documentIds`: the documents counted (default: all). */
const wordListInput = z
  .object({
    n: z.number().int().min(1).max(3).optional(),
    documentIds: z.array(documentId).max(1000).optional(),
    hideStopWords: z.boolean().optional(),
    sort: z.enum(WORD_LIST_SORTS).optional(),
  })
  .strict();

/** Arguments of the corpus-analysis methods (analysis-contract.ts). */
export const ANALYSIS_SCHEMAS = {
  /** `width`: words of context on each side (default 8); a page of `limit` lines from `offset`. */
  concordance: z
    .object({
      query: query,
      width: z.number().int().min(1).max(20).optional(),
      sort: z.enum(CONCORDANCE_SORTS).optional(),
      documentId: documentId.optional(),
      offset: z.number().int().min(0).max(1_000_000).optional(),
      limit: z.number().int().min(1).max(1000).optional(),
    })
    .strict(),
  /** `window`: words on each side (default 5); `minCount`: fewest co-occurrences listed (default 2). */
  collocates: z
    .object({
      query: query,
      window: z.number().int().min(1).max(10).optional(),
      hideStopWords: z.boolean().optional(),
      minCount: z.number().int().min(1).max(1000).optional(),
      limit: z.number().int().min(1).max(1000).optional(),
    })
    .strict(),
  /** The whole concordance (sorted and filtered as shown) to a CSV file chosen in a save dialog. */
  exportConcordanceCsv: z
    .object({ query: query, width: z.number().int().min(1).max(20).optional(), sort: z.enum(CONCORDANCE_SORTS).optional(), documentId: documentId.optional() })
    .strict(),
  wordList: wordListInput,
  wordListProgress: z.undefined(),
  cancelWordList: z.undefined(),
  exportWordListCsv: wordListInput,
  /** A term's occurrences per document and per period. */
  distribution: z.object({ query: query }).strict(),
  /** `limit`: documents listed (default 8). */
  relatedDocuments: z.object({ documentId: documentId, limit: z.number().int().min(1).max(50).optional() }).strict(),
  /** `minWords`: shortest passage listed (the build finds passages of 8 words and more); a page of `limit` groups from `offset`. */
  repeatedPassages: z
    .object({
      minWords: z.number().int().min(1).max(10_000).optional(),
      offset: z.number().int().min(0).max(10_000_000).optional(),
      limit: z.number().int().min(1).max(500).optional(),
      sort: z.enum(REPEATED_SORTS).optional(),
    })
    .strict(),
  documentRepeats: z.object({ documentId: documentId }).strict(),
  /** `paragraph`: 1-based, as documentRepeats numbers them. */
  paragraphElsewhere: z.object({ documentId: documentId, paragraph: z.number().int().min(1).max(100_000_000) }).strict(),
};
