export type UserStoreErrorCode = 'user-data-newer' | 'user-data-invalid' | 'user-data-unavailable';

/** Why the user database cannot be used, in words fit for the window. */
export class UserStoreOpenError extends Error {
  constructor(
    readonly code: UserStoreErrorCode,
    message: string,
  ) {
    super(message);
  }
}
