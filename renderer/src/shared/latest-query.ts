import { SUPERSEDED } from '@common/ipc/superseded';
import type { IpcError, Result } from '@common/result';
import { bridgeError } from './data/call-api';

/** What a query-as-you-type view shows: the last settled outcome, and whether a newer one is on its way. */
export type QueryState<T> = {
  /** The query the outcome belongs to ('' when idle). */
  query: string;
  outcome: { status: 'idle' } | { status: 'ready'; value: T } | { status: 'error'; error: IpcError };
  /** A newer query is waiting for its debounce or its answer. */
  pending: boolean;
};

export const IDLE: QueryState<never> = { query: '', outcome: { status: 'idle' }, pending: false };

export type LatestQueryOptions<T> = {
  delayMs: number;
  run: (query: string) => Promise<Result<T>>;
  /** Called with every change of state; never with an answer to a superseded query. */
  onChange: (state: QueryState<T>) => void;
};

export type LatestQuery = {
  /** Asks for `query`; a blank query settles at once to idle without asking anyone. */
  schedule(query: string): void;
  /** Drops whatever is waiting; later answers to earlier queries are ignored. */
  dispose(): void;
};

/**
 * Debounces queries and lets only the newest one settle: every schedule() supersedes the
 * queries before it, whether they are still waiting for the timer or already running.
 */
export function createLatestQuery<T>({ delayMs, run, onChange }: LatestQueryOptions<T>): LatestQuery {
  let generation = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let state: QueryState<T> = IDLE;
  const set = (next: QueryState<T>) => {
    state = next;
    onChange(next);
  };
  const stopTimer = () => {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
  };

  return {
    schedule(query) {
      const mine = ++generation;
      stopTimer();
      if (query.trim() === '') {
        set(IDLE);
        return;
      }
      if (!state.pending) set({ ...state, pending: true });
      timer = setTimeout(() => {
        timer = undefined;
        const settle = (outcome: QueryState<T>['outcome']) => {
          if (mine === generation) set({ query, outcome, pending: false });
        };
        let answer: Promise<Result<T>>;
        try {
          answer = run(query);
        } catch (error) {
          answer = Promise.reject(error);
        }
        answer.then(
          // A newer query from this window took its place in main: its own answer settles.
          (result) => (!result.ok && result.error.code === SUPERSEDED) ? undefined : settle(result.ok ? { status: 'ready', value: result.value } : { status: 'error', error: result.error }),
          (error: unknown) => settle({ status: 'error', error: bridgeError(error) }),
        );
      }, delayMs);
    },
    dispose() {
      generation++;
      stopTimer();
    },
  };
}
