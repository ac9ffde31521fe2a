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
  /**
   * Ask at once for a query that follows a pause (the box was idle for delayMs), and debounce
   * only the changes that follow it within delayMs: the first keystroke or a pasted query is
   * answered without waiting, and each newer query still supersedes the ones before it.
   */
  leading?: boolean;
  run: (query: string) => Promise<Result<T>>;
  /** Called with every change of state; never with an answer to a superseded query. */
  onChange: (state: QueryState<T>) => void;
};

export type LatestQuery = {
  /** Asks for `query`; a blank query settles at once to idle without asking anyone. */
  schedule(query: string): void;
  /** Asks at once for the query waiting for its debounce, if any (Enter in a search field). */
  flush(): void;
  /** Drops whatever is waiting; later answers to earlier queries are ignored. */
  dispose(): void;
};

/**
 * Debounces queries and lets only the newest one settle: every schedule() supersedes the
 * queries before it, whether they are still waiting for the timer or already running.
 */
export function createLatestQuery<T>({ delayMs, leading = false, run, onChange }: LatestQueryOptions<T>): LatestQuery {
  let generation = 0;
  // Either the debounce of a waiting query (`waiting` is set) or, after a query was asked for,
  // the quiet window in which a further change is debounced rather than asked for at once.
  let timer: ReturnType<typeof setTimeout> | undefined;
  let waiting: (() => void) | undefined;
  let state: QueryState<T> = IDLE;
  const set = (next: QueryState<T>) => {
    state = next;
    onChange(next);
  };
  const stopTimer = () => {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
    waiting = undefined;
  };
  const quietWindow = () => {
    timer = setTimeout(() => {
      timer = undefined;
    }, delayMs);
  };

  const ask = (query: string, mine: number) => {
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
  };

  return {
    schedule(query) {
      const mine = ++generation;
      // A change within delayMs of the one before (or of a query asked for) is still typing.
      const typing = timer !== undefined;
      stopTimer();
      if (query.trim() === '') {
        set(IDLE);
        return;
      }
      if (!state.pending) set({ ...state, pending: true });
      if (leading && !typing) {
        ask(query, mine);
        quietWindow();
        return;
      }
      waiting = () => ask(query, mine);
      timer = setTimeout(() => {
        const go = waiting!;
        timer = undefined;
        waiting = undefined;
        go();
      }, delayMs);
    },
    flush() {
      const go = waiting;
      if (!go) return;
      stopTimer();
      go();
      quietWindow();
    },
    dispose() {
      generation++;
      stopTimer();
    },
  };
}
