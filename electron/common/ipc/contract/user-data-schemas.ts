import { z } from 'zod';
import { wellFormed } from '../../notes/notes-schemas';
import { MAX_PASSPHRASE_LENGTH } from '../../security/user-data-status';

/** Length only: the minimum is checked by the service with a clearer message, and no message ever repeats the value. */
const passphrase = wellFormed(
  z.string().min(1, 'Enter a passphrase').max(MAX_PASSPHRASE_LENGTH, 'Passphrases are limited to 1,024 characters'),
  'Passphrases',
  false,
);

/** Arguments of the user-data methods (user-data-contract.ts). */
export const USER_DATA_SCHEMAS = {
  getUserDataStatus: z.undefined(),
  unlockUserData: z.object({ passphrase, remember: z.boolean().optional() }).strict(),
  forgetRememberedKey: z.undefined(),
  encryptUserData: z.object({ passphrase, confirmation: passphrase }).strict(),
  changeUserDataPassphrase: z.object({ current: passphrase, passphrase, confirmation: passphrase }).strict(),
  decryptUserData: z.object({ passphrase }).strict(),
  retryUserData: z.undefined(),
};
