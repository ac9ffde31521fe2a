import fs from 'node:fs';
import path from 'node:path';
import { openCipherDatabase } from '../sqlite/open-cipher-database';
import type { Db } from '../sqlite/open-database';
import { backupDatabase, backupDir, dailyBackup, DEFAULT_KEPT_BACKUPS } from './backup';
import { withRawKey, type CipherKey } from './encryption/cipher-key';
import { removeInterruptedConversions } from './encryption/convert-file';
import { fileKind } from './encryption/file-kind';
import { MIGRATIONS } from './migrations';
import type { Migration } from './migrations/migration';
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
  /** How many backups to keep beside the file. */
  keepBackups?: number;
  now?: () => Date;
  /** Keep a daily copy of the file in backups/ (default true). */
  dailyBackups?: boolean;
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
  let kind: ReturnType<typeof fileKind>;
  try {
    removeInterruptedConversions(file);
    kind = fileKind(file);
  } catch (error) {
    throw new UserStoreOpenError('user-data-unavailable', `Your notes database ${file} cannot be read (${(error as Error).message}).`);
  }
  const encrypted = kind === 'encrypted';
  if (encrypted && !options.key) {
    throw new UserStoreOpenError('user-data-locked', 'Your notes are encrypted. Enter your passphrase to open them.');
  }
  let db: Db | undefined;
  try {
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
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    // Erased notes are overwritten with zeros, not just unlinked (see deleted-items-service.ts).
    db.pragma('secure_delete = ON');
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
      encrypted,
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

