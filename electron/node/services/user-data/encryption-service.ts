import type { CarrelServices } from '../../../common/ipc/ipc-contract';
import { MIN_PASSPHRASE_LENGTH, type EncryptionChangeResult, type UserDataStatus } from '../../../common/security/user-data-status';
import { wipeKey, type CipherKey } from '../../user-store/encryption/cipher-key';
import { changeEncryption, convertBackups, type BackupsOutcome } from '../../user-store/encryption/change-encryption';
import { openWithKey, type FileKey } from '../../user-store/encryption/convert-file';
import { fileKind, fileSalt, inspectFile } from '../../user-store/encryption/file-kind';
import { forgetKey, isKeyRemembered, recallKey, rememberKey, type KeyVault } from '../../user-store/encryption/key-vault';
import { deriveKey, newSalt } from '../../user-store/encryption/passphrase-key';
import { listAllBackups } from '../../user-store/notes-files';
import { UserStoreOpenError } from '../../user-store/user-store-error';
import { ServiceError } from '../service-error';
import { createUnlockThrottle, throttleFileOf } from './unlock-throttle';
import type { UserDataContext } from './user-data-context';

type EncryptionMethods =
  | 'getUserDataStatus'
  | 'unlockUserData'
  | 'forgetRememberedKey'
  | 'encryptUserData'
  | 'changeUserDataPassphrase'
  | 'decryptUserData';

const WRONG = 'That passphrase does not open your notes. Nothing was changed; check it and try again.';

/**
 * Unlocking, encrypting, re-keying and decrypting the notes database. Passphrases are turned
 * into keys (scrypt) at once and never stored, logged or repeated in a message; key buffers are
 * overwritten when done. One operation at a time.
 */
export type EncryptionServiceOptions = {
  now?: () => Date;
  /** The OS keyring, where it is real; without it the key is never remembered. */
  vault?: KeyVault;
};

