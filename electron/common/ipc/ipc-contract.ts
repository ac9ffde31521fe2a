import type { CorpusInfo, DocumentMeta, DocumentView } from '../corpus/corpus-types';
import type { Result } from '../result';

/**
 * The one cross-process API. Every method takes at most one plain-data argument and
 * its result crosses IPC as a Result. Main, preload, renderer and tests all derive
 * from this interface; argument schemas live in ipc-schemas.ts.
 */
export interface CarrelServices {
  getCorpusInfo(input: undefined): CorpusInfo;
  listDocuments(input: undefined): DocumentMeta[];
  getDocument(input: { id: string }): DocumentView;
}

export type Method = keyof CarrelServices;
export type Input<M extends Method> = Parameters<CarrelServices[M]>[0];
export type Output<M extends Method> = ReturnType<CarrelServices[M]>;

/** Channel names, one per method; `satisfies` keeps this list complete. */
export const CHANNELS = {
  getCorpusInfo: 'carrel:corpus:info',
  listDocuments: 'carrel:corpus:list-documents',
  getDocument: 'carrel:corpus:get-document',
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
