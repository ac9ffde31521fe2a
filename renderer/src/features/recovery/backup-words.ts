import type { UserDataBackup } from '@common/security/user-data-backups';

/** "4 April 2026, 09:00" in the reader's own time zone and language. */
export function backupTime(backup: UserDataBackup): string {
  return new Date(backup.takenAt).toLocaleString(undefined, { day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit' });
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
