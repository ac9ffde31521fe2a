import { z } from 'zod';
import { documentId, query } from './shared-schemas';

/** Arguments of the search methods (search-contract.ts). */
export const SEARCH_SCHEMAS = {
  /** `limit`: most results to return (default 50). */
  search: z.object({ query: query, limit: z.number().int().min(1).max(500).optional() }).strict(),
  findInDocument: z.object({ id: documentId, query: query }).strict(),
};
