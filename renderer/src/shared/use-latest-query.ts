import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { Result } from '@common/result';
import { createLatestQuery, IDLE, type LatestQuery, type QueryState } from './latest-query';

export type LatestQueryHandle<T> = QueryState<T> & {
  /** Asks at once for the query waiting for its debounce (Enter): stable across renders. */
  flush(): void;
};

/**
 * Runs `run(query)` as the query changes, debounced; an answer is shown only while its query
 * is still the newest one. `run` may change between renders; the latest one is used.
 * `leading`: a query typed into an idle field is asked for at once (see createLatestQuery).
 */
export function useLatestQuery<T>(query: string, run: (query: string) => Promise<Result<T>>, delayMs = 120, leading = false): LatestQueryHandle<T> {
  const [state, setState] = useState<QueryState<T>>(IDLE);
  const runRef = useRef(run);
  const schedulerRef = useRef<LatestQuery | null>(null);

  useEffect(() => {
    runRef.current = run;
  }, [run]);

  useEffect(() => {
    const scheduler = createLatestQuery<T>({ delayMs, leading, run: (q) => runRef.current(q), onChange: setState });
    schedulerRef.current = scheduler;
    return () => scheduler.dispose();
  }, [delayMs, leading]);

  useEffect(() => {
    schedulerRef.current?.schedule(query);
  }, [query, delayMs, leading]);

  const flush = useCallback(() => schedulerRef.current?.flush(), []);
  // One object per state: callers may depend on it in effects.
  return useMemo(() => ({ ...state, flush }), [state, flush]);
}
