import fs from 'node:fs';
import path from 'node:path';
import type { CarrelServices } from '../../../common/ipc/ipc-contract';
import { RESTORABLE_CODES, type UserDataBackup, type UserDataRecoveryResult } from '../../../common/security/user-data-backups';
import type { UserDataStatus } from '../../../common/security/user-data-status';
import { manualBackup, verifyCopy } from '../../user-store/backup';
import { backupDir, listAllBackups, type BackupFile } from '../../user-store/notes-files';
import { BackupRefusedError, checkBackup, prepareFreshStart, restoreBackup, type BackupCheck } from '../../user-store/restore-backup';
import { UserStoreOpenError } from '../../user-store/user-store-error';
import { ServiceError } from '../service-error';
import type { UserDataContext } from './user-data-context';

type RestoreMethods = 'listUserDataBackups' | 'restoreUserDataBackup' | 'startNewUserData' | 'retryUserData' | 'backUpUserDataNow';

export type BackupRestoreOptions = {
  now?: () => Date;
  /** The status as the window sees it (with the keyring's facts); default: the context's. */
  status?: () => UserDataStatus;
  /** Why the last automatic backup failed, if it did (automatic-backups.ts). */
  automaticProblem?: () => string | undefined;
};

const KIND_WORDS: Record<BackupFile['kind'], string> = {
  migration: 'safety copy',
  daily: 'daily backup',
  'set-aside': 'set-aside copy',
  manual: 'backup you made',
  automatic: 'automatic backup',
};
const when = (time: Date) => `${time.toISOString().slice(0, 16).replace('T', ' ')} UTC`;

/**
 * Lists the backups of the notes database with what each is worth, restores one in place of the
 * notes file, or starts afresh when the file is lost: the renderer names a backup only by the
 * name this service listed. The notes store is closed during a change and reopened after it,
 * whatever happens; one change at a time (shared with encryption).
 */
