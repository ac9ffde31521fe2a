import fs from 'node:fs';
import { backupDatabase, listBackups, listDailyBackups } from '../backup';
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
  const db = openWithKey(file, from, options.nativeBinding);
  let backupFile: string;
  try {
    const version = db.pragma('user_version', { simple: true }) as number;
    backupFile = backupDatabase(db, file, version, options.now ?? new Date());
  } finally {
    db.close();
  }
  convertDatabaseFile(file, from, to, { nativeBinding: options.nativeBinding });
  return { backupFile, backups: convertBackups(file, from, to, options.nativeBinding) };
}

/**
 * Brings every backup of `file` to key `to`: plain ones are encrypted (or deleted if that
 * fails), ones encrypted with `from` are re-keyed, others are left alone. Also run after
 * unlocking, for plain copies a crash in the middle of a change may have left.
 */
export function convertBackups(file: string, from: FileKey, to: FileKey, nativeBinding?: string): BackupsOutcome {
  const outcome: BackupsOutcome = { converted: 0, deleted: 0, untouched: 0 };
  for (const backup of [...listBackups(file), ...listDailyBackups(file)]) {
    const kind = fileKind(backup);
    if ((kind === 'plain' || kind === 'foreign') && to) {
      try {
        convertDatabaseFile(backup, null, to, { nativeBinding, keepTime: true });
        outcome.converted++;
      } catch {
        fs.rmSync(backup, { force: true });
        outcome.deleted++;
      }
    } else if (kind === 'encrypted' && from) {
      try {
        convertDatabaseFile(backup, from, to, { nativeBinding, keepTime: true });
        outcome.converted++;
      } catch {
        outcome.untouched++;
      }
    } else if (kind === 'encrypted') {
      outcome.untouched++;
    }
  }
  return outcome;
}
