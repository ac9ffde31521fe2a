export type UserStoreErrorCode =
  | 'user-data-newer'
  /** A SQLite file, but not Carrel's notes database. */
  | 'user-data-invalid'
  /** Cannot be used for another reason (the message says which). */
  | 'user-data-unavailable'
  /** Zero bytes, or a SQLite file without tables while backups exist: never taken for a fresh start. */
  | 'user-data-empty'
  /** No file, while backups of it exist: never taken for a fresh start either. */
  | 'user-data-missing'
  /** Not readable as a database, cut short, or failing SQLite's quick_check. */
  | 'user-data-damaged'
  /** The folder or the file cannot be written (read-only volume, permissions). */
  | 'user-data-read-only'
  /** No room left on the disk that holds the notes. */
  | 'user-data-disk-full'
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
