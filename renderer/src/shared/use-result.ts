import { useEffect, useState } from 'react';
import type { IpcError, Result } from '../../../electron/common/result';

export type AsyncState<T> =
  | { status: 'loading' }
  | { status: 'ready'; value: T }
  | { status: 'error'; error: IpcError };

const LOADING = { status: 'loading' } as const;

function sameDeps(a: readonly unknown[], b: readonly unknown[]): boolean {
  return a.length === b.length && a.every((value, i) => Object.is(value, b[i]));
}

/**
 * Runs an API call when its dependencies change. A newer call supersedes an older one,
 * and a settled result is shown only while it still belongs to the current dependencies.
 */
export function useResult<T>(call: () => Promise<Result<T>>, deps: readonly unknown[]): AsyncState<T> {
  const [settled, setSettled] = useState<{ deps: readonly unknown[]; state: AsyncState<T> }>();
  useEffect(() => {
    let current = true;
    const settle = (state: AsyncState<T>) => {
      if (current) setSettled({ deps, state });
    };
    call().then(
      (result) => settle(result.ok ? { status: 'ready', value: result.value } : { status: 'error', error: result.error }),
      (error: unknown) => settle({ status: 'error', error: { code: 'bridge', message: String((error as Error)?.message ?? error) } }),
    );
    return () => {
      current = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, deps);
  return settled && sameDeps(settled.deps, deps) ? settled.state : LOADING;
}
