import type { CorpusInfo, DocumentMeta, DocumentView } from '../corpus/corpus-types';
import type { Result } from '../result';
import type { DocumentMatches, FindInDocumentRequest, SearchRequest, SearchResponse } from '../search/search-types';

/**
 * The one cross-process API. Every method takes at most one plain-data argument and
 * its result crosses IPC as a Result. Main, preload, renderer and tests all derive
 * from this interface; argument schemas live in ipc-schemas.ts.
 */
export interface CarrelServices {
  getCorpusInfo(input: undefined): CorpusInfo;
  listDocuments(input: undefined): DocumentMeta[];
  getDocument(input: { id: string }): DocumentView;
  /** Ranked search; a malformed query fails with code `query-syntax` and a plain-language message. */
  search(input: SearchRequest): SearchResponse;
  /** Every match of a query inside one document, for hit navigation and find-in-document. */
  findInDocument(input: FindInDocumentRequest): DocumentMatches;
}

export type Method = keyof CarrelServices;
export type Input<M extends Method> = Parameters<CarrelServices[M]>[0];
export type Output<M extends Method> = ReturnType<CarrelServices[M]>;

/** Channel names, one per method; `satisfies` keeps this list complete. */
export const CHANNELS = {
  getCorpusInfo: 'carrel:corpus:info',
  listDocuments: 'carrel:corpus:list-documents',
  getDocument: 'carrel:corpus:get-document',
  search: 'carrel:search:query',
  findInDocument: 'carrel:search:find-in-document',
} as const satisfies Record<Method, string>;

export const METHODS = Object.keys(CHANNELS) as Method[];

/** What the preload exposes on `window.carrel`: the same methods, asynchronous, never throwing. */
export type CarrelApi = {
  [M in Method]: Input<M> extends undefined
    ? () => Promise<Result<Output<M>>>
    : (input: Input<M>) => Promise<Result<Output<M>>>;
};

/** Name of the global the preload defines. */
export const API_GLOBAL = 'carrel';
