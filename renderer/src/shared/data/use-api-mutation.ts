import { useMutation, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useCallback, useMemo, useState } from 'react';
import type { Input, Method, Output } from '@common/ipc/ipc-contract';
import type { IpcError, Result } from '@common/result';
import { ApiError, callApi, ipcErrorOf } from './call-api';
import { useReportError } from './error-reporter';

/** What a change makes stale: every query of a method, or one `[method, input]` key. */
export type Invalidation = Method | readonly [Method, unknown];

export type ApiMutationOptions = {
  /** Queries to fetch again after a success. */
  invalidates?: readonly Invalidation[];
  /** How a failure starts, said to the user: "The note was not deleted". */
  failure: string;
  /**
   * 'inline': the view shows `error` where the action was (and must render it);
   * 'toast' (default): the failure goes to the app's toast area.
   */
  report?: 'inline' | 'toast';
};

export type ApiMutation<M extends Method> = {
  /** Runs the call; resolves to its Result (never rejects). A failure has already been reported. */
  run: (input: Input<M>) => Promise<Result<Output<M>>>;
  /** The failure text to show inline (report: 'inline'), until the next success or clear(). */
  error: string | null;
  clear: () => void;
  /** The failure text of a Result `run` returned (null for a success), for a view that shows several actions' failures in one place. */
  failed: (result: Result<unknown>) => string | null;
  pending: boolean;
};

export function invalidate(client: QueryClient, targets: readonly Invalidation[]): Promise<void> {
  return Promise.all(targets.map((target) => client.invalidateQueries({ queryKey: typeof target === 'string' ? [target] : [...target] }))).then(() => undefined);
}

export const failureText = (failure: string, error: IpcError) => `${failure}: ${error.message}`;

/** One contract method that changes something: names what it makes stale, and where its failure is said. */
export function useApiMutation<M extends Method>(method: M, { invalidates = [], failure, report = 'toast' }: ApiMutationOptions): ApiMutation<M> {
  const client = useQueryClient();
  const reportError = useReportError();
  const [error, setError] = useState<string | null>(null);
  const mutation = useMutation({
    mutationFn: async (input: Input<M>) => {
      const result = await callApi(method, input);
      if (!result.ok) throw new ApiError(result.error);
      return result.value;
    },
  });
  const { mutateAsync } = mutation;
  const key = invalidates.map((target) => JSON.stringify(target)).join();
  const run = useCallback(
    async (input: Input<M>): Promise<Result<Output<M>>> => {
      try {
        const value = await mutateAsync(input);
        setError(null);
        void invalidate(client, invalidates);
        return { ok: true, value };
      } catch (thrown) {
        const ipc = ipcErrorOf(thrown);
        const text = failureText(failure, ipc);
        if (report === 'inline') setError(text);
        else reportError(text);
        return { ok: false, error: ipc };
      }
    },
    // `invalidates` is compared by content (`key`), so an inline array does not make a new `run` each render.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [mutateAsync, client, key, failure, report, reportError],
  );
  const clear = useCallback(() => setError(null), []);
  const failed = useCallback((result: Result<unknown>) => (result.ok ? null : failureText(failure, result.error)), [failure]);
  const pending = mutation.isPending;
  return useMemo(() => ({ run, error, clear, failed, pending }), [run, error, clear, failed, pending]);
}
