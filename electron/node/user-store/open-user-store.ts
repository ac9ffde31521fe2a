import fs from 'node:fs';
import path from 'node:path';
import { openCipherDatabase } from '../sqlite/open-cipher-database';
import type { Db } from '../sqlite/open-database';
import { backupDatabase, dailyBackup } from './backup';
import { withRawKey, type CipherKey } from './encryption/cipher-key';
import { inspectFile, type FileInspection } from './encryption/file-kind';
import { MIGRATIONS } from './migrations';
import type { Migration } from './migrations/migration';
import { flushFile, flushFolder, listAllBackups, removeLeftovers } from './notes-files';
import { damaged, openFailure, restoreSentence } from './open-failure';
import { UserStoreOpenError } from './user-store-error';

/** PRAGMA application_id of a Carrel user database ("CRLU"). */
export const USER_APPLICATION_ID = 0x43524c55;

export type OpenUserStoreOptions = {
  /** better_sqlite3.node of better-sqlite3-multiple-ciphers built for another runtime (Electron). */
  nativeBinding?: string;
  /** Key of an encrypted file (derived from the passphrase); without it an encrypted file is refused as locked. */
  key?: CipherKey;
  /** Migrations to apply (tests pass their own lists); default: all of this app's. */
  migrations?: readonly Migration[];
  /** How many copies made before migrations to keep (tests); by default they are never rotated away. */
  keepBackups?: number;
  now?: () => Date;
  /** Keep a daily copy of the file in backups/ (default true). */
  dailyBackups?: boolean;
  /**
   * The user chose to start with empty notes: a missing file (or one without tables) is a fresh
   * start even though backups exist. Without it, that is refused, so a lost file is never replaced silently.
   */
  startNew?: boolean;
  /** Called after each write() that committed (the automatic backups count changes by it); its failures are its own. */
  afterWrite?: () => void;
};

export type UserStore = {
  readonly db: Db;
  readonly file: string;
  /** Whether the file is encrypted at rest (opened with a key). */
  readonly encrypted: boolean;
  /** Schema version the file had when opened (0 for a new file). */
  readonly openedAtVersion: number;
  /** Path of the backup written before migrating, if one was. */
  readonly backupFile: string | undefined;
  /** Runs `write` in one IMMEDIATE transaction: all of it is committed, or none. */
  write<T>(write: () => T): T;
  close(): void;
};

/**
 * Opens (creating if needed) the user database: refuses a file from a newer Carrel, a file that
 * is not a Carrel user database, and a damaged or emptied one WITHOUT writing to it (nor pruning
 * a backup), backs the file up before any migration, then applies the pending migrations, each
 * in its own transaction. Only a missing file with no backups is a fresh start; the new file is
 * made whole under a temporary name first, so a crash never leaves an empty file to mistake.
 */
