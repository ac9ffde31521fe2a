import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../../electron/node/sqlite/open-database';
import { listDailyBackups } from '../../../../electron/node/user-store/backup';
import { openUserStore } from '../../../../electron/node/user-store/open-user-store';
import { UserStoreOpenError } from '../../../../electron/node/user-store/user-store-error';

const NOTE = 'MARGIN-44 the third letter is a forgery';
const day = (n: number) => () => new Date(Date.UTC(2026, 2, 1 + n, 9));
let dir: string;
let file: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'carrel-empty-'));
  file = path.join(dir, 'carrel-user.sqlite');
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

function refusal(now: () => Date): UserStoreOpenError {
  try {
    openUserStore(file, { now }).close();
  } catch (error) {
    if (error instanceof UserStoreOpenError) return error;
    throw error;
  }
  throw new Error('expected the notes database to be refused');
}

/** A notes database with one note, opened on seven days: seven daily backups that hold it. */
function weekOfBackups(): string[] {
  const store = openUserStore(file, { now: day(0) });
  store.write(() =>
    store.db.prepare("INSERT INTO document_notes (id, corpus_id, document_id, body, created_at, updated_at) VALUES ('n1', 'c', 'd', ?, 't', 't')").run(NOTE),
  );
  store.close();
  for (let n = 1; n <= 7; n++) openUserStore(file, { now: day(n) }).close();
  const backups = listDailyBackups(file);
  expect(backups).toHaveLength(7);
  return backups;
}

const noteIn = (backup: string) => {
  const db = openDatabase(backup, { readonly: true, fileMustExist: true });
  try {
    return db.prepare('SELECT body FROM document_notes').pluck().all();
  } finally {
    db.close();
  }
};

describe('a notes file that lost its contents', () => {
  it('zero bytes with seven daily backups, opened on eight days: refused each time, all seven backups kept', () => {
    const backups = weekOfBackups();
    fs.truncateSync(file, 0);
    for (let n = 8; n < 16; n++) {
      const error = refusal(day(n));
      expect(error.code, `day ${n}`).toBe('user-data-empty');
      expect(error.message).toMatch(/is empty \(0 bytes\)/);
      expect(error.message).toMatch(/7 backups/);
      expect(fs.statSync(file).size).toBe(0);
    }
    expect(listDailyBackups(file)).toEqual(backups);
    for (const backup of backups) expect(noteIn(backup)).toEqual([NOTE]);
  });

  it('a SQLite file without tables while backups exist is refused, not started afresh', () => {
    const backups = weekOfBackups();
    fs.rmSync(file);
    const blank = openDatabase(file);
    blank.pragma('journal_mode = WAL');
    blank.close();
    expect(fs.statSync(file).size).toBeGreaterThan(0);
    for (let n = 8; n < 10; n++) expect(refusal(day(n)).code).toBe('user-data-empty');
    expect(listDailyBackups(file)).toEqual(backups);
  });

  it('a missing file while backups exist is refused, not started afresh', () => {
    const backups = weekOfBackups();
    fs.rmSync(file);
    const error = refusal(day(8));
    expect(error.code).toBe('user-data-missing');
    expect(error.message).toMatch(/7 backups/);
    expect(fs.existsSync(file)).toBe(false);
    expect(listDailyBackups(file)).toEqual(backups);
  });

  it('zero bytes and no backup at all: refused too, and the message says no backup exists', () => {
    fs.writeFileSync(file, '');
    const error = refusal(day(0));
    expect(error.code).toBe('user-data-empty');
    expect(error.message).toMatch(/no backup/i);
    expect(error.message).not.toMatch(/backups\//);
    expect(fs.existsSync(path.join(dir, 'backups'))).toBe(false);
  });

  it('a new notes database is made whole before it takes the name: an interrupted first start leaves no empty file', () => {
    openUserStore(file).close();
    expect(fs.readdirSync(dir).filter((name) => name !== 'carrel-user.sqlite')).toEqual([]);
    // What a kill during the first start can leave: the half-made file under its temporary name.
    fs.rmSync(file);
    fs.writeFileSync(`${file}.creating`, '');
    openUserStore(file).close();
    expect(fs.existsSync(`${file}.creating`)).toBe(false);
    expect(fs.statSync(file).size).toBeGreaterThan(0);
  });
});
