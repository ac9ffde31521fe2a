import type { z } from 'zod';
import type { SEARCH_SCHEMAS } from '../ipc/contract/search-schemas';

/** Search shapes as the renderer and the CLI see them. Offsets count UTF-16 code units. */

/** `limit`: most results to return (default 50). */
export type SearchRequest = z.infer<typeof SEARCH_SCHEMAS.search>;

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
  score: number;
  /** Number of matched spans in the document. */
  hitCount: number;
  snippets: Snippet[];
};

export type SearchResponse = {
  query: string;
  /** Number of matching documents (results may be fewer: limit). */
  total: number;
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
