import { backupDatabase } from '../backup';
import { listAllBackups, removeDatabaseFiles, removeLeftovers } from '../notes-files';
import { convertDatabaseFile, openWithKey, type FileKey } from './convert-file';
import { fileKind } from './file-kind';

/** What happened to the backups beside the database, for the message the user sees. */
export type BackupsOutcome = {
  /** Re-keyed to the database's new encryption (or decrypted along with it). */
  converted: number;
  /** Plain copies that could not be encrypted and were deleted rather than left readable. */
  deleted: number;
  /** Encrypted copies that the current key does not open (an earlier passphrase): left as they were. */
  untouched: number;
  /** Unfinished temporary copies an interrupted write left (they may hold notes in the clear): deleted. */
  leftovers: number;
};

export type EncryptionChange = {
  /** The copy written before the change (in the database's old encryption, then converted with the others). */
  backupFile: string;
  backups: BackupsOutcome;
};

export type ChangeOptions = { nativeBinding?: string; now?: Date };

/**
 * Takes the CLOSED user database `file` from key `from` to key `to` (null: plain): a backup first,
 * then the crash-safe conversion of the file, then every backup beside it the same way, so that
 * backups never stay readable without the passphrase once the notes are encrypted. A wrong `from`
 * fails before anything is written.
 */
export function changeEncryption(file: string, from: FileKey, to: FileKey, options: ChangeOptions = {}): EncryptionChange {
  // Temporary copies cannot be converted (they are not whole): they go first.
  const leftovers = removeLeftovers(file).length;
  const db = openWithKey(file, from, options.nativeBinding);
  let backupFile: string;
  try {
    const version = db.pragma('user_version', { simple: true }) as number;
    backupFile = backupDatabase(db, file, version, options.now ?? new Date());
  } finally {
    db.close();
  }
  convertDatabaseFile(file, from, to, { nativeBinding: options.nativeBinding });
  const backups = convertBackups(file, from, to, options.nativeBinding);
  return { backupFile, backups: { ...backups, leftovers: backups.leftovers + leftovers } };
}

/**
 * Brings every backup of `file` (before migrations, daily, set aside) to key `to`: plain ones are
 * encrypted (or deleted, with their sidecars, if that fails: a damaged plain copy may still hold
 * notes in the clear), ones encrypted with `from` are re-keyed, other encrypted ones are left
 * alone. Leftover temporaries are deleted first. Also run after unlocking, for plain copies a
 * crash in the middle of a change may have left.
 */
export function convertBackups(file: string, from: FileKey, to: FileKey, nativeBinding?: string): BackupsOutcome {
  const outcome: BackupsOutcome = { converted: 0, deleted: 0, untouched: 0, leftovers: removeLeftovers(file).length };
  for (const { path: backup } of listAllBackups(file)) {
    const kind = fileKind(backup);
    if (kind === 'encrypted') {
      if (!from) {
        outcome.untouched++;
        continue;
      }
      try {
        convertDatabaseFile(backup, from, to, { nativeBinding, keepTime: true });
        outcome.converted++;
      } catch {
        outcome.untouched++;
      }
    } else if (to) {
      // Plain, or damaged (it may be plain inside), or empty: encrypted, or else gone.
      try {
        if (kind !== 'plain') throw new Error('not a whole database');
        convertDatabaseFile(backup, null, to, { nativeBinding, keepTime: true });
        outcome.converted++;
      } catch {
        removeDatabaseFiles(backup);
        outcome.deleted++;
      }
    }
  }
  return outcome;
}
