import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import type { Input, Method, Output } from '@common/ipc/ipc-contract';
import type { IpcError } from '@common/result';
import { ApiError, callApi, ipcErrorOf } from './call-api';

export type ApiQueryKey<M extends Method = Method> = readonly [M, Input<M>];

export const apiQueryKey = <M extends Method>(method: M, input: Input<M>): ApiQueryKey<M> => [method, input];

export type ApiQueryOptions = {
  /** false: do not ask yet (e.g. nothing selected). */
  enabled?: boolean;
  /** Keep showing the last answer while the answer to a new input is on its way (a list whose filters change). */
  keepPrevious?: boolean;
};

/** One answer as a view shows it: asking, the value, or why not (a refetch's failure wins over an older value). */
export type AsyncState<T> = { status: 'loading' } | { status: 'ready'; value: T } | { status: 'error'; error: IpcError };

export type ApiQuery<T> = {
  state: AsyncState<T>;
  /** The latest answer for this input; kept while a refetch runs, and after a refetch fails. */
  value: T | undefined;
  /** Why the latest fetch failed (the view says it; `value` may still hold an earlier answer). */
  error: IpcError | undefined;
  loading: boolean;
  /** An answer is on its way (the first, a new input's while the last is kept, or a refetch). */
  fetching: boolean;
  /** Replaces the cached answer (after a save that returned the new value). */
  setValue: (update: (value: T) => T) => void;
  /** Asks again now (e.g. a save landed while the first answer was on its way). */
  refetch: () => Promise<unknown>;
};

/** One contract method's answer for one input, cached under `[method, input]`. */
export function useApiQuery<M extends Method>(method: M, input: Input<M>, options: ApiQueryOptions = {}): ApiQuery<Output<M>> {
  const client = useQueryClient();
  const queryKey = apiQueryKey(method, input);
  const query = useQuery<Output<M>, Error>({
    queryKey,
    queryFn: async () => {
      const result = await callApi(method, input);
      if (!result.ok) throw new ApiError(result.error);
      return result.value as Output<M>;
    },
    enabled: options.enabled ?? true,
    placeholderData: options.keepPrevious ? keepPreviousData : undefined,
  });
  const serialized = JSON.stringify(queryKey);
  const setValue = useCallback(
    (update: (value: Output<M>) => Output<M>) => client.setQueryData<Output<M>>(JSON.parse(serialized), (old) => (old === undefined ? old : update(old))),
    [client, serialized],
  );
  const error = query.error ? ipcErrorOf(query.error) : undefined;
  const value = query.data;
  return {
    state: error ? { status: 'error', error } : value !== undefined ? { status: 'ready', value } : { status: 'loading' },
    value,
    error,
    loading: query.isPending,
    fetching: query.isFetching,
    setValue,
    refetch: query.refetch,
  };
}
