import type { Input, Method, Output } from '@common/ipc/ipc-contract';
import type { IpcError, Result } from '@common/result';
import { api } from '../api';

/** A call that never reached its service (the bridge is missing or threw): said once, here, for every caller. */
export function bridgeError(error: unknown): IpcError {
  return { code: 'bridge', message: error instanceof Error ? error.message : String(error) };
}

/** Calls one contract method; a rejected or throwing call becomes a failed Result, never an exception. */
export async function callApi<M extends Method>(method: M, input: Input<M>): Promise<Result<Output<M>>> {
  try {
    const call = api()[method] as (input: Input<M>) => Promise<Result<Output<M>>>;
    return await call(input);
  } catch (error) {
    return { ok: false, error: bridgeError(error) };
  }
}

/** What a query or mutation throws inside TanStack Query: the service's own IpcError, kept whole. */
export class ApiError extends Error {
  constructor(readonly error: IpcError) {
    super(error.message);
    this.name = 'ApiError';
  }
}

/** The IpcError of anything a query or mutation failed with. */
export function ipcErrorOf(error: unknown): IpcError {
  return error instanceof ApiError ? error.error : bridgeError(error);
}
