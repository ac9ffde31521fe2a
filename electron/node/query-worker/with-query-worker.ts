import { fail } from '../../common/result';
import type { CorpusStore } from '../corpus/corpus-store';
import type { HandlerTable } from '../ipc/handler-table';
import { ServiceError } from '../services/service-error';
import type { QueryWorker } from './query-worker-client';
import { WORKER_METHODS, type CorpusRef } from './worker-protocol';

/**
 * The handler table with the corpus-reading methods forwarded to the query worker: main only
 * says which corpus is open (or why none is) and passes the call on; the worker checks the
 * argument and answers with the same Result the in-process handler would.
 */
export function withQueryWorker(table: HandlerTable, worker: QueryWorker, openStore: () => CorpusStore): HandlerTable {
  const generations = new WeakMap<CorpusStore, number>();
  let nextGeneration = 1;
  const refOf = (store: CorpusStore): CorpusRef => {
    let generation = generations.get(store);
    if (generation === undefined) generations.set(store, (generation = nextGeneration++));
    return { file: store.file, generation };
  };
  const forwarded: Partial<Record<keyof HandlerTable, HandlerTable[keyof HandlerTable]>> = {};
  for (const method of WORKER_METHODS) {
    forwarded[method] = async (input, caller) => {
      let store: CorpusStore;
      try {
        store = openStore();
      } catch (error) {
        if (error instanceof ServiceError) return fail(error.code, error.message, error.retryable);
        throw error;
      }
      return worker.call(method, input, refOf(store), caller) as never;
    };
  }
  return { ...table, ...forwarded } as HandlerTable;
}
