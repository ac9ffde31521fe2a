import { useEffect, useRef, useState } from 'react';
import type { Result } from '@common/result';
import { createLatestQuery, IDLE, type LatestQuery, type QueryState } from './latest-query';

/**
 * Runs `run(query)` as the query changes, debounced; an answer is shown only while its query
 * is still the newest one. `run` may change between renders; the latest one is used.
 */
export function useLatestQuery<T>(query: string, run: (query: string) => Promise<Result<T>>, delayMs = 120): QueryState<T> {
  const [state, setState] = useState<QueryState<T>>(IDLE);
  const runRef = useRef(run);
  const schedulerRef = useRef<LatestQuery | null>(null);

  useEffect(() => {
    runRef.current = run;
  }, [run]);

  useEffect(() => {
    const scheduler = createLatestQuery<T>({ delayMs, run: (q) => runRef.current(q), onChange: setState });
    schedulerRef.current = scheduler;
    return () => scheduler.dispose();
  }, [delayMs]);

  useEffect(() => {
    schedulerRef.current?.schedule(query);
  }, [query, delayMs]);

  return state;
}
