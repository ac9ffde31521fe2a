export type UserStoreErrorCode =
  | 'user-data-newer'
  | 'user-data-invalid'
  | 'user-data-unavailable'
  /** Another process (a second Carrel, a command) holds the notes lock: nothing was opened. */
  | 'user-data-in-use'
  /** Encrypted, and no key was given: the app asks for the passphrase. */
  | 'user-data-locked'
  /** Encrypted, and the key does not open it (the file is untouched). */
  | 'user-data-wrong-passphrase';

/** Why the user database cannot be used, in words fit for the window. */
export class UserStoreOpenError extends Error {
  constructor(
    readonly code: UserStoreErrorCode,
    message: string,
  ) {
    super(message);
  }
}
