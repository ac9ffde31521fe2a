import { MIN_PASSPHRASE_LENGTH } from '../../../common/security/user-data-status';
import { wipeKey, type CipherKey } from '../../user-store/encryption/cipher-key';
import { openWithKey } from '../../user-store/encryption/convert-file';
import { fileSalt, inspectFile } from '../../user-store/encryption/file-kind';
import { deriveKey, newSalt } from '../../user-store/encryption/passphrase-key';
import { listAllBackups } from '../../user-store/notes-files';
import { ServiceError } from '../service-error';
import type { createUnlockThrottle } from './unlock-throttle';

type UnlockThrottle = Pick<ReturnType<typeof createUnlockThrottle>, 'check' | 'failed' | 'succeeded'>;

const WRONG = 'That passphrase does not open your notes. Nothing was changed; check it and try again.';

/**
 * The key of the encrypted notes file for this passphrase, or `wrong-passphrase` (counted by the
 * throttle). A passphrase that opens the backups but not the file says the file is damaged.
 */
export async function keyOfPassphrase(file: string, passphrase: string, throttle: UnlockThrottle, nativeBinding?: string): Promise<CipherKey> {
  throttle.check();
  const salt = fileSalt(file);
  const key = { key: await deriveKey(passphrase, salt), salt };
  if (!opens(file, key, nativeBinding)) {
    // A damaged first page fails like a wrong key; a backup keyed alike tells the two apart.
    const damaged = opensABackup(file, key, nativeBinding);
    wipeKey(key);
    if (damaged) {
      throw new ServiceError(
        'user-data-damaged',
        'This passphrase opens your backups but not your notes file: the file is damaged. Restore the newest backup (Carrel keeps the damaged file aside first).',
      );
    }
    throttle.failed();
    throw new ServiceError('wrong-passphrase', WRONG);
  }
  throttle.succeeded();
  return key;
}

/** A key for a new passphrase, with a new salt: refused if too short or not the same as its confirmation. */
export async function newPassphraseKey(passphrase: string, confirmation: string): Promise<CipherKey> {
  if ([...passphrase].length < MIN_PASSPHRASE_LENGTH) {
    throw new ServiceError('passphrase-too-short', `Choose a passphrase of at least ${MIN_PASSPHRASE_LENGTH} characters; a few words are easier to remember than symbols.`);
  }
  if (passphrase !== confirmation) throw new ServiceError('passphrase-mismatch', 'The two passphrases are not the same.');
  const salt = newSalt();
  return { key: await deriveKey(passphrase, salt), salt };
}

function opens(file: string, key: CipherKey, nativeBinding?: string): boolean {
  try {
    const db = openWithKey(file, key, nativeBinding);
    try {
      db.pragma('application_id', { simple: true });
      return true;
    } finally {
      db.close();
    }
  } catch (error) {
    if ((error as { code?: string }).code === 'SQLITE_NOTADB') return false;
    throw error;
  }
}

/** Whether `key` opens one of the file's encrypted backups that share its salt (made while encrypted with the same key). */
function opensABackup(file: string, key: CipherKey, nativeBinding?: string): boolean {
  return listAllBackups(file).some((backup) => {
    try {
      return inspectFile(backup.path).kind === 'encrypted' && fileSalt(backup.path).equals(key.salt) && opens(backup.path, key, nativeBinding);
    } catch {
      return false;
    }
  });
}
