import { z } from 'zod';
import { CONCORDANCE_SORTS } from '../../analysis/analysis-types';
import { documentId, query } from './shared-schemas';

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
};
