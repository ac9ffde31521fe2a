import type { z } from 'zod';
import type { DocumentMatches, SearchResponse } from '../../search/search-types';
import type { SEARCH_SCHEMAS } from './search-schemas';
import { featureChannels } from './feature-channels';

type In<M extends keyof typeof SEARCH_SCHEMAS> = z.infer<(typeof SEARCH_SCHEMAS)[M]>;

/** Search of the open corpus. */
export interface SearchContract {
  /** Ranked search; a malformed query fails with code `query-syntax` and a plain-language message. */
  search(input: In<'search'>): SearchResponse;
  /** Every match of a query inside one document, for hit navigation and find-in-document. */
  findInDocument(input: In<'findInDocument'>): DocumentMatches;
}

export const SEARCH_CHANNELS = featureChannels('search', ['search', 'findInDocument']);
