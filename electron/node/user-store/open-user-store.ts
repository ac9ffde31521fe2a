import fs from 'node:fs';
import path from 'node:path';
import { openDatabase, type Db } from '../sqlite/open-database';
import { backupDatabase, backupDir, dailyBackup, DEFAULT_KEPT_BACKUPS } from './backup';
import { MIGRATIONS } from './migrations';
import type { Migration } from './migrations/migration';
import { UserStoreOpenError } from './user-store-error';

/** PRAGMA application_id of a Carrel user database ("CRLU"). */
export const USER_APPLICATION_ID = 0x43524c55;

export type OpenUserStoreOptions = {
  nativeBinding?: string;
  /** Migrations to apply (tests pass their own lists); default: all of this app's. */
  migrations?: readonly Migration[];
  /** How many backups to keep beside the file. */
  keepBackups?: number;
  now?: () => Date;
  /** Keep a daily copy of the file in backups/ (default true). */
  dailyBackups?: boolean;
};

export type UserStore = {
  readonly db: Db;
  readonly file: string;
  /** Schema version the file had when opened (0 for a new file). */
  readonly openedAtVersion: number;
  /** Path of the backup written before migrating, if one was. */
  readonly backupFile: string | undefined;
  /** Runs `write` in one IMMEDIATE transaction: all of it is committed, or none. */
  write<T>(write: () => T): T;
  close(): void;
};

/**
 * Opens (creating if needed) the user database: refuses a file from a newer Carrel or a file
 * that is not a Carrel user database WITHOUT writing to it, backs the file up before any
 * migration, then applies the pending migrations, each in its own transaction.
 */
export function openUserStore(file: string, options: OpenUserStoreOptions = {}): UserStore {
  const migrations = options.migrations ?? MIGRATIONS;
  const latest = migrations.length ? migrations[migrations.length - 1]!.version : 0;
  const now = options.now ?? (() => new Date());
  const name = path.basename(file);
  try {
    fs.mkdirSync(path.dirname(file), { recursive: true });
  } catch (error) {
    throw new UserStoreOpenError('user-data-unavailable', `The folder for your notes, ${path.dirname(file)}, cannot be created (${(error as Error).message}).`);
  }
  let db: Db | undefined;
  try {
    db = openDatabase(file, { nativeBinding: options.nativeBinding });
    // Read-only checks first: nothing is written to a file we are not going to use.
    const applicationId = db.pragma('application_id', { simple: true }) as number;
    const version = db.pragma('user_version', { simple: true }) as number;
    if (applicationId !== 0 && applicationId !== USER_APPLICATION_ID) {
      throw new UserStoreOpenError('user-data-invalid', `${name} at ${file} is a SQLite file but not Carrel's notes database; it was left untouched.`);
    }
    if (version > latest) {
      throw new UserStoreOpenError(
        'user-data-newer',
        `Your notes database ${file} was written by a newer version of Carrel (schema ${version}; this version knows ${latest}). It was left untouched: update Carrel to use your notes.`,
      );
    }
    const hasTables = (db.prepare("SELECT count(*) AS n FROM sqlite_schema WHERE type = 'table'").get() as { n: number }).n > 0;
    if (applicationId === 0 && (version !== 0 || hasTables)) {
      throw new UserStoreOpenError('user-data-invalid', `${name} at ${file} is a SQLite file but not Carrel's notes database; it was left untouched.`);
    }
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    const backupFile =
      version > 0 && version < latest ? backupDatabase(db, file, version, now(), options.keepBackups ?? DEFAULT_KEPT_BACKUPS) : undefined;
    migrate(db, migrations, version);
    // A file that already held notes also gets its daily copy (a new, empty one has nothing to keep).
    if (version > 0 && options.dailyBackups !== false) dailyBackup(db, file, now());
    const open = db;
    return {
      db: open,
      file,
      openedAtVersion: version,
      backupFile,
      write: (write) => open.transaction(write).immediate(),
      close: () => open.close(),
    };
  } catch (error) {
    db?.close();
    if (error instanceof UserStoreOpenError) throw error;
    throw new UserStoreOpenError(
      'user-data-invalid',
      `Your notes database ${file} cannot be opened: it is damaged or not a Carrel notes database (${(error as Error).message}). It was left as it is; copies made earlier are in ${backupDir(file)}.`,
    );
  }
}

function migrate(db: Db, migrations: readonly Migration[], from: number): void {
  for (const migration of migrations) {
    if (migration.version <= from) continue;
    db.transaction(() => {
      migration.up(db);
      db.pragma(`application_id = ${USER_APPLICATION_ID}`);
      db.pragma(`user_version = ${migration.version}`);
    }).immediate();
  }
}

