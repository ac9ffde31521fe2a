import fs from 'node:fs';
import path from 'node:path';
import { backupDir, listAllBackups } from './notes-files';
import { UserStoreOpenError } from './user-store-error';

type Cause = 'read-only' | 'permission' | 'disk-full' | 'damaged' | 'io';

/** What an error from Node's fs or from SQLite says about its cause, by its code. */
function causeOf(error: unknown): Cause | undefined {
  const code = String((error as { code?: unknown }).code ?? '');
  if (code === 'EROFS' || code.startsWith('SQLITE_READONLY')) return 'read-only';
  if (code === 'EACCES' || code === 'EPERM' || code === 'SQLITE_PERM' || code === 'SQLITE_AUTH') return 'permission';
  if (code === 'ENOSPC' || code === 'EDQUOT' || code === 'SQLITE_FULL' || code === 'SQLITE_IOERR_SHMSIZE') return 'disk-full';
  if (code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB') return 'damaged';
  if (code === 'EIO' || code.startsWith('SQLITE_IOERR') || code.startsWith('SQLITE_CANTOPEN')) return 'io';
  return undefined;
}

/** SQLite often says only "unable to open" or "disk I/O error": the folder itself says whether it is read-only or full. */
function probeFolder(folder: string): Cause | undefined {
  try {
    fs.accessSync(folder, fs.constants.W_OK);
  } catch (error) {
    return causeOf(error);
  }
  try {
    const { bavail, bsize } = fs.statfsSync(folder);
    if (bavail * bsize < 64 * 1024) return 'disk-full';
  } catch {
    // Not every system can tell.
  }
  return undefined;
}

/** "7 backups of your notes are in /…/backups (the newest from 2026-03-08 09:00 UTC)", or nothing when there are none. */
export function backupsSentence(file: string): string {
  const backups = listAllBackups(file);
  if (backups.length === 0) return '';
  const newest = backups[0]!.takenAt.toISOString().slice(0, 16).replace('T', ' ');
  const count = backups.length === 1 ? '1 backup of your notes is' : `${backups.length} backups of your notes are`;
  return ` ${count} in ${backupDir(file)} (the newest from ${newest} UTC).`;
}

/** The same, with what to do about them when the file itself is lost or damaged. */
export function restoreSentence(file: string): string {
  const backups = backupsSentence(file);
  return backups ? `${backups} Restore the newest to get your notes back.` : ' There is no backup of it.';
}

export function damaged(file: string, reason: string): UserStoreOpenError {
  return new UserStoreOpenError(
    'user-data-damaged',
    `Your notes database ${file} is damaged: ${reason}. Carrel did not write to it and left it as it is.${restoreSentence(file)}`,
  );
}

/**
 * The refusal for an error met while opening the notes: each cause in its own words, saying what
 * to do, and backups mentioned only when some exist. `stage` says whether the folder itself
 * could not be made.
 */
export function openFailure(error: unknown, file: string, stage: 'folder' | 'file' = 'file'): UserStoreOpenError {
  if (error instanceof UserStoreOpenError) return error;
  const folder = path.dirname(file);
  const detail = (error as Error).message;
  let cause = causeOf(error);
  if (cause === undefined || cause === 'io') cause = probeFolder(fs.existsSync(folder) ? folder : path.dirname(folder)) ?? cause;
  const kept = stage === 'folder' ? '' : ` Your notes were not changed.${backupsSentence(file)}`;
  switch (cause) {
    case 'read-only':
      return new UserStoreOpenError(
        'user-data-read-only',
        `Carrel cannot write to the folder of your notes, ${folder}: it is on a read-only disk or volume.${kept} Make it writable (or start Carrel with CARREL_USER_DB set to a file in a writable folder), then try again.`,
      );
    case 'permission':
      return new UserStoreOpenError(
        'user-data-read-only',
        `Carrel cannot write to the folder of your notes, ${folder}: permission denied (${detail}).${kept} Give your account permission to write there, then try again.`,
      );
    case 'disk-full':
      return new UserStoreOpenError(
        'user-data-disk-full',
        `The disk that holds your notes (${folder}) is full: Carrel needs a little room to open them.${kept} Free some space on that disk, then try again.`,
      );
    case 'damaged':
      return damaged(file, `SQLite cannot read it (${detail})`);
    case 'io':
      return new UserStoreOpenError('user-data-unavailable', `Your notes database ${file} could not be read or written: the disk reported an error (${detail}).${kept}`);
    default:
      if (stage === 'folder') return new UserStoreOpenError('user-data-unavailable', `The folder for your notes, ${folder}, cannot be created (${detail}).`);
      return new UserStoreOpenError('user-data-unavailable', `Your notes database ${file} could not be opened (${detail}).${kept}`);
  }
}
