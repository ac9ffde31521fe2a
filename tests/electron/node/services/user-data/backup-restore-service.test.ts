import fs from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { createHandlerTable, type HandlerTable } from '../../../../../electron/node/ipc/handler-table';
import { createServices, type AppServices } from '../../../../../electron/node/services/create-services';
import { listDailyBackups } from '../../../../../electron/node/user-store/backup';
import { fileKind } from '../../../../../electron/node/user-store/encryption/file-kind';
import { FIXTURES } from '../../../../harness/paths';
import { errorCode, makeWorkspace, value } from '../user-data-fixture';

const workspace = makeWorkspace('carrel-restore-');
const folder = path.dirname(workspace.userDbFile);
const backups = path.join(folder, 'backups');
const NOTE = 'APOGRAPH-27 the colophon names a second scribe';
const LATER = 'APOGRAPH-28 written after the last backup';
let corpus: string;
let day = 0;
const open: AppServices[] = [];

/** Services on the notes file, on a clock that is a day later at each start. */
function start(): { services: AppServices; table: HandlerTable } {
  const today = Date.UTC(2026, 3, 1 + day++, 9);
  let tick = 0;
  const services = createServices({ corpusFile: corpus, userDbFile: workspace.userDbFile, now: () => new Date(today + tick++ * 1000) });
  open.push(services);
  return { services, table: createHandlerTable(services, () => {}) };
}
const closeAll = () => open.splice(0).forEach((services) => services.close());

async function highlight(table: HandlerTable, note: string) {
  const text = value(await table.getDocument({ id: 'notes' })).text;
  const start = text.indexOf('Dabiq');
  return value(await table.createHighlight({ documentId: 'notes', start, end: start + 5, color: 'blue', note }));
}
const notesOf = async (table: HandlerTable) => value(await table.listHighlights({ documentId: 'notes' })).map((h) => h.note);
const holds = (file: string, text: string) => fs.readFileSync(file).includes(Buffer.from(text));
const everyFile = (dir: string): string[] =>
  fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => (entry.isDirectory() ? everyFile(path.join(dir, entry.name)) : [path.join(dir, entry.name)]));

beforeAll(() => {
  corpus = workspace.corpus('a', path.join(FIXTURES, 'corpus-small'));
});
afterAll(() => {
  closeAll();
  workspace.close();
});
beforeEach(async () => {
  fs.rmSync(folder, { recursive: true, force: true });
  // A note, then three more starts on three days: three daily backups that hold it.
  const { table } = start();
  await highlight(table, NOTE);
  closeAll();
  for (let n = 0; n < 3; n++) start();
  closeAll();
  expect(listDailyBackups(workspace.userDbFile)).toHaveLength(3);
});
afterEach(() => {
  vi.restoreAllMocks();
  closeAll();
});

