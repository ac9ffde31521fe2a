import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { listDailyBackups } from '../../../../../electron/node/user-store/backup';
import { convertDatabaseFile } from '../../../../../electron/node/user-store/encryption/convert-file';
import { fileKind } from '../../../../../electron/node/user-store/encryption/file-kind';
import { openUserStore } from '../../../../../electron/node/user-store/open-user-store';
import { UserStoreOpenError } from '../../../../../electron/node/user-store/user-store-error';
import { holdsNote, makeDatabase, readLines, sha256, testKey } from './key-fixture';

let dir: string;
let file: string;
const key = testKey('store');
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'carrel-open-encrypted-'));
  file = path.join(dir, 'carrel-user.sqlite');
  makeDatabase(file);
  convertDatabaseFile(file, null, key);
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

function openError(options: Parameters<typeof openUserStore>[1]): UserStoreOpenError {
  try {
    openUserStore(file, options).close();
  } catch (error) {
    if (error instanceof UserStoreOpenError) return error;
    throw error;
  }
  throw new Error('expected the store to be refused');
}

const migrations = [{ version: 1, name: 'lines', up: () => {} }];

describe('opening an encrypted notes database', () => {
  it('is recognised as locked, never as damaged or foreign, and left untouched', () => {
    const before = sha256(file);
    const error = openError({ migrations });
    expect(error.code).toBe('user-data-locked');
    expect(error.message).toMatch(/encrypted/);
    expect(sha256(file)).toBe(before);
  });

  it('refuses a wrong key with a plain message, without writing to the file or creating a WAL', () => {
    const before = sha256(file);
    const error = openError({ migrations, key: testKey('wrong') });
    expect(error.code).toBe('user-data-wrong-passphrase');
    expect(error.message).toMatch(/^That passphrase does not open your notes/);
    expect(sha256(file)).toBe(before);
    expect(fs.existsSync(`${file}-wal`)).toBe(false);
  });

  it('opens with its key, says it is encrypted, and writes its daily backup encrypted with the same key', () => {
    const store = openUserStore(file, { migrations, key, now: () => new Date('2026-03-01T10:00:00Z') });
    expect(store.encrypted).toBe(true);
    store.db.prepare('INSERT INTO lines (n, text) VALUES (?, ?)').run(201, 'LACUNA-58 added while encrypted');
    // Written and still in the WAL: neither the WAL nor the file holds the text in the clear.
    for (const f of [file, `${file}-wal`].filter((f) => fs.existsSync(f))) expect(holdsNote(f), f).toBe(false);
    store.close();
    const [daily] = listDailyBackups(file);
    expect(fileKind(daily!)).toBe('encrypted');
    expect(holdsNote(daily!)).toBe(false);
    expect(() => readLines(daily!, null)).toThrow(/not a database/);
    expect(readLines(daily!, key)).toBe(200);
  });

  it('removes a copy an interrupted conversion left beside it (it may be plain)', () => {
    const leftover = `${file}.converting`;
    fs.copyFileSync(file, leftover);
    fs.mkdirSync(path.join(dir, 'backups'), { recursive: true });
    const inBackups = path.join(dir, 'backups', 'carrel-user-daily-x.sqlite.converting');
    fs.writeFileSync(inBackups, 'plain copy');
    openUserStore(file, { migrations, key, dailyBackups: false }).close();
    expect(fs.existsSync(leftover)).toBe(false);
    expect(fs.existsSync(inBackups)).toBe(false);
  });

  it('calls a text file damaged, not encrypted', () => {
    fs.writeFileSync(file, 'not a database '.repeat(100));
    expect(fileKind(file)).toBe('damaged');
    expect(openError({ migrations }).code).toBe('user-data-damaged');
  });
});
