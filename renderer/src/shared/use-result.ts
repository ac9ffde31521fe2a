import { useEffect, useState } from 'react';
import type { IpcError, Result } from '../../../electron/common/result';

export type AsyncState<T> =
  | { status: 'loading' }
  | { status: 'ready'; value: T }
  | { status: 'error'; error: IpcError };

/** Runs an API call when its dependencies change; a newer call supersedes an older one. */
export function useResult<T>(call: () => Promise<Result<T>>, deps: readonly unknown[]): AsyncState<T> {
  const [state, setState] = useState<AsyncState<T>>({ status: 'loading' });
  useEffect(() => {
    let current = true;
    setState({ status: 'loading' });
    call().then(
      (result) => {
        if (!current) return;
        setState(result.ok ? { status: 'ready', value: result.value } : { status: 'error', error: result.error });
      },
      (error: unknown) => {
        if (current) setState({ status: 'error', error: { code: 'bridge', message: String((error as Error)?.message ?? error) } });
      },
    );
    return () => {
      current = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, deps);
  return state;
}