describe('restoring the notes from a backup', { timeout: 60_000 }, () => {
  it('a zero-byte notes file: refused with a reason, the backups listed and checked, the newest restored', async () => {
    fs.truncateSync(workspace.userDbFile, 0);
    const { table } = start();
    expect(value(await table.getUserDataStatus(undefined))).toMatchObject({ state: 'unavailable', code: 'user-data-empty' });
    const listed = value(await table.listUserDataBackups(undefined));
    expect(listed.folder).toBe(backups);
    expect(listed.backups.map((b) => [b.kind, b.encryption, b.usable])).toEqual([
      ['daily', 'plain', true],
      ['daily', 'plain', true],
      ['daily', 'plain', true],
    ]);
    expect(listed.backups[0]!.contents).toEqual({ highlights: 1, notes: 0, bookmarks: 0 });
    expect(Date.parse(listed.backups[0]!.takenAt)).toBeGreaterThan(Date.parse(listed.backups[1]!.takenAt));

    const restored = value(await table.restoreUserDataBackup({ name: listed.backups[0]!.name }));
    expect(restored.status).toMatchObject({ state: 'open', encrypted: false });
    expect(restored.message).toMatch(/restored from the daily backup of 2026-04-04 09:00 UTC/);
    expect(restored.message).toMatch(/kept in backups\/ as carrel-user-aside-.*\.sqlite/);
    expect(await notesOf(table)).toEqual([NOTE]);
    // The empty file was kept (never delete anything), listed as a set-aside copy that cannot be restored.
    const after = value(await table.listUserDataBackups(undefined)).backups;
    const aside = after.find((b) => b.kind === 'set-aside')!;
    expect(aside).toMatchObject({ encryption: 'empty', usable: false, bytes: 0 });
    expect(after.filter((b) => b.kind === 'daily')).toHaveLength(3);
    expect(fs.readdirSync(folder).filter((name) => /restoring|partial/.test(name))).toEqual([]);
  });

  it('a damaged file (first page zeroed): refused as damaged, restored; a write after it is kept', async () => {
    const bytes = fs.readFileSync(workspace.userDbFile);
    bytes.fill(0, 0, 4096);
    fs.writeFileSync(workspace.userDbFile, bytes);
    const { table } = start();
    expect(value(await table.getUserDataStatus(undefined))).toMatchObject({ state: 'unavailable', code: 'user-data-damaged' });
    const [newest] = value(await table.listUserDataBackups(undefined)).backups;
    value(await table.restoreUserDataBackup({ name: newest!.name }));
    await highlight(table, LATER);
    closeAll();
    const again = start();
    expect((await notesOf(again.table)).sort()).toEqual([NOTE, LATER].sort());
    // The damaged bytes are kept as they were.
    const aside = fs.readdirSync(backups).find((name) => name.includes('-aside-'))!;
    expect(fs.readFileSync(path.join(backups, aside)).equals(bytes)).toBe(true);
  });

  it('of notes in use: the current file, with what was written since the backup, is kept aside first', async () => {
    const { table } = start();
    await highlight(table, LATER);
    const [, older] = value(await table.listUserDataBackups(undefined)).backups;
    const restored = value(await table.restoreUserDataBackup({ name: older!.name }));
    expect(restored.status.state).toBe('open');
    expect(await notesOf(table)).toEqual([NOTE]);
    const aside = value(await table.listUserDataBackups(undefined)).backups.find((b) => b.kind === 'set-aside')!;
    expect(aside).toMatchObject({ encryption: 'plain', usable: true, contents: { highlights: 2, notes: 0, bookmarks: 0 } });
    // … and it can be restored in turn: nothing written was lost.
    value(await table.restoreUserDataBackup({ name: aside.name }));
    expect((await notesOf(table)).sort()).toEqual([NOTE, LATER].sort());
  });

  it('names a backup only by a name it listed: paths and unknown names are refused, nothing changes', async () => {
    fs.truncateSync(workspace.userDbFile, 0);
    const { table } = start();
    for (const name of ['../carrel-user.sqlite', '/etc/passwd.sqlite', 'backups/carrel-user-daily-x.sqlite', 'x'.repeat(300) + '.sqlite']) {
      expect(errorCode(await table.restoreUserDataBackup({ name })), name).toBe('invalid-argument');
    }
    expect(errorCode(await table.restoreUserDataBackup({ name: 'carrel-user-daily-2020-01-01T00-00-00-000Z.sqlite' }))).toBe('backup-not-found');
    expect(errorCode(await table.restoreUserDataBackup({ name: 'corpus.sqlite', extra: 1 } as never))).toBe('invalid-argument');
    expect(fs.statSync(workspace.userDbFile).size).toBe(0);
    expect(value(await table.getUserDataStatus(undefined)).code).toBe('user-data-empty');
  });

  it('refuses a backup that fails its check, and changes nothing', async () => {
    fs.truncateSync(workspace.userDbFile, 0);
    const [newest] = listDailyBackups(workspace.userDbFile).slice(-1);
    fs.truncateSync(newest!, 4096 * 2 + 100);
    const { table } = start();
    const listed = value(await table.listUserDataBackups(undefined)).backups;
    expect(listed[0]).toMatchObject({ usable: false, encryption: 'damaged' });
    expect(listed[0]!.problem).toMatch(/cut short/);
    const refused = await table.restoreUserDataBackup({ name: listed[0]!.name });
    expect(errorCode(refused)).toBe('backup-unusable');
    expect(fs.statSync(workspace.userDbFile).size).toBe(0);
    expect(fs.readdirSync(backups).filter((name) => name.includes('-aside-'))).toEqual([]);
  });

  it('leaves the notes file as it was when putting the copy in place fails', async () => {
    fs.truncateSync(workspace.userDbFile, 0);
    const { table } = start();
    const [newest] = value(await table.listUserDataBackups(undefined)).backups;
    const rename = fs.renameSync;
    vi.spyOn(fs, 'renameSync').mockImplementation((from, to) => {
      if (String(from).endsWith('.restoring')) throw Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' });
      return rename(from, to);
    });
    const failed = await table.restoreUserDataBackup({ name: newest!.name });
    expect(errorCode(failed)).toBe('restore-failed');
    expect(!failed.ok && failed.error.message).toMatch(/could not be put in place .*no space left/);
    expect(fs.statSync(workspace.userDbFile).size).toBe(0);
    expect(fs.readdirSync(folder).filter((name) => name.includes('.restoring'))).toEqual([]);
    expect(value(await table.getUserDataStatus(undefined)).code).toBe('user-data-empty');
  });

  it('set-aside copies follow the encryption rules: after "Encrypt", no file holds a note in the clear', async () => {
    const { table } = start();
    await highlight(table, LATER);
    const [newest] = value(await table.listUserDataBackups(undefined)).backups;
    value(await table.restoreUserDataBackup({ name: newest!.name }));
    expect(fs.readdirSync(backups).some((name) => name.includes('-aside-') && holds(path.join(backups, name), 'APOGRAPH-28'))).toBe(true);
    value(await table.encryptUserData({ passphrase: 'restore then encrypt', confirmation: 'restore then encrypt' }));
    for (const file of everyFile(folder)) expect(holds(file, 'APOGRAPH'), file).toBe(false);
    const listed = value(await table.listUserDataBackups(undefined)).backups;
    expect(listed.every((b) => b.encryption === 'encrypted' && b.usable === null)).toBe(true);
  });

  it('an encrypted backup is listed as not checkable without its passphrase, and restores to locked notes', async () => {
    const passphrase = 'encrypted backups too';
    const first = start();
    value(await first.table.encryptUserData({ passphrase, confirmation: passphrase }));
    closeAll();
    fs.truncateSync(workspace.userDbFile, 0);
    const { table } = start();
    expect(value(await table.getUserDataStatus(undefined)).code).toBe('user-data-empty');
    const listed = value(await table.listUserDataBackups(undefined)).backups;
    expect(listed.length).toBeGreaterThan(0);
    expect(listed.every((b) => b.encryption === 'encrypted' && b.usable === null && !b.contents)).toBe(true);
    const restored = value(await table.restoreUserDataBackup({ name: listed[0]!.name }));
    expect(restored.status).toMatchObject({ state: 'locked', encrypted: true });
    expect(restored.message).toMatch(/enter the passphrase/);
    expect(fileKind(workspace.userDbFile)).toBe('encrypted');
    value(await table.unlockUserData({ passphrase }));
    expect(await notesOf(table)).toEqual([NOTE]);
  });
});

