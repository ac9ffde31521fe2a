import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { openDatabase, type Db } from '../../../../electron/node/sqlite/open-database';
import { dailyBackup, listDailyBackups } from '../../../../electron/node/user-store/backup';
import { MIGRATIONS, USER_SCHEMA_VERSION } from '../../../../electron/node/user-store/migrations';
import { openUserStore } from '../../../../electron/node/user-store/open-user-store';
import { UserStoreOpenError } from '../../../../electron/node/user-store/user-store-error';
import { CAN_MOUNT_TMPFS, fillDisk, mountTmpfs, type Tmpfs } from '../../../harness/tmpfs';

const NOTE = 'SCHOLIUM-12 the map in the appendix is mislabelled';
let mounted: Tmpfs | undefined;
let dir: string | undefined;
afterEach(() => {
  vi.restoreAllMocks();
  if (mounted) {
    try {
      mounted.remountWritable();
    } catch {
      // already writable
    }
    mounted.unmount();
  }
  mounted = undefined;
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
  dir = undefined;
});

function refusal(file: string, options: Parameters<typeof openUserStore>[1] = {}): UserStoreOpenError {
  try {
    openUserStore(file, options).close();
  } catch (error) {
    if (error instanceof UserStoreOpenError) return error;
    throw error;
  }
  throw new Error('expected the notes database to be refused');
}

/** A notes database with `rows` notes in `folder`, optionally with a daily backup. */
function notesIn(folder: string, rows: number, backup: boolean): string {
  const file = path.join(folder, 'carrel-user.sqlite');
  const store = openUserStore(file, { dailyBackups: false });
  const insert = store.db.prepare("INSERT INTO document_notes (id, corpus_id, document_id, body, created_at, updated_at) VALUES (?, 'c', 'd', ?, 't', 't')");
  store.write(() => {
    for (let n = 0; n < rows; n++) insert.run(`n${n}`, `${NOTE} ${n}`);
  });
  if (backup) dailyBackup(store.db, file, new Date('2026-01-01T00:00:00Z'));
  store.close();
  return file;
}

const readOnlyWords = /cannot write to the folder/;
const fullWords = /disk .* is full/;

describe.skipIf(!CAN_MOUNT_TMPFS)('a read-only folder or a full disk at start (a real tmpfs)', () => {
  it.each([false, true])('read-only (EROFS), backups present: %s', (backup) => {
    mounted = mountTmpfs(4096)!;
    const file = notesIn(mounted.dir, 50, backup);
    mounted.remountReadOnly();
    const error = refusal(file);
    expect(error.code).toBe('user-data-read-only');
    expect(error.message).toMatch(readOnlyWords);
    expect(error.message).not.toMatch(/damaged|not Carrel/);
    if (backup) expect(error.message).toMatch(/1 backup/);
    else expect(error.message).not.toMatch(/backup/);
  });

  it('read-only (EROFS) on the very first start', () => {
    mounted = mountTmpfs(1024)!;
    mounted.remountReadOnly();
    const error = refusal(path.join(mounted.dir, 'carrel-user.sqlite'));
    expect(error.code).toBe('user-data-read-only');
    expect(error.message).toMatch(readOnlyWords);
  });

  it.each([false, true])('disk full (ENOSPC) when the daily backup or the WAL needs room, backups present: %s', (backup) => {
    // Room for the notes, a backup and the new daily one once the filler is gone (fillDisk takes the rest).
    mounted = mountTmpfs(2048)!;
    const file = notesIn(mounted.dir, 2000, backup);
    fillDisk(mounted.dir);
    const error = refusal(file, { now: () => new Date('2026-01-05T00:00:00Z') });
    expect(error.code).toBe('user-data-disk-full');
    expect(error.message).toMatch(fullWords);
    expect(error.message).not.toMatch(/damaged|not Carrel/);
    if (backup) expect(error.message).toMatch(/1 backup/);
    else expect(error.message).not.toMatch(/backup/);
    // Nothing was lost: once there is room again, the notes open as they were.
    fs.rmSync(path.join(mounted.dir, 'filler.bin'));
    const store = openUserStore(file, { now: () => new Date('2026-01-05T00:00:00Z') });
    expect(store.db.prepare('SELECT count(*) FROM document_notes').pluck().get()).toBe(2000);
    store.close();
  });

  it('disk full (ENOSPC) while migrating', () => {
    mounted = mountTmpfs(1024)!;
    const file = notesIn(mounted.dir, 2000, false);
    fillDisk(mounted.dir);
    const next = { version: USER_SCHEMA_VERSION + 1, name: 'grow', up: (db: Db) => db.exec("UPDATE document_notes SET body = body || hex(randomblob(200))") };
    const error = refusal(file, { migrations: [...MIGRATIONS, next] });
    expect(error.code).toBe('user-data-disk-full');
    expect(error.message).toMatch(fullWords);
  });
});

describe('a read-only folder or a full disk reported by the file layer (simulated)', () => {
  const fail = (code: string) => () => {
    throw Object.assign(new Error(`${code}: simulated`), { code });
  };

  it.each([
    ['EACCES', 'user-data-read-only', readOnlyWords],
    ['EROFS', 'user-data-read-only', readOnlyWords],
    ['ENOSPC', 'user-data-disk-full', fullWords],
  ] as const)('%s while making the folder', (code, expected, words) => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'carrel-open-failure-'));
    vi.spyOn(fs, 'mkdirSync').mockImplementation(fail(code));
    const error = refusal(path.join(dir, 'sub', 'carrel-user.sqlite'));
    expect(error.code).toBe(expected);
    expect(error.message).toMatch(words);
    expect(error.message).not.toMatch(/backup/);
  });

  it('EACCES on the notes file itself', () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'carrel-open-failure-'));
    const file = notesIn(dir, 5, true);
    vi.spyOn(fs, 'openSync').mockImplementation(fail('EACCES'));
    const error = refusal(file);
    expect(error.code).toBe('user-data-read-only');
    expect(error.message).toMatch(/permission/);
    expect(error.message).toMatch(/1 backup/);
  });
});

describe('quick_check at open', () => {
  it('refuses a file with a damaged page before anything is written to it, and offers the backup', () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'carrel-open-failure-'));
    const file = notesIn(dir, 3000, true);
    const bytes = fs.readFileSync(file);
    const pageSize = bytes.readUInt16BE(16);
    // A page deep in the notes table: a b-tree page full of garbage; page 1 (the header) is intact.
    const page = Math.floor(bytes.length / pageSize / 2);
    bytes.fill(0x5a, page * pageSize + 8, (page + 1) * pageSize);
    fs.writeFileSync(file, bytes);
    const error = refusal(file);
    expect(error.code).toBe('user-data-damaged');
    expect(error.message).toMatch(/damaged/);
    expect(error.message).toMatch(/1 backup/);
    expect(fs.readFileSync(file).equals(bytes)).toBe(true);
    expect(fs.existsSync(`${file}-wal`)).toBe(false);
    expect(listDailyBackups(file)).toHaveLength(1);
    const backup = openDatabase(listDailyBackups(file)[0]!, { readonly: true });
    expect(backup.prepare('SELECT count(*) FROM document_notes').pluck().get()).toBe(3000);
    backup.close();
  });
});
