import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../../electron/node/sqlite/open-database';
import { listBackups, listDailyBackups } from '../../../../electron/node/user-store/backup';
import { MIGRATIONS, USER_SCHEMA_VERSION } from '../../../../electron/node/user-store/migrations';
import type { Migration } from '../../../../electron/node/user-store/migrations/migration';
import { openUserStore, USER_APPLICATION_ID } from '../../../../electron/node/user-store/open-user-store';
import { UserStoreOpenError } from '../../../../electron/node/user-store/user-store-error';

let dir: string;
let file: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'carrel-user-store-'));
  file = path.join(dir, 'carrel-user.sqlite');
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

function openError(options: Parameters<typeof openUserStore>[1] = {}): UserStoreOpenError {
  try {
    openUserStore(file, options).close();
  } catch (error) {
    if (error instanceof UserStoreOpenError) return error;
    throw error;
  }
  throw new Error('expected the user database to be refused');
}

/** Every file of the database (main, -wal, -shm) with its bytes, to prove a file was not touched. */
function snapshot(): Record<string, string> {
  return Object.fromEntries(
    fs
      .readdirSync(dir)
      .filter((name) => name.startsWith('carrel-user.sqlite'))
      .map((name) => [name, fs.readFileSync(path.join(dir, name)).toString('base64')]),
  );
}

const addColumn = (version: number): Migration => ({
  version,
  name: `test-${version}`,
  up: (db) => db.exec(`ALTER TABLE document_notes ADD COLUMN extra_${version} TEXT`),
});

