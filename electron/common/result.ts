/** What crosses IPC: handlers never throw across the boundary, they return one of these. */
export type IpcError = {
  /** Stable machine-readable code, e.g. `invalid-argument`, `corpus-unavailable`. */
  code: string;
  /** Plain-language message fit to show the user. */
  message: string;
  /** Present (true) when the same call may succeed if tried again later: the caller should keep its input and retry. */
  retryable?: true;
};

export type Result<T> = { ok: true; value: T } | { ok: false; error: IpcError };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = (code: string, message: string, retryable = false): Result<never> => ({
  ok: false,
  error: retryable ? { code, message, retryable: true } : { code, message },
});
