import { describe, expect, it } from 'vitest';
import { backupsToRotate } from '../../../../electron/node/user-store/backup-rotation';
import type { BackupKind } from '../../../../electron/node/user-store/notes-files';

const NOW = new Date('2026-05-20T12:00:00.000Z');
const HOUR = 60 * 60 * 1000;

/** A fabricated backup `hoursAgo` before NOW, named like the real ones. */
function backup(kind: BackupKind, hoursAgo: number) {
  const takenAt = new Date(NOW.getTime() - hoursAgo * HOUR);
  const label = { automatic: 'auto', manual: 'manual', daily: 'daily', migration: 'v3', 'set-aside': 'aside' }[kind];
  return { name: `carrel-user-${label}-${takenAt.toISOString().replace(/[:.]/g, '-')}.sqlite`, kind, takenAt };
}
const survivors = (set: ReturnType<typeof backup>[], keep?: string) => {
  const removed = new Set(backupsToRotate(set, NOW, keep).map((b) => b.name));
  return set.filter((b) => !removed.has(b.name));
};
const ages = (set: ReturnType<typeof backup>[]) => set.map((b) => Math.round((NOW.getTime() - b.takenAt.getTime()) / HOUR));

describe('backup rotation', () => {
  it('keeps the newest ten automatic backups of a working session and nothing older of the same day', () => {
    // Every ten minutes for five hours: 30 automatic backups, all within today.
    const set = Array.from({ length: 30 }, (_, n) => backup('automatic', n / 6));
    const kept = survivors(set);
    expect(kept.map((b) => b.name)).toEqual(set.slice(0, 10).map((b) => b.name));
  });

  it('keeps one a day, the newest of each of the last seven days, and nothing beyond', () => {
    // Four automatic backups a day (at 1, 3, 5, 7 hours into each 24-hour period), for twelve days.
    const set = Array.from({ length: 12 }, (_, day) => [1, 3, 5, 7].map((hour) => backup('automatic', day * 24 + hour))).flat();
    const kept = survivors(set);
    // The newest ten: days 0, 1 (four each) and two of day 2; then the newest of days 2 to 6.
    expect(ages(kept)).toEqual([1, 3, 5, 7, 25, 27, 29, 31, 49, 51, 73, 97, 121, 145]);
  });

  it('never rotates away copies made before a migration or set aside by a restore, however old or many', () => {
    const set = [
      ...Array.from({ length: 15 }, (_, n) => backup('automatic', n)),
      backup('migration', 2),
      backup('migration', 24 * 90),
      backup('set-aside', 24 * 400),
      ...Array.from({ length: 12 }, (_, n) => backup('migration', 24 * 30 + n)),
    ];
    const kept = survivors(set);
    expect(kept.filter((b) => b.kind === 'migration')).toHaveLength(14);
    expect(kept.filter((b) => b.kind === 'set-aside')).toHaveLength(1);
    // Migration copies do not take places among the newest ten.
    expect(ages(kept.filter((b) => b.kind === 'automatic'))).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });

  it('pools automatic, daily and manual backups, but keeps the newest ten made with Back up now', () => {
    const set = [
      backup('manual', 30), // yesterday, and not the newest of its day
      backup('automatic', 26), // the newest of yesterday
      backup('daily', 20), // today, but not today's newest
      ...Array.from({ length: 12 }, (_, n) => backup('automatic', n / 6)),
      backup('daily', 24 * 8), // older than a week
      backup('automatic', 24 * 3 + 5),
      backup('automatic', 24 * 3 + 1),
    ];
    const kept = survivors(set);
    expect(kept.map((b) => `${b.kind} ${Math.round((NOW.getTime() - b.takenAt.getTime()) / 60000)}`)).toEqual([
      'manual 1800',
      'automatic 1560',
      ...Array.from({ length: 10 }, (_, n) => `automatic ${n * 10}`),
      'automatic 4380',
    ]);
  });

  it('keeps the backup just written even when the clock says it is older than the rest', () => {
    const set = [...Array.from({ length: 10 }, (_, n) => backup('automatic', -n - 1)), backup('automatic', 24 * 30)];
    expect(survivors(set).map((b) => b.name)).not.toContain(set[10]!.name);
    expect(survivors(set, set[10]!.name).map((b) => b.name)).toContain(set[10]!.name);
  });
});
