import type { z } from 'zod';
import type { SEARCH_SCHEMAS } from '../ipc/contract/search-schemas';

/** Search shapes as the renderer and the CLI see them. Offsets count UTF-16 code units. */

/** `limit`: most results to return (default 50), from `offset` (a page of the ordered results). */
export type SearchRequest = z.infer<typeof SEARCH_SCHEMAS.search>;

/** How results are ordered: best first, by title (A–Z), or by the date the document states. */
export const SEARCH_SORTS = ['relevance', 'title', 'date-oldest', 'date-newest'] as const;
export type SearchSort = (typeof SEARCH_SORTS)[number];

/** The fields a search can be limited to (words typed with a field prefix keep theirs). */
export const SEARCH_FILTER_FIELDS = ['title', 'text', 'author', 'source'] as const;
export type SearchFilterField = (typeof SEARCH_FILTER_FIELDS)[number];

/**
 * Filters of a search: `document`, words a document's title, source, author or file name
 * contains; `field`, the field searched; `dateFrom`/`dateTo` (YYYY, YYYY-MM or YYYY-MM-DD,
 * inclusive), the date the document states (documents stating none are then left out).
 */
export type SearchFilters = NonNullable<SearchRequest['filters']>;

/** A span of text, [start, end). */
export type Span = { start: number; end: number };

export type Snippet = {
  text: string;
  /** Where the snippet starts in the document text. */
  offset: number;
  /** Matched words, relative to the snippet text. */
  highlights: Span[];
  /** The printed page of its first match, in a paginated (PDF) document. */
  page?: string;
};

export type SearchResult = {
  id: string;
  title: string;
  source: string;
  author: string;
  /** The date the document states, as it states it ('' when none). */
  date: string;
  score: number;
  /** Number of matched spans in the document. */
  hitCount: number;
  snippets: Snippet[];
};

export type SearchResponse = {
  query: string;
  /** Number of matching documents, filters applied (results may be fewer: limit). */
  total: number;
  /** Position of results[0] among all the results. */
  offset: number;
  tookMs: number;
  results: SearchResult[];
  /** A plain-language note about how the query was handled (e.g. a bounded wildcard). */
  notice?: string;
};

export type FindInDocumentRequest = z.infer<typeof SEARCH_SCHEMAS.findInDocument>;

export type DocumentMatches = {
  id: string;
  /** Every match in the document text, in reading order. */
  matches: Span[];
};
