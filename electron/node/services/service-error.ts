/** An expected failure with a message for the user; the handler table turns it into a Result. */
export class ServiceError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}
