import type { BackupFile } from './notes-files';

/** How many of the newest rotated backups are always kept. */
export const KEPT_NEWEST_BACKUPS = 10;
/** For how many days back one backup a day is kept. */
export const KEPT_DAYS = 7;
const DAY_MS = 24 * 60 * 60 * 1000;

/** The kinds rotation may delete: automatic, daily and “Back up now”. Copies made before a migration and set-aside copies are never rotated. */
const ROTATED: ReadonlySet<BackupFile['kind']> = new Set(['automatic', 'daily', 'manual']);

type Dated = Pick<BackupFile, 'name' | 'kind' | 'takenAt'>;

/**
 * Which backups rotation deletes, given every backup of one notes file and the time now. Kept:
 * every copy made before a migration (or a change of encryption) and every set-aside copy; of the
 * automatic, daily and manual ones, the newest ten, plus the newest of each of the last seven days
 * (24-hour periods counted back from now, so no time zone enters), plus the newest ten made with
 * “Back up now” (a copy the user asked for is not pushed out by an hour of automatic ones); and
 * `keep`, the backup just written, whatever its date says (a clock set back must not delete it).
 */
export function backupsToRotate<T extends Dated>(backups: readonly T[], now: Date, keep?: string): T[] {
  const rotated = backups.filter((backup) => ROTATED.has(backup.kind)).sort((a, b) => b.takenAt.getTime() - a.takenAt.getTime() || b.name.localeCompare(a.name));
  const kept = new Set<string>(keep ? [keep] : []);
  for (const backup of rotated.slice(0, KEPT_NEWEST_BACKUPS)) kept.add(backup.name);
  for (const backup of rotated.filter((candidate) => candidate.kind === 'manual').slice(0, KEPT_NEWEST_BACKUPS)) kept.add(backup.name);
  const days = new Set<number>();
  for (const backup of rotated) {
    const age = now.getTime() - backup.takenAt.getTime();
    if (age < 0) continue;
    const day = Math.floor(age / DAY_MS);
    if (day >= KEPT_DAYS || days.has(day)) continue;
    days.add(day); // newest first: the first seen of a day is its newest
    kept.add(backup.name);
  }
  return rotated.filter((backup) => !kept.has(backup.name));
}