export function createEncryptionService(context: UserDataContext, options: EncryptionServiceOptions = {}): Pick<CarrelServices, EncryptionMethods> {
  const now = options.now ?? (() => new Date());
  const vault = options.vault;
  // Beside the notes database, so that a restart does not give three more free tries.
  const throttle = createUnlockThrottle({ stateFile: context.file && throttleFileOf(context.file) });

  const status = (): UserDataStatus => {
    const current = context.status();
    if (!context.file) return current;
    return { ...current, remember: { available: Boolean(vault) && current.encrypted, remembered: Boolean(vault) && isKeyRemembered(context.file) } };
  };
  // A key the keyring remembers opens the notes at start; one that no longer does is forgotten.
  if (vault && context.file && context.status().state === 'locked') {
    const key = recallKey(context.file, vault);
    if (key) {
      const remembered = { key, salt: fileSalt(context.file) };
      try {
        context.open(remembered);
      } catch (error) {
        if (!(error instanceof UserStoreOpenError)) throw error;
        if (error.code === 'user-data-wrong-passphrase') forgetKey(context.file);
      } finally {
        wipeKey(remembered);
      }
    } else {
      forgetKey(context.file);
    }
  }

  const requireFile = (): string => {
    if (!context.file) throw new ServiceError('user-data-unavailable', 'No notes database is configured.');
    return context.file;
  };
  /** One passphrase operation at a time (scrypt runs off the main thread, so calls could overlap), nor during a restore. */
  const exclusive = <T>(run: () => Promise<T>): Promise<T> => context.exclusive(run);
  /** The key of the encrypted file for this passphrase, or `wrong-passphrase` (counted by the throttle). */
  const currentKey = async (file: string, passphrase: string): Promise<CipherKey> => {
    throttle.check();
    const salt = fileSalt(file);
    const key = { key: await deriveKey(passphrase, salt), salt };
    if (!opens(file, key, context.nativeBinding)) {
      // A damaged first page fails like a wrong key; a backup keyed alike tells the two apart.
      const damaged = opensABackup(file, key, context.nativeBinding);
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
  };
  const newKey = async (passphrase: string, confirmation: string): Promise<CipherKey> => {
    if ([...passphrase].length < MIN_PASSPHRASE_LENGTH) {
      throw new ServiceError('passphrase-too-short', `Choose a passphrase of at least ${MIN_PASSPHRASE_LENGTH} characters; a few words are easier to remember than symbols.`);
    }
    if (passphrase !== confirmation) throw new ServiceError('passphrase-mismatch', 'The two passphrases are not the same.');
    const salt = newSalt();
    return { key: await deriveKey(passphrase, salt), salt };
  };
  /** Closes the store, converts, and reopens with whichever key the file has afterwards. */
  const change = (file: string, from: FileKey, to: FileKey): BackupsOutcome => {
    context.closeForChange();
    try {
      return changeEncryption(file, from, to, { nativeBinding: context.nativeBinding, now: now() }).backups;
    } catch (error) {
      throw new ServiceError('encryption-failed', `The change could not be completed, and your notes were left as they were (${(error as Error).message}).`);
    } finally {
      const converted = fileKind(file) === 'encrypted' ? (to && fileSalt(file).equals(to.salt) ? to : from) : null;
      context.open(converted ?? undefined);
    }
  };
  const result = (message: string): EncryptionChangeResult => ({ status: status(), message });

  return {
    getUserDataStatus: status,

    unlockUserData: ({ passphrase, remember }) =>
      exclusive(async () => {
        const file = requireFile();
        if (context.status().state !== 'locked') return status();
        const key = await currentKey(file, passphrase);
        try {
          context.open(key);
          if (remember && vault) rememberKey(file, vault, key.key);
          // Plain copies a crash during "Encrypt" may have left beside the file are encrypted now.
          convertBackups(file, null, key, context.nativeBinding);
        } catch (error) {
          if (error instanceof UserStoreOpenError) throw new ServiceError(error.code, error.message);
          throw error;
        } finally {
          wipeKey(key);
        }
        return status();
      }),

    forgetRememberedKey() {
      if (context.file) forgetKey(context.file);
      return status();
    },

    encryptUserData: ({ passphrase, confirmation }) =>
      exclusive(async () => {
        const file = requireFile();
        const status = context.status();
        if (status.state !== 'open') throw new ServiceError('user-data-unavailable', 'Your notes must be open to encrypt them.');
        if (status.encrypted) throw new ServiceError('already-encrypted', 'Your notes are already encrypted. Use “Change passphrase” instead.');
        const key = await newKey(passphrase, confirmation);
        try {
          const backups = change(file, null, key);
          return result(
            `Your notes are now encrypted with your passphrase. ${backupsSentence(backups, 'encrypted')} Carrel cannot recover a forgotten passphrase.`,
          );
        } finally {
          wipeKey(key);
        }
      }),

    changeUserDataPassphrase: ({ current, passphrase, confirmation }) =>
      exclusive(async () => {
        const file = requireFile();
        if (!context.status().encrypted || context.status().state !== 'open') throw new ServiceError('not-encrypted', 'Your notes must be open and encrypted to change the passphrase.');
        const from = await currentKey(file, current);
        let to: CipherKey | undefined;
        try {
          to = await newKey(passphrase, confirmation);
          const backups = change(file, from, to);
          // A remembered key is replaced by the new one (the old one opens nothing now).
          if (vault && isKeyRemembered(file)) rememberKey(file, vault, to.key);
          return result(`Your passphrase was changed. ${backupsSentence(backups, 're-encrypted with it')}`);
        } finally {
          wipeKey(from);
          wipeKey(to);
        }
      }),

    decryptUserData: ({ passphrase }) =>
      exclusive(async () => {
        const file = requireFile();
        if (!context.status().encrypted || context.status().state !== 'open') throw new ServiceError('not-encrypted', 'Your notes are not encrypted.');
        const from = await currentKey(file, passphrase);
        try {
          const backups = change(file, from, null);
          forgetKey(file);
          return result(`Encryption was removed: your notes are stored unencrypted again. ${backupsSentence(backups, 'decrypted')}`);
        } finally {
          wipeKey(from);
        }
      }),
  };
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

function backupsSentence({ converted, deleted, untouched, leftovers }: BackupsOutcome, done: string): string {
  const parts = [`A copy was kept in backups/ before the change; ${converted} backup${converted === 1 ? ' was' : 's were'} ${done} too.`];
  if (deleted) parts.push(`${deleted} backup${deleted === 1 ? '' : 's'} that could not be encrypted ${deleted === 1 ? 'was' : 'were'} deleted, so that no readable copy remains.`);
  if (leftovers) {
    parts.push(`${leftovers} unfinished ${leftovers === 1 ? 'copy' : 'copies'} left by an interrupted backup or change ${leftovers === 1 ? 'was' : 'were'} deleted.`);
  }
  if (untouched) parts.push(`${untouched} older backup${untouched === 1 ? ' is' : 's are'} still encrypted with an earlier passphrase.`);
  return parts.join(' ');
}
