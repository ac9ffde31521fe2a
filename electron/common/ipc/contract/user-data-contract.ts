import type { z } from 'zod';
import type { EncryptionChangeResult, UserDataStatus } from '../../security/user-data-status';
import type { USER_DATA_SCHEMAS } from './user-data-schemas';
import { featureChannels } from './feature-channels';

type In<M extends keyof typeof USER_DATA_SCHEMAS> = z.infer<(typeof USER_DATA_SCHEMAS)[M]>;

/**
 * The notes database's state and its encryption at rest (electron/node/user-store/encryption).
 * Passphrases are turned into keys in main and never stored, logged or repeated in an error.
 */
export interface UserDataContract {
  /** Open, locked (encrypted, waiting for the passphrase) or unavailable. */
  getUserDataStatus(input: In<'getUserDataStatus'>): UserDataStatus;
  /** Opens encrypted notes; a wrong passphrase fails with `wrong-passphrase` and changes nothing. */
  /** With `remember`, the key is also kept in the OS keyring (where it is real) to open without asking next time. */
  unlockUserData(input: In<'unlockUserData'>): Promise<UserDataStatus>;
  /** Removes the key kept in the OS keyring: the passphrase is asked at the next start. */
  forgetRememberedKey(input: In<'forgetRememberedKey'>): UserDataStatus;
  /** Encrypts the (open, plain) notes database and its backups with a new passphrase. */
  encryptUserData(input: In<'encryptUserData'>): Promise<EncryptionChangeResult>;
  /** Re-encrypts the notes database and its backups with a new passphrase. */
  changeUserDataPassphrase(input: In<'changeUserDataPassphrase'>): Promise<EncryptionChangeResult>;
  /** Stores the notes database and its backups unencrypted again. */
  decryptUserData(input: In<'decryptUserData'>): Promise<EncryptionChangeResult>;
  /** Tries to open the notes again (after the user made the folder writable or freed disk space). */
  retryUserData(input: In<'retryUserData'>): UserDataStatus;
}

export const USER_DATA_CHANNELS = featureChannels('user-data', [
  'getUserDataStatus',
  'unlockUserData',
  'forgetRememberedKey',
  'encryptUserData',
  'changeUserDataPassphrase',
  'decryptUserData',
  'retryUserData',
]);
