import type { UserDataBackup } from '@common/security/user-data-backups';

/** "4 April 2026, 09:00" in the reader's own time zone and language. */
export function backupTime(backup: UserDataBackup): string {
  return new Date(backup.takenAt).toLocaleString(undefined, { day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit' });
}

/** How old a backup is, in words: “12 minutes old”, “3 hours old”, “5 days old” (“made just now” under a minute). */
export function backupAge(backup: UserDataBackup, now: number = Date.now()): string {
  const minutes = Math.floor((now - Date.parse(backup.takenAt)) / 60_000);
  if (minutes < 1) return 'made just now';
  if (minutes < 60) return `${plural(minutes, 'minute', 'minutes')} old`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return `${plural(hours, 'hour', 'hours')} old`;
  return `${plural(Math.floor(hours / 24), 'day', 'days')} old`;
}

export const KIND_LABELS: Record<UserDataBackup['kind'], string> = {
  daily: 'Daily backup',
  migration: 'Safety copy (before an update or a change of encryption)',
  'set-aside': 'Set aside (the notes file as it was before a restore)',
  manual: 'Backup you made (Back up now)',
  automatic: 'Automatic backup (made while you work)',
};

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** What the check of a backup found, in a few words. */
export function backupState(backup: UserDataBackup): { text: string; good: boolean | undefined } {
  if (backup.usable === null) return { text: 'Encrypted: it can be checked only with its passphrase, after restoring it.', good: undefined };
  if (!backup.usable) return { text: `Cannot be restored. ${backup.problem ?? ''}`.trim(), good: false };
  const c = backup.contents;
  const holds = c ? `: ${plural(c.highlights, 'highlight', 'highlights')}, ${plural(c.notes, 'note', 'notes')}, ${plural(c.bookmarks, 'bookmark', 'bookmarks')}` : '';
  return { text: `Checked, usable${holds}.`, good: true };
}

/** The backup to offer first: the newest that passed its check, else the newest encrypted one. */
export function newestRestorable(backups: readonly UserDataBackup[]): UserDataBackup | undefined {
  return backups.find((backup) => backup.usable === true) ?? backups.find((backup) => backup.usable === null);
}
