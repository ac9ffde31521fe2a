import Database from 'better-sqlite3-multiple-ciphers';
import type { Db, SqliteOptions } from './open-database';

/** A database of better-sqlite3-multiple-ciphers: better-sqlite3's API and its key functions. */
export type CipherDb = Db & {
  /** sqlite3_key: the key of the file being opened. */
  key(key: Buffer): number;
  /** sqlite3_rekey: rewrites every page with a new key (an empty key decrypts). */
  rekey(key: Buffer): number;
};

/**
 * Opens a database with SQLite3MultipleCiphers (better-sqlite3-multiple-ciphers), used for the
 * user's notes only: the corpus keeps plain better-sqlite3. Without a key it reads and writes
 * ordinary SQLite files; `key` is the bytes of a raw-key string (see cipher-key.ts), handed to
 * sqlite3_key as a Buffer so the key never becomes a JavaScript string or part of SQL text.
 * The API is better-sqlite3's, so the result is typed as the same Db, plus key and rekey.
 */
export function openCipherDatabase(file: string, options: SqliteOptions & { key?: Buffer } = {}): CipherDb {
  const db = new Database(file, {
    readonly: options.readonly ?? false,
    fileMustExist: options.fileMustExist ?? false,
    ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
  });
  try {
    // ChaCha20-Poly1305 (the library's default, named so a changed default cannot surprise us):
    // every page is authenticated, so a wrong key or a tampered page is detected, not misread.
    db.pragma("cipher = 'chacha20'");
    if (options.key) db.key(options.key);
  } catch (error) {
    db.close();
    throw error;
  }
  return db as unknown as CipherDb;
}
