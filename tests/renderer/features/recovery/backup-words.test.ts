import { describe, expect, it } from 'vitest';
import type { UserDataBackup } from '../../../../electron/common/security/user-data-backups';
import { backupAge, backupState, newestRestorable } from '../../../../renderer/src/features/recovery/backup-words';

const backup = (name: string, usable: boolean | null, extra: Partial<UserDataBackup> = {}): UserDataBackup => ({
  name,
  kind: 'daily',
  takenAt: '2026-05-01T08:30:00.000Z',
  bytes: 4096,
  encryption: usable === null ? 'encrypted' : 'plain',
  usable,
  ...extra,
});

describe('which backup the recovery panel offers first', () => {
  it('is the newest that passed its check, skipping unusable ones', () => {
    expect(newestRestorable([backup('a', false), backup('b', true), backup('c', true)])?.name).toBe('b');
  });
  it('is the newest encrypted one when none could be checked', () => {
    expect(newestRestorable([backup('a', false), backup('b', null)])?.name).toBe('b');
  });
  it('is none when every backup is unusable', () => {
    expect(newestRestorable([backup('a', false, { problem: 'It is empty (0 bytes).' })])).toBeUndefined();
  });
});

describe('what the check of a backup found, in words', () => {
  it('counts what a usable backup holds', () => {
    expect(backupState(backup('a', true, { contents: { highlights: 1, notes: 2, bookmarks: 0 } })).text).toBe(
      'Checked, usable: 1 highlight, 2 notes, 0 bookmarks.',
    );
  });
  it('says why one cannot be restored, and that an encrypted one cannot be checked yet', () => {
    expect(backupState(backup('a', false, { problem: 'It is empty (0 bytes).' }))).toEqual({ text: 'Cannot be restored. It is empty (0 bytes).', good: false });
    expect(backupState(backup('b', null)).text).toMatch(/checked only with its passphrase/);
  });
});

describe('how old a backup is, in words', () => {
  const taken = Date.parse('2026-05-01T08:30:00.000Z');
  it('counts minutes, then hours, then days', () => {
    expect(backupAge(backup('a', true), taken + 20_000)).toBe('made just now');
    expect(backupAge(backup('a', true), taken + 60_000)).toBe('1 minute old');
    expect(backupAge(backup('a', true), taken + 59 * 60_000)).toBe('59 minutes old');
    expect(backupAge(backup('a', true), taken + 3 * 3_600_000 + 5)).toBe('3 hours old');
    expect(backupAge(backup('a', true), taken + 47 * 3_600_000)).toBe('47 hours old');
    expect(backupAge(backup('a', true), taken + 5 * 86_400_000 + 7)).toBe('5 days old');
  });
});