describe('openUserStore', () => {
  it('creates a new database with WAL, synchronous=FULL, foreign keys and the latest schema, without a backup', () => {
    const store = openUserStore(file);
    try {
      expect(store.db.pragma('journal_mode', { simple: true })).toBe('wal');
      expect(store.db.pragma('synchronous', { simple: true })).toBe(2); // FULL
      expect(store.db.pragma('foreign_keys', { simple: true })).toBe(1);
      expect(store.db.pragma('user_version', { simple: true })).toBe(USER_SCHEMA_VERSION);
      expect(store.db.pragma('application_id', { simple: true })).toBe(USER_APPLICATION_ID);
      expect(store.openedAtVersion).toBe(0);
      expect(store.backupFile).toBeUndefined();
      expect(listBackups(file)).toEqual([]);
    } finally {
      store.close();
    }
    const again = openUserStore(file);
    expect(again.openedAtVersion).toBe(USER_SCHEMA_VERSION);
    expect(again.backupFile).toBeUndefined();
    again.close();
  });

  it('backs the file up before migrating it, with the data as it was', () => {
    const v1 = openUserStore(file, { migrations: MIGRATIONS });
    v1.write(() =>
      v1.db
        .prepare("INSERT INTO document_notes (id, corpus_id, document_id, body, created_at, updated_at) VALUES ('n1', 'c', 'd', 'kept', 't', 't')")
        .run(),
    );
    v1.close();
    const v2 = openUserStore(file, { migrations: [...MIGRATIONS, addColumn(USER_SCHEMA_VERSION + 1)] });
    try {
      expect(v2.db.pragma('user_version', { simple: true })).toBe(USER_SCHEMA_VERSION + 1);
      expect(v2.backupFile).toBeDefined();
      expect(listBackups(file)).toEqual([v2.backupFile]);
      const backup = openDatabase(v2.backupFile!, { readonly: true });
      expect(backup.pragma('user_version', { simple: true })).toBe(USER_SCHEMA_VERSION);
      expect(backup.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(backup.prepare('SELECT body FROM document_notes').pluck().all()).toEqual(['kept']);
      backup.close();
    } finally {
      v2.close();
    }
  });

  it('applies a migration entirely or not at all, and keeps the backup when one fails', () => {
    openUserStore(file).close();
    const failing: Migration = {
      version: USER_SCHEMA_VERSION + 1,
      name: 'broken',
      up(db) {
        db.exec('CREATE TABLE half_done (x INTEGER)');
        throw new Error('disk said no');
      },
    };
    const error = openError({ migrations: [...MIGRATIONS, failing] });
    expect(error.code).toBe('user-data-unavailable');
    expect(error.message).toContain('disk said no');
    expect(error.message).toContain('not changed');
    expect(error.message).not.toMatch(/damaged/);
    const db = openDatabase(file, { readonly: true });
    expect(db.pragma('user_version', { simple: true })).toBe(USER_SCHEMA_VERSION);
    expect(db.prepare("SELECT count(*) FROM sqlite_schema WHERE name = 'half_done'").pluck().get()).toBe(0);
    db.close();
    expect(listBackups(file)).toHaveLength(1);
  });

  it('never rotates away a copy made before a migration (a test may bound them)', () => {
    openUserStore(file).close();
    const migrations = [...MIGRATIONS];
    for (let n = 1; n <= 12; n++) {
      migrations.push(addColumn(USER_SCHEMA_VERSION + n));
      openUserStore(file, { migrations, now: () => new Date(Date.UTC(2026, 0, n)) }).close();
    }
    expect(listBackups(file)).toHaveLength(12);
  });

  it('keeps a bounded number of backups when asked to', () => {
    openUserStore(file).close();
    const migrations = [...MIGRATIONS];
    for (let n = 1; n <= 4; n++) {
      migrations.push(addColumn(USER_SCHEMA_VERSION + n));
      openUserStore(file, { migrations, keepBackups: 2, dailyBackups: false }).close();
    }
    const backups = listBackups(file);
    expect(backups).toHaveLength(2);
    // The newest two: made before migrating from versions +2 and +3.
    expect(backups.map((b) => path.basename(b).match(/-v(\d+)-/)![1])).toEqual([
      String(USER_SCHEMA_VERSION + 2),
      String(USER_SCHEMA_VERSION + 3),
    ]);
  });

  it('keeps one daily copy of a database that holds notes, rotated with the others (the newest ten)', () => {
    const day = (n: number, hour = 9) => () => new Date(Date.UTC(2026, 0, 1 + n, hour));
    openUserStore(file, { now: day(0) }).close();
    expect(listDailyBackups(file)).toEqual([]); // a new, empty file: nothing to keep
    openUserStore(file, { now: day(0, 10) }).close();
    expect(listDailyBackups(file)).toHaveLength(1);
    openUserStore(file, { now: day(0, 20) }).close();
    expect(listDailyBackups(file)).toHaveLength(1); // same day
    for (let n = 1; n <= 13; n++) openUserStore(file, { now: day(n) }).close();
    const daily = listDailyBackups(file);
    expect(daily).toHaveLength(10);
    expect(path.basename(daily[0]!)).toContain('2026-01-05T09-00-00-000Z');
    expect(path.basename(daily.at(-1)!)).toContain('2026-01-14T09-00-00-000Z');
    const copy = openDatabase(daily.at(-1)!, { readonly: true });
    expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
    copy.close();
    expect(listBackups(file)).toEqual([]); // no migration ran, so no migration backup
  });

  it('refuses a file from a newer Carrel with a clear message and never touches it', () => {
    const store = openUserStore(file);
    store.db.pragma(`user_version = ${USER_SCHEMA_VERSION + 5}`);
    store.close();
    const before = snapshot();
    const error = openError();
    expect(error.code).toBe('user-data-newer');
    expect(error.message).toContain('newer version of Carrel');
    expect(error.message).toContain(`schema ${USER_SCHEMA_VERSION + 5}`);
    expect(snapshot()).toEqual(before);
    expect(listBackups(file)).toEqual([]);
  });

  it('refuses a SQLite file that is not a Carrel notes database, untouched', () => {
    const other = openDatabase(file);
    other.exec('CREATE TABLE somebody_elses (x)');
    other.close();
    const before = snapshot();
    expect(openError().code).toBe('user-data-invalid');
    expect(snapshot()).toEqual(before);
  });

  it('refuses a file that is not SQLite at all as damaged, untouched, pointing at backups only when there are some', () => {
    fs.writeFileSync(file, 'not a database '.repeat(100));
    const before = snapshot();
    const error = openError();
    expect(error.code).toBe('user-data-damaged');
    expect(error.message).toContain('left it as it is');
    expect(error.message).toContain('There is no backup of it.');
    expect(error.message).not.toContain(path.join(dir, 'backups'));
    expect(snapshot()).toEqual(before);
  });

  it('explains a folder it cannot create instead of crashing', () => {
    fs.writeFileSync(path.join(dir, 'a-file'), 'x');
    const error = (() => {
      try {
        openUserStore(path.join(dir, 'a-file', 'carrel-user.sqlite')).close();
      } catch (caught) {
        return caught;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(UserStoreOpenError);
    expect((error as UserStoreOpenError).code).toBe('user-data-unavailable');
    expect((error as UserStoreOpenError).message).toContain('cannot be created');
  });

  it('rolls back a write that fails half way', () => {
    const store = openUserStore(file);
    try {
      const insert = store.db.prepare(
        "INSERT INTO document_notes (id, corpus_id, document_id, body, created_at, updated_at) VALUES (?, 'c', 'd', 'b', 't', 't')",
      );
      expect(() =>
        store.write(() => {
          insert.run('first');
          insert.run('first'); // primary key violation
        }),
      ).toThrow(/UNIQUE/);
      expect(store.db.prepare('SELECT count(*) FROM document_notes').pluck().get()).toBe(0);
    } finally {
      store.close();
    }
  });
});
