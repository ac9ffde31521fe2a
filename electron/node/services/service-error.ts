/** An expected failure with a message for the user; the handler table turns it into a Result. */
export class ServiceError extends Error {
  /** Trying the same call again later may succeed (a full disk, a busy file): callers keep their input and retry. */
  readonly retryable: boolean;

  constructor(
    readonly code: string,
    message: string,
    options: { retryable?: boolean; cause?: unknown } = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.retryable = options.retryable ?? false;
  }
}