export function createBackupRestoreService(context: UserDataContext, options: BackupRestoreOptions = {}): Pick<CarrelServices, RestoreMethods> {
  const now = options.now ?? (() => new Date());
  const status = options.status ?? context.status;
  // A check opens the file and runs quick_check: done again only when the file changed.
  const checks = new Map<string, { stamp: string; check: BackupCheck }>();

  const requireFile = (): string => {
    if (!context.file) throw new ServiceError('user-data-unavailable', 'No notes database is configured.');
    return context.file;
  };
  const describe = (backup: BackupFile): UserDataBackup => {
    const stat = fs.statSync(backup.path);
    const stamp = `${stat.size}:${stat.mtimeMs}`;
    let cached = checks.get(backup.path);
    if (cached?.stamp !== stamp) {
      cached = { stamp, check: checkBackup(backup.path, { nativeBinding: context.nativeBinding }) };
      checks.set(backup.path, cached);
    }
    const { check } = cached;
    return {
      name: backup.name,
      kind: backup.kind,
      takenAt: backup.takenAt.toISOString(),
      bytes: stat.size,
      encryption: check.encryption,
      usable: check.usable,
      ...(check.problem ? { problem: check.problem } : {}),
      ...(check.contents ? { contents: check.contents } : {}),
    };
  };
  /**
   * Opens the file as it is now; a refusal becomes the state the window shows (it says why). No
   * daily copy is taken of what was just restored: it is one already, and taking it would prune the oldest.
   */
  const reopen = (startNew = false): void => {
    try {
      context.open(undefined, { startNew, dailyBackups: false });
    } catch (error) {
      if (!(error instanceof UserStoreOpenError)) throw error;
    }
  };
  const stateSentence = (after: UserDataStatus): string => {
    if (after.state === 'locked') return ' It is encrypted: enter the passphrase it was made with to open it.';
    if (after.state === 'unavailable') return ` It cannot be opened, though: ${after.message}`;
    return '';
  };

  return {
    listUserDataBackups() {
      const file = requireFile();
      const automaticProblem = options.automaticProblem?.();
      return { folder: backupDir(file), backups: listAllBackups(file).map(describe), ...(automaticProblem ? { automaticProblem } : {}) };
    },

    restoreUserDataBackup: ({ name }) =>
      context.exclusive((): UserDataRecoveryResult => {
        const file = requireFile();
        context.closeForChange('Your notes are being restored from a backup; they are back in a moment.');
        let outcome;
        try {
          outcome = restoreBackup(file, name, { nativeBinding: context.nativeBinding, now: now() });
        } catch (error) {
          if (error instanceof BackupRefusedError) throw new ServiceError(error.code, error.message);
          throw error;
        } finally {
          reopen();
        }
        checks.clear();
        const after = status();
        const kept = outcome.setAside ? ` Your notes file as it was is kept in backups/ as ${path.basename(outcome.setAside)}.` : '';
        // A plain copy put back where the other backups are encrypted: say so, rather than let the user believe the notes still are.
        const plainAmongEncrypted =
          !outcome.encrypted && listAllBackups(file).some((backup) => checkBackup(backup.path, { nativeBinding: context.nativeBinding }).encryption === 'encrypted')
            ? ' This backup is not encrypted: to encrypt your notes again, use Security › Encrypt with a passphrase.'
            : '';
        return {
          status: after,
          message: `Your notes were restored from the ${KIND_WORDS[outcome.backup.kind]} of ${when(outcome.backup.takenAt)}.${kept}${stateSentence(after)}${plainAmongEncrypted}`,
        };
      }),

    backUpUserDataNow: () =>
      context.exclusive((): UserDataBackup => {
        const file = requireFile();
        const store = context.store();
        const made = manualBackup(store.db, file, now(), (copy) => {
          const check = checkBackup(copy, { nativeBinding: context.nativeBinding });
          if (check.usable === false) throw new ServiceError('backup-failed', `The backup was made but failed its check (${check.problem ?? 'unknown'}), so it was deleted. Your notes are unchanged; try again.`);
          // The full check, through the open connection (so an encrypted copy is read with its key): integrity_check and the same rows.
          try {
            verifyCopy(store.db, copy);
          } catch (error) {
            throw new ServiceError('backup-failed', `The backup was made but failed its check (${(error as Error).message}), so it was deleted. Your notes are unchanged; try again.`);
          }
        });
        const listed = listAllBackups(file).find((backup) => backup.path === made);
        if (!listed) throw new ServiceError('backup-failed', 'The backup was made but cannot be found in backups/.');
        return describe(listed);
      }),

    startNewUserData: () =>
      context.exclusive((): UserDataRecoveryResult => {
        const file = requireFile();
        const before = context.status();
        if (before.state !== 'unavailable' || !(RESTORABLE_CODES as readonly string[]).includes(before.code ?? '')) {
          throw new ServiceError('user-data-not-lost', 'Your notes file can be used as it is: Carrel starts afresh only in place of a file that is empty, missing or damaged.');
        }
        context.closeForChange('Carrel is setting your old notes file aside; new notes are ready in a moment.');
        let outcome;
        try {
          outcome = prepareFreshStart(file, now());
        } catch (error) {
          reopen();
          throw new ServiceError('restore-failed', `Carrel could not set your notes file aside, so nothing was changed (${(error as Error).message}).`);
        }
        reopen(true);
        checks.clear();
        const kept = outcome.setAside ? ` The file as it was is kept in backups/ as ${path.basename(outcome.setAside)}.` : '';
        const protectedBackups = outcome.protectedBackups
          ? ` The ${outcome.protectedBackups} earlier backup${outcome.protectedBackups === 1 ? ' is' : 's are'} kept as set-aside copies, which Carrel never deletes by itself.`
          : '';
        return { status: status(), message: `You start with empty notes.${kept}${protectedBackups}` };
      }),

    retryUserData() {
      if (context.status().state === 'unavailable' && context.file) reopen();
      return status();
    },
  };
}
