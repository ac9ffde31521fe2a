import type { CarrelServices } from '../../../common/ipc/ipc-contract';
import type { EncryptionChangeResult } from '../../../common/security/user-data-status';
import { wipeKey, type CipherKey } from '../../user-store/encryption/cipher-key';
import { convertBackups } from '../../user-store/encryption/change-encryption';
import { forgetKey, isKeyRemembered, rememberKey, type KeyVault } from '../../user-store/encryption/key-vault';
import { UserStoreOpenError } from '../../user-store/user-store-error';
import { ServiceError } from '../service-error';
import { backupsSentence, changeNotesEncryption } from './encryption-change';
import { keyOfPassphrase, newPassphraseKey } from './passphrase-keys';
import { openWithRememberedKey, statusWithKeyring } from './remembered-key';
import { createUnlockThrottle, throttleFileOf } from './unlock-throttle';
import type { UserDataContext } from './user-data-context';

type EncryptionMethods =
  | 'getUserDataStatus'
  | 'unlockUserData'
  | 'forgetRememberedKey'
  | 'encryptUserData'
  | 'changeUserDataPassphrase'
  | 'decryptUserData';

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
  const status = () => statusWithKeyring(context, vault);
  openWithRememberedKey(context, vault);

  const requireFile = (): string => {
    if (!context.file) throw new ServiceError('user-data-unavailable', 'No notes database is configured.');
    return context.file;
  };
  /** One passphrase operation at a time (scrypt runs off the main thread, so calls could overlap), nor during a restore. */
  const exclusive = <T>(run: () => Promise<T>): Promise<T> => context.exclusive(run);
  const currentKey = (file: string, passphrase: string) => keyOfPassphrase(file, passphrase, throttle, context.nativeBinding);
  const change = (file: string, from: CipherKey | null, to: CipherKey | null) => changeNotesEncryption(context, file, from, to, now());
  const result = (message: string): EncryptionChangeResult => ({ status: status(), message });
  const requireOpenEncrypted = (message: string) => {
    if (!context.status().encrypted || context.status().state !== 'open') throw new ServiceError('not-encrypted', message);
  };

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
        const current = context.status();
        if (current.state !== 'open') throw new ServiceError('user-data-unavailable', 'Your notes must be open to encrypt them.');
        if (current.encrypted) throw new ServiceError('already-encrypted', 'Your notes are already encrypted. Use “Change passphrase” instead.');
        const key = await newPassphraseKey(passphrase, confirmation);
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
        requireOpenEncrypted('Your notes must be open and encrypted to change the passphrase.');
        const from = await currentKey(file, current);
        let to: CipherKey | undefined;
        try {
          to = await newPassphraseKey(passphrase, confirmation);
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
        requireOpenEncrypted('Your notes are not encrypted.');
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
