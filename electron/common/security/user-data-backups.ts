import type { UserDataStatus } from './user-data-status';

/** One backup of the notes database, as main describes it (the renderer names it by `name` only). */
export type UserDataBackup = {
  /** The file name in backups/: the only way the window refers to a backup. */
  name: string;
  /**
   * migration: written before a schema change or a change of encryption; daily; set-aside: the notes file as it was before a restore;
   * manual: “Back up now”; automatic: made while the notes change, at most every ten minutes.
   */
  kind: 'migration' | 'daily' | 'set-aside' | 'manual' | 'automatic';
  /** When it was taken (ISO 8601, UTC). */
  takenAt: string;
  bytes: number;
  encryption: 'plain' | 'encrypted' | 'damaged' | 'empty';
  /**
   * true: it opens as a Carrel notes database this version can use and passes SQLite's check;
   * false: it cannot be restored (see problem); null: encrypted, so it can be checked only with its passphrase.
   */
  usable: boolean | null;
  problem?: string;
  /** What a usable plain backup holds (live items). */
  contents?: { highlights: number; notes: number; bookmarks: number };
};

export type UserDataBackups = {
  /** The backups/ folder (shown, never sent back). */
  folder: string;
  /** Newest first. */
  backups: UserDataBackup[];
  /** Why the last automatic backup failed, when it did. */
  automaticProblem?: string;
};

/** After a restore or a fresh start: the notes' new state and what happened, in words. */
export type UserDataRecoveryResult = {
  status: UserDataStatus;
  message: string;
};

/** Why the notes can be unavailable in a way the recovery panel explains (and, for the first three, offers backups for). */
export const RECOVERABLE_CODES = ['user-data-empty', 'user-data-missing', 'user-data-damaged', 'user-data-read-only', 'user-data-disk-full'] as const;
/** Where the file itself is lost or damaged, so that restoring a backup or starting afresh can help. */
export const RESTORABLE_CODES = ['user-data-empty', 'user-data-missing', 'user-data-damaged'] as const;

/** A backup name as main gives it: a plain file name in backups/, never a path. */
export const BACKUP_NAME_PATTERN = /^[^/\\\0]{1,255}\.sqlite$/;
