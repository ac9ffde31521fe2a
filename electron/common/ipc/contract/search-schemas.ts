import { z } from 'zod';
import { SEARCH_FILTER_FIELDS, SEARCH_SORTS } from '../../search/search-types';
import { documentId, query } from './shared-schemas';

/** YYYY, YYYY-MM or YYYY-MM-DD. */
const datePrefix = z.string().regex(/^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/, 'Dates are written YYYY, YYYY-MM or YYYY-MM-DD');

const searchFilters = z
  .object({
    document: z.string().max(200).optional(),
    field: z.enum(SEARCH_FILTER_FIELDS).optional(),
    dateFrom: datePrefix.optional(),
    dateTo: datePrefix.optional(),
  })
  .strict();

/** Arguments of the search methods (search-contract.ts). */
export const SEARCH_SCHEMAS = {
  /** `limit`: most results to return (default 50), from `offset`; `filters` and `sort`: search-types.ts. */
  search: z
    .object({
      query: query,
      limit: z.number().int().min(1).max(500).optional(),
      offset: z.number().int().min(0).max(1_000_000).optional(),
      filters: searchFilters.optional(),
      sort: z.enum(SEARCH_SORTS).optional(),
    })
    .strict(),
  findInDocument: z.object({ id: documentId, query: query }).strict(),
};