describe('starting with empty notes in place of a lost file', { timeout: 60_000 }, () => {
  it('is refused while the notes can be used', async () => {
    const { table } = start();
    expect(errorCode(await table.startNewUserData(undefined))).toBe('user-data-not-lost');
    expect(await notesOf(table)).toEqual([NOTE]);
  });

  it('keeps the file and every backup, which later daily backups never rotate away', async () => {
    fs.truncateSync(workspace.userDbFile, 0);
    const { table } = start();
    const started = value(await table.startNewUserData(undefined));
    expect(started.status).toMatchObject({ state: 'open' });
    expect(started.message).toMatch(/3 earlier backups are kept as set-aside copies/);
    expect(await notesOf(table)).toEqual([]);
    closeAll();
    for (let n = 0; n < 9; n++) {
      const later = start();
      await highlight(later.table, `day ${n}`);
      closeAll();
    }
    const listed = value(await start().table.listUserDataBackups(undefined)).backups;
    const kept = listed.filter((b) => b.kind === 'set-aside');
    expect(kept).toHaveLength(4); // the empty file and the three backups holding NOTE
    expect(kept.filter((b) => b.contents?.highlights === 1)).toHaveLength(3);
    expect(listed.filter((b) => b.kind === 'daily')).toHaveLength(10); // the rotation's newest ten
  });
});

describe('Back up now, and restoring healthy notes', { timeout: 60_000 }, () => {
  it('makes a checked copy that holds the notes, lists it, keeps the newest ten, and restores over open notes keeping them aside first', async () => {
    const { table } = start();
    const made = value(await table.backUpUserDataNow(undefined));
    expect(made).toMatchObject({ kind: 'manual', encryption: 'plain', usable: true, contents: { highlights: 1, notes: 0, bookmarks: 0 } });
    expect(holds(path.join(backups, made.name), NOTE)).toBe(true);
    expect(value(await table.listUserDataBackups(undefined)).backups[0]!.name).toBe(made.name);
    for (let n = 0; n < 11; n++) value(await table.backUpUserDataNow(undefined));
    expect(value(await table.listUserDataBackups(undefined)).backups.filter((b) => b.kind === 'manual')).toHaveLength(10);

    await highlight(table, LATER);
    const newest = value(await table.listUserDataBackups(undefined)).backups.find((b) => b.kind === 'manual')!;
    const restored = value(await table.restoreUserDataBackup({ name: newest.name }));
    expect(restored.message).toMatch(/restored from the backup you made of .*kept in backups\/ as carrel-user-aside-/);
    expect(await notesOf(table)).toEqual([NOTE]);
    const aside = value(await table.listUserDataBackups(undefined)).backups.find((b) => b.kind === 'set-aside')!;
    expect(aside.contents).toEqual({ highlights: 2, notes: 0, bookmarks: 0 });
  });

  it('keeps the copy of encrypted notes encrypted', async () => {
    const { table } = start();
    value(await table.encryptUserData({ passphrase: 'a long enough passphrase', confirmation: 'a long enough passphrase' }));
    const made = value(await table.backUpUserDataNow(undefined));
    expect(made).toMatchObject({ kind: 'manual', encryption: 'encrypted', usable: null });
    expect(fileKind(path.join(backups, made.name))).toBe('encrypted');
    expect(holds(path.join(backups, made.name), NOTE)).toBe(false);
  });
});
