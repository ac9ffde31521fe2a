import type { z } from 'zod';
import type { UserDataBackup, UserDataBackups, UserDataRecoveryResult } from '../../security/user-data-backups';
import type { RECOVERY_SCHEMAS } from './recovery-schemas';
import { featureChannels } from './feature-channels';

type In<M extends keyof typeof RECOVERY_SCHEMAS> = z.infer<(typeof RECOVERY_SCHEMAS)[M]>;

/** Backups of the notes database and starting afresh (electron/node/user-store/restore-backup.ts). */
export interface RecoveryContract {
  /** Every backup, newest first, each checked (plain ones opened and checked; encrypted ones cannot be without the passphrase). */
  listUserDataBackups(input: In<'listUserDataBackups'>): UserDataBackups;
  /**
   * Replaces the notes file by the backup main listed under `name`: the file as it is now is kept
   * in backups/ first, the copy is verified and flushed before it takes the file's name, then reopened.
   */
  restoreUserDataBackup(input: In<'restoreUserDataBackup'>): Promise<UserDataRecoveryResult>;
  /** “Back up now”: a copy of the open notes (encrypted if they are), checked before it counts; the newest ten are kept. */
  backUpUserDataNow(input: In<'backUpUserDataNow'>): Promise<UserDataBackup>;
  /** When the notes file is empty, missing or damaged: keeps it and every backup in backups/ (never pruned), and starts with empty notes. */
  startNewUserData(input: In<'startNewUserData'>): Promise<UserDataRecoveryResult>;
}

export const RECOVERY_CHANNELS = featureChannels('recovery', ['listUserDataBackups', 'restoreUserDataBackup', 'startNewUserData', 'backUpUserDataNow']);
