import { backupDir } from '../../user-store/backup';
import { ServiceError } from '../service-error';

/**
 * What went wrong with the notes database, by cause. Every code is stable (the window and the
 * tests rely on it); `retryable` says whether the same call may work later without the user
 * restarting Carrel, so the window keeps the text and tries again by itself.
 */
export const STORAGE_FAILURES = {
  'user-data-disk-full': { retryable: true },
  'user-data-in-use': { retryable: true },
  'user-data-io-error': { retryable: true },
  'user-data-unreachable': { retryable: true },
  'user-data-read-only': { retryable: false },
  'user-data-damaged': { retryable: false },
  'user-data-changed-elsewhere': { retryable: false },
  'user-data-replaced': { retryable: false },
} as const;

export type StorageFailure = keyof typeof STORAGE_FAILURES;

/** Whether the failed call was saving something (a change is lost) or only reading. */
export type StorageAccess = 'write' | 'read';

/** The failure class of a SQLite result code (better-sqlite3's `code`, extended codes included) or a Node errno code. */
export function storageFailureOf(code: string): StorageFailure | undefined {
  if (code === 'SQLITE_READONLY_DBMOVED') return 'user-data-replaced';
  if (code === 'SQLITE_FULL' || code === 'ENOSPC' || code === 'EDQUOT') return 'user-data-disk-full';
  if (/^SQLITE_(READONLY|PERM|AUTH)(_|$)/.test(code) || code === 'EROFS' || code === 'EACCES' || code === 'EPERM') return 'user-data-read-only';
  if (/^SQLITE_CORRUPT(_|$)/.test(code)) return 'user-data-damaged';
  if (code === 'SQLITE_NOTADB') return 'user-data-changed-elsewhere';
  if (/^SQLITE_(BUSY|LOCKED)(_|$)/.test(code)) return 'user-data-in-use';
  if (/^SQLITE_CANTOPEN(_|$)/.test(code) || code === 'ENOENT') return 'user-data-unreachable';
  if (/^SQLITE_IOERR(_|$)/.test(code) || code === 'EIO') return 'user-data-io-error';
  return undefined;
}

const NOT_SAVED = { write: 'your last change was not saved', read: 'your notes could not be read' } as const;

function describe(failure: StorageFailure, access: StorageAccess, file: string | undefined): string {
  const lost = NOT_SAVED[access];
  const where = file ? ` (${file})` : '';
  // What to do next; after a failed save, first keep the text that is still in the window.
  const next = (todo: string) => (access === 'write' ? ` Copy any text you need to keep, then ${todo}` : ` ${todo[0]!.toUpperCase()}${todo.slice(1)}`);
  switch (failure) {
    case 'user-data-disk-full':
      return `The disk is full: ${lost}. Free some space; Carrel will try again.`;
    case 'user-data-in-use':
      return `Your notes database is in use by another program: ${lost} yet. Carrel will try again; if this goes on, close other programs or Carrel windows that have it open.`;
    case 'user-data-io-error':
      return `The disk reported an error: ${lost}. Carrel will try again; if this goes on, check the disk or its connection.`;
    case 'user-data-unreachable':
      return `Your notes database${where} cannot be reached (its folder or drive may be gone): ${lost}. Carrel will try again when it is back.`;
    case 'user-data-read-only':
      return `Your notes database${where} is read-only: ${lost}.${next('make the file and its folder writable and restart Carrel.')}`;
    case 'user-data-damaged':
      return `Your notes database${where} is damaged (SQLite found a broken page): ${lost}.${next(`close Carrel; copies made earlier are in ${file ? backupDir(file) : 'the backups folder beside it'}.`)}`;
    case 'user-data-changed-elsewhere':
      return `Your notes database${where} was changed by another program (for example another Carrel window that encrypted it), so this window can no longer use it: ${lost}.${next('close Carrel and open it again.')}`;
    case 'user-data-replaced':
      return `Your notes database${where} was moved, deleted or replaced by another program (for example another Carrel window that encrypted it), so this window can no longer use it: ${lost}.${next('close Carrel and open it again.')}`;
  }
}

/** The ServiceError for a failure class, with the message in plain words and the retry flag. */
export function storageError(failure: StorageFailure, access: StorageAccess, file: string | undefined, detail?: string, cause?: unknown): ServiceError {
  const message = describe(failure, access, file) + (detail ? ` (${detail})` : '');
  return new ServiceError(failure, message, { retryable: STORAGE_FAILURES[failure].retryable, cause });
}

/**
 * A SQLite or file-system error from the notes database as a ServiceError (the SQLite code is
 * kept at the end of the message, for support); anything else is returned unchanged.
 */
export function classifyStorageError(error: unknown, access: StorageAccess, file: string | undefined): unknown {
  if (error instanceof ServiceError || !(error instanceof Error)) return error;
  const code = (error as { code?: unknown }).code;
  if (typeof code !== 'string') return error;
  const failure = storageFailureOf(code);
  return failure ? storageError(failure, access, file, code, error) : error;
}
