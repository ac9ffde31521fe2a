/** What crosses IPC: handlers never throw across the boundary, they return one of these. */
export type IpcError = {
  /** Stable machine-readable code, e.g. `invalid-argument`, `corpus-unavailable`. */
  code: string;
  /** Plain-language message fit to show the user. */
  message: string;
};

export type Result<T> = { ok: true; value: T } | { ok: false; error: IpcError };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = (code: string, message: string): Result<never> => ({
  ok: false,
  error: { code, message },
});
