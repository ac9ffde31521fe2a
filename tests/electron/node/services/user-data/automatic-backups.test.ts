import fs from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { HandlerTable } from '../../../../../electron/node/ipc/handler-table';
import { AUTOMATIC_BACKUP_INTERVAL_MS } from '../../../../../electron/node/services/user-data/automatic-backups';
import { fileKind } from '../../../../../electron/node/user-store/encryption/file-kind';
import { listAllBackups } from '../../../../../electron/node/user-store/notes-files';
import { FIXTURES } from '../../../../harness/paths';
import { makeWorkspace, value } from '../user-data-fixture';

const workspace = makeWorkspace('carrel-auto-backup-');
const folder = path.dirname(workspace.userDbFile);
const MINUTE = 60_000;
let corpus: string;

/** Services whose clock is `clock.now` and whose scheduler only records what it was asked to run. */
function start() {
  const clock = { now: Date.parse('2026-06-01T09:00:00Z') };
  const scheduled: { run: () => void; delayMs: number; cancelled: boolean }[] = [];
  const schedule = (run: () => void, delayMs: number) => {
    const entry = { run, delayMs, cancelled: false };
    scheduled.push(entry);
    return { cancel: () => (entry.cancelled = true) };
  };
  const { services, table } = workspace.services(corpus, workspace.userDbFile, { now: () => new Date(clock.now), automaticBackups: { schedule } });
  /** Runs what is scheduled and not cancelled, as the timer would (a timer's callback ends before the next call arrives). */
  const runScheduled = async () => {
    const due = scheduled.splice(0).filter((entry) => !entry.cancelled);
    for (const entry of due) entry.run();
    await new Promise((resolve) => setImmediate(resolve));
    return due.length;
  };
  return { services, table, clock, scheduled, runScheduled };
}

async function highlight(table: HandlerTable, note: string) {
  const text = value(await table.getDocument({ id: 'notes' })).text;
  const start = text.indexOf('Dabiq');
  return value(await table.createHighlight({ documentId: 'notes', start, end: start + 5, color: 'blue', note }));
}
const automatic = () => listAllBackups(workspace.userDbFile).filter((backup) => backup.kind === 'automatic');
const holds = (file: string, text: string) => fs.readFileSync(file).includes(Buffer.from(text));

beforeAll(() => {
  corpus = workspace.corpus('a', path.join(FIXTURES, 'corpus-small'));
});
afterAll(() => workspace.close());
afterEach(() => {
  vi.restoreAllMocks();
  fs.rmSync(folder, { recursive: true, force: true });
});

