import fs from 'node:fs';
import path from 'node:path';
import { openCipherDatabase } from '../sqlite/open-cipher-database';
import { protectBackups, setAsideCopy } from './backup';
import { inspectFile } from './encryption/file-kind';
import { USER_SCHEMA_VERSION } from './migrations';
import { flushFile, flushFolder, listAllBackups, nonEmptyWal, removeDatabaseFiles, type BackupFile } from './notes-files';
import { USER_APPLICATION_ID } from './open-user-store';

export type BackupCheck = {
  encryption: 'plain' | 'encrypted' | 'damaged' | 'empty';
  /** true: usable; false: not (see problem); null: encrypted, checkable only with its key. */
  usable: boolean | null;
  problem?: string;
  contents?: { highlights: number; notes: number; bookmarks: number };
};

/** Why a backup was not restored, in words fit for the window. */
export class BackupRefusedError extends Error {
  constructor(
    readonly code: 'backup-not-found' | 'backup-unusable' | 'restore-failed',
    message: string,
  ) {
    super(message);
  }
}

export type CheckOptions = { nativeBinding?: string; latest?: number };

/**
 * Whether a copy of the notes database can be used, read-only: a plain one must open, carry
 * Carrel's application_id and a schema this version knows, hold the notes tables and pass
 * SQLite's quick_check; an encrypted one can only be recognised (whole pages, the encrypted
 * header), not opened, without its key.
 */
export function checkBackup(target: string, options: CheckOptions = {}): BackupCheck {
  const latest = options.latest ?? USER_SCHEMA_VERSION;
  const inspection = inspectFile(target);
  if (inspection.kind === 'missing') return { encryption: 'damaged', usable: false, problem: 'It is no longer there.' };
  if (inspection.kind === 'empty') return { encryption: 'empty', usable: false, problem: 'It is empty (0 bytes).' };
  if (inspection.kind === 'damaged') return { encryption: 'damaged', usable: false, problem: `It is damaged: ${inspection.reason}.` };
  if (inspection.kind === 'encrypted') return { encryption: 'encrypted', usable: null };
  let db;
  try {
    db = openCipherDatabase(target, { readonly: true, fileMustExist: true, nativeBinding: options.nativeBinding });
  } catch (error) {
    return { encryption: 'damaged', usable: false, problem: `It cannot be opened (${(error as Error).message}).` };
  }
  try {
    const applicationId = db.pragma('application_id', { simple: true }) as number;
    const version = db.pragma('user_version', { simple: true }) as number;
    if (applicationId !== USER_APPLICATION_ID) return { encryption: 'plain', usable: false, problem: 'It is not a Carrel notes database.' };
    if (version > latest) return { encryption: 'plain', usable: false, problem: `It was written by a newer Carrel (schema ${version}; this version knows ${latest}).` };
    const check = db.pragma('quick_check(1)', { simple: true }) as string;
    if (check !== 'ok') return { encryption: 'plain', usable: false, problem: `It is damaged (SQLite's check found “${check}”).` };
    const live = (table: string) => db.prepare(`SELECT count(*) FROM ${table} WHERE deleted_at IS NULL`).pluck().get() as number;
    return { encryption: 'plain', usable: true, contents: { highlights: live('highlights'), notes: live('document_notes'), bookmarks: live('bookmarks') } };
  } catch (error) {
    return { encryption: 'plain', usable: false, problem: `It cannot be read (${(error as Error).message}).` };
  } finally {
    db.close();
  }
}

export type RestoreOptions = CheckOptions & { now: Date };

export type RestoreOutcome = {
  backup: BackupFile;
  /** The notes file as it was before, kept in backups/ (none if there was no file). */
  setAside: string | undefined;
  encrypted: boolean;
};

