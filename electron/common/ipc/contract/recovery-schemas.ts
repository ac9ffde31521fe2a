import { z } from 'zod';
import { BACKUP_NAME_PATTERN } from '../../security/user-data-backups';

/** Arguments of the recovery methods (recovery-contract.ts). */
export const RECOVERY_SCHEMAS = {
  listUserDataBackups: z.undefined(),
  // A name main gave (checked again against its own list), never a path.
  restoreUserDataBackup: z.object({ name: z.string().regex(BACKUP_NAME_PATTERN, 'Name a backup by the name Carrel listed') }).strict(),
  startNewUserData: z.undefined(),
  backUpUserDataNow: z.undefined(),
};
