import { useCallback, useEffect, useState } from 'react';
import type { IpcError, Result } from '../../../electron/common/result';

export type LiveResult<T> = {
  /** The latest value for this identity; kept while a refetch runs so the view does not flicker. */
  value: T | undefined;
  error: IpcError | undefined;
  /** Replaces the value locally (after a save that returned the new value). */
  setValue: (update: (value: T) => T) => void;
};

type State<T> = { identity: string; value?: T; error?: IpcError };

/**
 * Like useResult, for lists that refetch often (after every create, delete, undo). `identity`
 * names what is listed (e.g. a document id): a value of another identity is never shown, but
 * a refetch of the same one keeps the old value until the new one arrives.
 */
export function useLiveResult<T>(identity: string, call: () => Promise<Result<T>>, deps: readonly unknown[]): LiveResult<T> {
  const [state, setState] = useState<State<T>>({ identity: '' });
  useEffect(() => {
    let current = true;
    const settle = (next: (old: State<T>) => State<T>) => {
      if (current) setState(next);
    };
    call().then(
      (result) =>
        settle((old) => (result.ok ? { identity, value: result.value } : { identity, value: old.identity === identity ? old.value : undefined, error: result.error })),
      (error: unknown) => settle(() => ({ identity, error: { code: 'bridge', message: String((error as Error)?.message ?? error) } })),
    );
    return () => {
      current = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [identity, ...deps]);
  const setValue = useCallback(
    (update: (value: T) => T) => setState((old) => (old.value === undefined ? old : { ...old, value: update(old.value) })),
    [],
  );
  const mine = state.identity === identity;
  return { value: mine ? state.value : undefined, error: mine ? state.error : undefined, setValue };
}