/**
 * Puts the backup `name` (one of listAllBackups) in place of the CLOSED notes database `file`,
 * never deleting the only copy of anything: the file as it is (with its -wal) is first kept in
 * backups/ as a set-aside copy; the backup is copied beside the file as `<file>.restoring`,
 * checked like the backup, flushed, and renamed over the file only then. A crash at any step
 * leaves the old file or the restored one under the name (and the set-aside copy either way);
 * the temporary is removed at the next start.
 */
export function restoreBackup(file: string, name: string, options: RestoreOptions): RestoreOutcome {
  const backup = listAllBackups(file).find((candidate) => candidate.name === name);
  if (!backup) throw new BackupRefusedError('backup-not-found', `There is no backup named ${name} in ${path.join(path.dirname(file), 'backups')} any more.`);
  const check = checkBackup(backup.path, options);
  if (check.usable === false) throw new BackupRefusedError('backup-unusable', `That backup cannot be restored. ${check.problem}`);
  const encrypted = check.encryption === 'encrypted';
  if (encrypted && nonEmptyWal(backup.path)) {
    throw new BackupRefusedError('backup-unusable', 'That backup is encrypted and has unsaved changes beside it (a -wal file); it can be restored only after it was opened with its passphrase.');
  }
  const partial = `${file}.restoring`;
  removeDatabaseFiles(partial);
  try {
    if (encrypted) {
      fs.copyFileSync(backup.path, partial);
      if (inspectFile(partial).kind !== 'encrypted' || fs.statSync(partial).size !== fs.statSync(backup.path).size) {
        throw new Error('the copy of the encrypted backup is not whole');
      }
    } else {
      // One consistent, self-contained copy (a set-aside backup may have a -wal of its own).
      const source = openCipherDatabase(backup.path, { readonly: true, fileMustExist: true, nativeBinding: options.nativeBinding });
      try {
        source.prepare('VACUUM INTO ?').run(partial);
      } finally {
        source.close();
      }
      const copy = checkBackup(partial, options);
      if (copy.usable !== true || JSON.stringify(copy.contents) !== JSON.stringify(check.contents)) {
        throw new Error(`the copy failed its check (${copy.problem ?? 'its contents differ from the backup'})`);
      }
    }
    flushFile(partial);
  } catch (error) {
    removeDatabaseFiles(partial);
    throw new BackupRefusedError('restore-failed', `The backup could not be restored, and nothing was changed (${(error as Error).message}).`);
  }
  let setAside: string | undefined;
  try {
    setAside = fs.existsSync(file) ? setAsideCopy(file, options.now) : undefined;
  } catch (error) {
    removeDatabaseFiles(partial);
    throw new BackupRefusedError('restore-failed', `Your notes file could not be kept aside first, so nothing was changed (${(error as Error).message}).`);
  }
  try {
    // The old file's WAL and index would be replayed onto the restored file: they go (the set-aside copy has them).
    for (const suffix of ['-wal', '-shm', '-journal']) fs.rmSync(`${file}${suffix}`, { force: true });
    fs.renameSync(partial, file);
    flushFolder(path.dirname(file));
  } catch (error) {
    removeDatabaseFiles(partial);
    const kept = setAside ? ` Your notes file as it was is kept in backups/ as ${path.basename(setAside)}.` : '';
    throw new BackupRefusedError('restore-failed', `The backup could not be put in place (${(error as Error).message}).${kept}`);
  }
  return { backup, setAside, encrypted };
}

export type FreshStartOutcome = { setAside: string | undefined; protectedBackups: number };

/**
 * Before starting with empty notes in place of a lost or damaged file: the file (if any) is kept
 * in backups/, then removed, and every backup pruning could delete is renamed to a set-aside
 * name, so copies of the new, empty notes never replace them.
 */
export function prepareFreshStart(file: string, now: Date): FreshStartOutcome {
  const setAside = fs.existsSync(file) ? setAsideCopy(file, now) : undefined;
  removeDatabaseFiles(file);
  flushFolder(path.dirname(file));
  return { setAside, protectedBackups: protectBackups(file) };
}