describe('automatic backups while the notes change', { timeout: 60_000 }, () => {
  it('schedule one after a write (nothing written in the call itself), at most one every ten minutes', async () => {
    const { services, table, clock, scheduled, runScheduled } = start();
    await highlight(table, 'AUTO-1 first change');
    // The write returned without a backup: one is scheduled for a few seconds later.
    expect(automatic()).toHaveLength(0);
    expect(scheduled).toHaveLength(1);
    expect(scheduled[0]!.delayMs).toBeGreaterThan(0);
    await highlight(table, 'AUTO-2 second change');
    expect(scheduled).toHaveLength(1); // one already waits
    clock.now += 5_000;
    expect(await runScheduled()).toBe(1);
    const [first] = automatic();
    expect(first).toBeDefined();
    expect(holds(first!.path, 'AUTO-2 second change')).toBe(true);

    // Within ten minutes of it, changes schedule nothing.
    clock.now += 9 * MINUTE;
    await highlight(table, 'AUTO-3 within ten minutes');
    expect(scheduled).toHaveLength(0);
    // After ten minutes, the next change does.
    clock.now += 2 * MINUTE;
    await highlight(table, 'AUTO-4 after ten minutes');
    expect(scheduled).toHaveLength(1);
    await runScheduled();
    expect(automatic()).toHaveLength(2);
    expect(holds(automatic()[0]!.path, 'AUTO-4 after ten minutes')).toBe(true);

    // Listed with its kind and checked like every backup.
    const listed = value(await table.listUserDataBackups(undefined)).backups.find((backup) => backup.kind === 'automatic')!;
    expect(listed).toMatchObject({ encryption: 'plain', usable: true, contents: { highlights: 4, notes: 0, bookmarks: 0 } });
    services.close();
  });

  it('count “Back up now” as the last backup, and never run after close or while a restore runs', async () => {
    const { services, table, clock, scheduled, runScheduled } = start();
    await highlight(table, 'AUTO-5');
    await runScheduled();
    clock.now += AUTOMATIC_BACKUP_INTERVAL_MS + MINUTE;
    value(await table.backUpUserDataNow(undefined));
    clock.now += MINUTE;
    await highlight(table, 'AUTO-6 just after a manual backup');
    expect(scheduled).toHaveLength(0);

    clock.now += AUTOMATIC_BACKUP_INTERVAL_MS;
    await highlight(table, 'AUTO-7');
    expect(scheduled).toHaveLength(1);
    // A restore holds the notes when the timer fires: the backup is skipped, the next write schedules it again.
    const backups = automatic().length;
    let during = -1;
    await services.userDataContext.exclusive(async () => {
      await runScheduled();
      during = automatic().length;
    });
    expect(during).toBe(backups);
    await highlight(table, 'AUTO-8');
    expect(scheduled).toHaveLength(1);
    services.close();
    expect(scheduled[0]!.cancelled).toBe(true);
    expect(await runScheduled()).toBe(0);
    expect(automatic()).toHaveLength(backups);
  });

  it('rotate: after a long day of work the newest ten automatic backups are left, with the daily one', async () => {
    const { services, table, clock, runScheduled } = start();
    for (let n = 0; n < 25; n++) {
      await highlight(table, `AUTO-ROT-${n}`);
      await runScheduled();
      clock.now += 11 * MINUTE;
    }
    expect(automatic()).toHaveLength(10);
    expect(holds(automatic()[0]!.path, 'AUTO-ROT-24')).toBe(true);
    services.close();
  });

  it('a copy that fails its check is deleted and the Backups screen says why; the notes are unchanged', async () => {
    const { services, table, runScheduled } = start();
    await highlight(table, 'AUTO-9');
    // The copy comes out short of a row (as a copy cut by a full disk would fail its check).
    const db = services.userDataContext.store().db;
    const prepare = db.prepare.bind(db);
    vi.spyOn(db, 'prepare').mockImplementation((sql: string) =>
      /FROM carrel_backup_check\.(?:"highlights")/.test(sql) ? prepare('SELECT count(*) - 1 FROM carrel_backup_check."highlights"') : prepare(sql),
    );
    await runScheduled();
    vi.restoreAllMocks();
    expect(automatic()).toHaveLength(0);
    expect(fs.readdirSync(path.join(folder, 'backups')).filter((name) => name.includes('-auto-'))).toEqual([]);
    const listed = value(await table.listUserDataBackups(undefined));
    expect(listed.automaticProblem).toMatch(/automatic backup .* failed \(the copy holds 0 rows of highlights where the notes hold 1\).*unchanged/);
    expect(value(await table.listHighlights({ documentId: 'notes' })).map((h) => h.note)).toEqual(['AUTO-9']);
    services.close();
  });

  it('of encrypted notes, encrypted with their key and checked with it', async () => {
    const { services, table, clock, runScheduled } = start();
    await highlight(table, 'AUTO-SECRET');
    value(await table.encryptUserData({ passphrase: 'a long enough passphrase', confirmation: 'a long enough passphrase' }));
    await runScheduled();
    clock.now += AUTOMATIC_BACKUP_INTERVAL_MS + MINUTE;
    await highlight(table, 'AUTO-SECRET-2');
    expect(await runScheduled()).toBe(1);
    const made = automatic()[0]!;
    expect(fileKind(made.path)).toBe('encrypted');
    expect(holds(made.path, 'AUTO-SECRET')).toBe(false);
    expect(value(await table.listUserDataBackups(undefined)).automaticProblem).toBeUndefined();
    services.close();
  });
});
