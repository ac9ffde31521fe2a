import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openCipherDatabase, type CipherDb } from '../sqlite/open-cipher-database';
import { openFailure } from './open-failure';
import { UserStoreOpenError } from './user-store-error';
import { isProcessRunning } from '../files/process-running';

/**
 * One writer per notes database, across processes: the Carrel app, the command line, anything
 * else that opens it through the services.
 *
 * The lock is SQLite's own: `<db>.lock` is a tiny, empty SQLite file on which the holder keeps a
 * write transaction open (BEGIN IMMEDIATE = a RESERVED lock, an fcntl lock on Unix, LockFileEx on
 * Windows). The operating system drops it when the process ends in any way, SIGKILL and power cut
 * included, so a crash can never leave a lock that blocks: there is nothing stale to detect.
 * A pid file was the alternative; it needs a liveness check that pid reuse defeats (after a crash
 * another program may get the same pid and the lock looks held forever), means nothing across
 * machines sharing a folder, and taking over a stale one races between two starting programs.
 *
 * Contracts that keep the lock sound:
 * - The lock file is never deleted (a process could be opening the old one while another creates a
 *   new one, and both would think they hold it) and never opened by anything but this module: on
 *   Unix, closing ANY descriptor of a file drops every fcntl lock this process holds on it.
 * - Within one process the lock is shared (counted): the Carrel app and tests may open the
 *   store more than once; between processes it excludes.
 * - Who holds it is written beside it, in `<db>.lock-holder` (JSON: program, pid, host, since),
 *   only for the refusal message: the holder's transaction keeps anyone from writing into the
 *   lock database itself. The journal is kept in memory, so no `-journal` file is ever left.
 */
export type NotesLock = {
  readonly file: string;
  /** Gives the lock back (the last holder in this process closes the lock database). Idempotent. */
  release(): void;
};

export type LockHolder = { program: string; pid: number; host: string; since: string };

export type AcquireOptions = {
  /** better-sqlite3-multiple-ciphers' native module for another runtime (Electron). */
  nativeBinding?: string;
  /** How long to wait for a holder that is about to let go (a Carrel closing) before refusing. */
  waitMs?: number;
  /** Who is asking, for the message another process gets while this one holds the lock. */
  program?: string;
  now?: () => Date;
};

export const DEFAULT_LOCK_WAIT_MS = 2000;

export const lockFileOf = (dbFile: string): string => `${dbFile}.lock`;
export const lockHolderFileOf = (dbFile: string): string => `${dbFile}.lock-holder`;

type Held = { db: CipherDb; count: number; holderFile: string };
const held = new Map<string, Held>();

/** The name this process goes by in another's refusal message. */
export function currentProgram(): string {
  return process.versions.electron ? 'the Carrel app' : 'a Carrel command';
}

/**
 * Takes the lock of the notes database `dbFile`, or throws the UserStoreOpenError
 * `user-data-in-use` (another process holds it: who, since when, and what to do) or
 * `user-data-unavailable` (the lock file cannot be created: the reason in words).
 */