export function openUserStore(file: string, options: OpenUserStoreOptions = {}): UserStore {
  const migrations = options.migrations ?? MIGRATIONS;
  const latest = migrations.length ? migrations[migrations.length - 1]!.version : 0;
  const now = options.now ?? (() => new Date());
  const name = path.basename(file);
  try {
    fs.mkdirSync(path.dirname(file), { recursive: true });
  } catch (error) {
    throw openFailure(error, file, 'folder');
  }
  let inspection: FileInspection;
  try {
    // Temporary copies a crash left may hold notes in the clear: they go before anything else.
    removeLeftovers(file);
    inspection = inspectFile(file);
  } catch (error) {
    throw openFailure(error, file);
  }
  const hasBackups = listAllBackups(file).length > 0;
  const created = inspection.kind === 'missing';
  if (created && hasBackups && !options.startNew) {
    throw new UserStoreOpenError(
      'user-data-missing',
      `Your notes database ${file} is missing. Carrel did not start afresh in its place.${restoreSentence(file)}`,
    );
  }
  if (inspection.kind === 'empty') {
    throw new UserStoreOpenError(
      'user-data-empty',
      `Your notes database ${file} is empty (0 bytes): what it held was lost outside Carrel (a disk or sync problem, or a copy that went wrong). Carrel did not start afresh over it and left it as it is.${restoreSentence(file)}`,
    );
  }
  if (inspection.kind === 'damaged') throw damaged(file, inspection.reason!);
  const encrypted = inspection.kind === 'encrypted';
  if (encrypted && !options.key) {
    throw new UserStoreOpenError('user-data-locked', 'Your notes are encrypted. Enter your passphrase to open them.');
  }
  let db: Db | undefined;
  try {
    if (created) createDatabase(file, migrations, options.nativeBinding);
    db = encrypted
      ? withRawKey(options.key!, (key) => openCipherDatabase(file, { nativeBinding: options.nativeBinding, key }))
      : openCipherDatabase(file, { nativeBinding: options.nativeBinding });
    // Read-only checks first: nothing is written to a file we are not going to use.
    const applicationId = readFirst(db, encrypted);
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
    if (!hasTables && hasBackups && !options.startNew) {
      throw new UserStoreOpenError(
        'user-data-empty',
        `Your notes database ${file} holds nothing (a SQLite file without a single table), although backups of it exist. Carrel did not start afresh over it and left it as it is.${restoreSentence(file)}`,
      );
    }
    // A damaged page is found now, before the user writes into the file or a backup of it replaces a good one.
    const problems = db.pragma('quick_check(3)', { simple: false }) as { quick_check: string }[];
    if (problems.length !== 1 || problems[0]!.quick_check !== 'ok') {
      throw damaged(file, `SQLite's check of it found ${problems.map((row) => `“${row.quick_check}”`).join(', ')}`);
    }
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    // Erased notes are overwritten with zeros, not just unlinked (see deleted-items-service.ts).
    db.pragma('secure_delete = ON');
    db.pragma('busy_timeout = 5000');
    const backupFile =
      version > 0 && version < latest ? backupDatabase(db, file, version, now(), options.keepBackups) : undefined;
    migrate(db, migrations, version);
    // A file that already held notes also gets its daily copy (a new, empty one has nothing to keep).
    if (!created && version > 0 && options.dailyBackups !== false) dailyBackup(db, file, now());
    const open = db;
    return {
      db: open,
      file,
      encrypted,
      openedAtVersion: created ? 0 : version,
      backupFile,
      write: (write) => {
        const result = open.transaction(write).immediate();
        try {
          options.afterWrite?.();
        } catch {
          // What follows a committed write never turns it into a failure.
        }
        return result;
      },
      close: () => open.close(),
    };
  } catch (error) {
    db?.close();
    throw openFailure(error, file);
  }
}

/**
 * A new database, migrated, in WAL mode, written to `<file>.creating` and renamed into place
 * when whole: the name never holds an empty or half-made file (the temporary is removed at the
 * next start if a crash leaves it).
 */
function createDatabase(file: string, migrations: readonly Migration[], nativeBinding: string | undefined): void {
  const partial = `${file}.creating`;
  fs.rmSync(partial, { force: true });
  try {
    const db = openCipherDatabase(partial, { nativeBinding });
    try {
      db.pragma('synchronous = FULL');
      migrate(db, migrations, 0);
      db.pragma('journal_mode = WAL');
    } finally {
      db.close();
    }
    flushFile(partial);
    fs.renameSync(partial, file);
    flushFolder(path.dirname(file));
  } finally {
    for (const suffix of ['', '-journal', '-wal', '-shm']) fs.rmSync(`${partial}${suffix}`, { force: true });
  }
}

/**
 * The first read of the file: with a wrong key every page fails its authentication check and
 * SQLite answers SQLITE_NOTADB before anything is written, which means a wrong passphrase here.
 */
function readFirst(db: Db, encrypted: boolean): number {
  try {
    return db.pragma('application_id', { simple: true }) as number;
  } catch (error) {
    if (encrypted && (error as { code?: string }).code === 'SQLITE_NOTADB') {
      throw new UserStoreOpenError('user-data-wrong-passphrase', 'That passphrase does not open your notes. Nothing was changed; check it and try again.');
    }
    throw error;
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

