import { automaticBackup, verifyCopy } from '../../user-store/backup';
import { listAllBackups } from '../../user-store/notes-files';
import type { UserDataContext } from './user-data-context';

/** At most one automatic backup in this time. */
export const AUTOMATIC_BACKUP_INTERVAL_MS = 10 * 60 * 1000;
/** A backup due is written this long after the write that made it due, so a burst of changes ends first and the call that wrote returns at once. */
export const AUTOMATIC_BACKUP_DELAY_MS = 5_000;

/** Runs `run` later; the scheduler of the app is setTimeout, tests pass their own and run it by hand. */
export type BackupSchedule = (run: () => void, delayMs: number) => { cancel(): void };

export type AutomaticBackupsOptions = {
  now?: () => Date;
  schedule?: BackupSchedule;
};

export type AutomaticBackups = {
  /** Whether a backup is waiting to be written. */
  pending(): boolean;
  /** Why the last automatic backup failed, in words (none once one succeeds). */
  problem(): string | undefined;
  close(): void;
};

const realSchedule: BackupSchedule = (run, delayMs) => {
  const timer = setTimeout(run, delayMs);
  // A backup still waiting never keeps the process alive.
  timer.unref?.();
  return { cancel: () => clearTimeout(timer) };
};

/**
 * Backups made while the user changes things: after a write, when the newest backup (of any kind
 * but a set-aside copy) is older than ten minutes, one is scheduled, written a few seconds later
 * outside the call that wrote, never while one is pending or being written, nor during a restore
 * or a change of encryption (it waits for the next write then). Each is written like “Back up
 * now” (a temporary file, verified with integrity_check and row counts through the open, keyed
 * connection, renamed; encrypted with the notes' key when they are encrypted), then rotated.
 */
export function createAutomaticBackups(context: UserDataContext, options: AutomaticBackupsOptions = {}): AutomaticBackups {
  const clock = options.now ?? (() => new Date());
  const schedule = options.schedule ?? realSchedule;
  let waiting: { cancel(): void } | undefined;
  let running = false;
  let closed = false;
  /** When the newest backup was taken, as last read from backups/ or written here. */
  let lastAt: number | undefined;
  let problem: string | undefined;

  const recent = (at: number | undefined, now: number) => at !== undefined && now >= at && now - at < AUTOMATIC_BACKUP_INTERVAL_MS;
  const newestBackup = (file: string) => listAllBackups(file).find((backup) => backup.kind !== 'set-aside')?.takenAt.getTime();

  const write = () => {
    waiting = undefined;
    const file = context.file;
    if (closed || !file || context.status().state !== 'open') return;
    context
      .exclusive(() => {
        running = true;
        try {
          const store = context.store();
          const now = clock();
          automaticBackup(store.db, file, now, (copy) => verifyCopy(store.db, copy));
          lastAt = now.getTime();
          problem = undefined;
        } catch (error) {
          problem = `The automatic backup of ${clock().toISOString().slice(0, 16).replace('T', ' ')} UTC failed (${(error as Error).message}), and nothing was left of it; your notes themselves are unchanged. Carrel tries again at your next change.`;
        } finally {
          running = false;
        }
      })
      // Busy with a restore or an encryption change: the next write schedules it again.
      .catch(() => undefined);
  };

  context.onWrite(() => {
    const file = context.file;
    if (closed || waiting || running || !file) return;
    const now = clock().getTime();
    if (recent(lastAt, now)) return;
    try {
      // Read again: “Back up now”, a daily copy or a migration may have made a newer one.
      lastAt = newestBackup(file);
    } catch {
      lastAt = undefined;
    }
    if (recent(lastAt, now)) return;
    waiting = schedule(write, AUTOMATIC_BACKUP_DELAY_MS);
  });

  return {
    pending: () => waiting !== undefined,
    problem: () => problem,
    close() {
      closed = true;
      waiting?.cancel();
      waiting = undefined;
    },
  };
}