export function acquireNotesLock(dbFile: string, options: AcquireOptions = {}): NotesLock {
  // A read-only, forbidden or full folder is said as opening the notes would say it (open-failure.ts).
  const cannotCreate = (error: unknown, stage: 'folder' | 'file') => {
    const failure = openFailure(error, dbFile, stage);
    if (failure.code !== 'user-data-unavailable') return failure;
    return new UserStoreOpenError('user-data-unavailable', `Carrel cannot create ${lockFileOf(dbFile)}, which keeps two programs from writing your notes at once: ${reason(error)}. Your notes were not opened; make that folder writable (or free some space), then start Carrel again.`);
  };
  try {
    fs.mkdirSync(path.dirname(path.resolve(dbFile)), { recursive: true });
  } catch (error) {
    throw cannotCreate(error, 'folder');
  }
  const lockFile = canonical(lockFileOf(dbFile));
  const already = held.get(lockFile);
  if (already) {
    already.count++;
    return handle(lockFile, already);
  }
  // Created (or checked) with fs first: SQLite only says "unable to open" where errno says why.
  // Safe because this process holds no lock on the file yet (see the contract above).
  try {
    fs.closeSync(fs.openSync(lockFile, 'a', 0o600));
  } catch (error) {
    throw cannotCreate(error, 'file');
  }
  let db: CipherDb | undefined;
  try {
    db = openCipherDatabase(lockFile, { nativeBinding: options.nativeBinding });
    db.pragma('journal_mode = MEMORY');
    db.pragma(`busy_timeout = ${Math.max(0, Math.round(options.waitMs ?? DEFAULT_LOCK_WAIT_MS))}`);
    db.exec('BEGIN IMMEDIATE');
  } catch (error) {
    db?.close();
    const code = (error as { code?: string }).code;
    if (code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED') throw inUse(dbFile);
    throw new UserStoreOpenError(
      'user-data-unavailable',
      `Carrel cannot use ${lockFile}, which keeps two programs from writing your notes at once (${(error as Error).message}). If no Carrel is running, delete that file and try again.`,
    );
  }
  const entry: Held = { db, count: 1, holderFile: lockHolderFileOf(dbFile) };
  held.set(lockFile, entry);
  const holder: LockHolder = {
    program: options.program ?? currentProgram(),
    pid: process.pid,
    host: os.hostname(),
    since: (options.now ?? (() => new Date()))().toISOString(),
  };
  try {
    fs.writeFileSync(entry.holderFile, `${JSON.stringify(holder)}\n`, { mode: 0o600 });
  } catch {
    // Only the wording of another process's refusal depends on it; the lock itself is held.
  }
  return handle(lockFile, entry);
}

function handle(lockFile: string, entry: Held): NotesLock {
  let released = false;
  return {
    file: lockFile,
    release() {
      if (released) return;
      released = true;
      if (--entry.count > 0) return;
      held.delete(lockFile);
      fs.rmSync(entry.holderFile, { force: true });
      // Closing ends the transaction and its lock; the empty lock file stays (see the contract).
      entry.db.close();
    },
  };
}

/** Who holds the lock, as its holder wrote it; undefined when unknown or evidently stale. */
export function readLockHolder(dbFile: string): LockHolder | undefined {
  try {
    const holder = JSON.parse(fs.readFileSync(lockHolderFileOf(dbFile), 'utf8')) as Partial<LockHolder>;
    if (typeof holder.pid !== 'number' || typeof holder.since !== 'string' || typeof holder.program !== 'string' || typeof holder.host !== 'string') {
      return undefined;
    }
    // A holder that crashed before writing left the previous one's record: not it.
    if (holder.host === os.hostname() && !isProcessRunning(holder.pid)) return undefined;
    return holder as LockHolder;
  } catch {
    return undefined;
  }
}

function inUse(dbFile: string): UserStoreOpenError {
  const holder = readLockHolder(dbFile);
  const who = holder
    ? `${holder.program} (process ${holder.pid}${holder.host === os.hostname() ? '' : ` on ${holder.host}`}, since ${new Date(holder.since).toLocaleString()})`
    : 'another Carrel program';
  return new UserStoreOpenError(
    'user-data-in-use',
    `Your notes database ${dbFile} is open in ${who}. Only one program may write it at a time, so this one leaves it untouched. Close the other Carrel (or wait for its command to finish), then try again.`,
  );
}


/** The same file by the same key, however it was named (a symlinked folder, a relative path). */
function canonical(file: string): string {
  const absolute = path.resolve(file);
  try {
    return path.join(fs.realpathSync(path.dirname(absolute)), path.basename(absolute));
  } catch {
    return absolute;
  }
}

function reason(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'EACCES' || code === 'EPERM') return 'the folder cannot be written (permission denied)';
  if (code === 'EROFS') return 'the disk is read-only';
  if (code === 'ENOSPC') return 'the disk is full';
  if (code === 'ENOTDIR' || code === 'EISDIR' || code === 'EEXIST') return `a file or folder is in the way (${(error as Error).message})`;
  return (error as Error).message;
}
