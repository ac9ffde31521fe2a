import fs from 'node:fs';
import path from 'node:path';
import { openCipherDatabase, type CipherDb } from '../../sqlite/open-cipher-database';
import { flushFile, flushFolder } from '../notes-files';
import { withRawKey, type CipherKey } from './cipher-key';

/** A file's key, or null for a plain (unencrypted) file. */
export type FileKey = CipherKey | null;

export type ConvertOptions = {
  nativeBinding?: string;
  /** Give the result the source's modification time (backups are listed by it). */
  keepTime?: boolean;
};

/** Opens a database with its key (or none). A wrong key fails at the first read. */
export function openWithKey(file: string, key: FileKey, nativeBinding?: string): CipherDb {
  return key
    ? withRawKey(key, (text) => openCipherDatabase(file, { fileMustExist: true, nativeBinding, key: text }))
    : openCipherDatabase(file, { fileMustExist: true, nativeBinding });
}

/** What must survive a conversion unchanged: schema version, application id and every table's row count. */
function fingerprint(db: CipherDb): string {
  const tables = db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name").pluck().all() as string[];
  const counts = tables.map((name) => `${name}=${db.prepare(`SELECT count(*) FROM "${name.replace(/"/g, '""')}"`).pluck().get()}`);
  return [db.pragma('application_id', { simple: true }), db.pragma('user_version', { simple: true }), ...counts].join(' ');
}

/**
 * Re-keys the database `file` from `from` to `to` (either may be null: plain) without ever
 * leaving it half converted: the WAL is checkpointed, a consistent copy is made with VACUUM
 * INTO next to it, the copy is re-keyed, reopened with the new key and checked (integrity_check,
 * same schema version and row counts), flushed to disk, and only then renamed over the
 * original. A crash or an error at any step leaves the original as it was.
 */
export function convertDatabaseFile(file: string, from: FileKey, to: FileKey, options: ConvertOptions = {}): void {
  const partial = `${file}.converting`;
  removeQuietly(partial);
  removeQuietly(`${partial}-journal`);
  const time = fs.statSync(file).mtime;
  try {
    const source = openWithKey(file, from, options.nativeBinding);
    let expected: string;
    try {
      // Everything committed is moved from the WAL into the file, so the copy and the check see it all.
      source.pragma('wal_checkpoint(TRUNCATE)');
      expected = fingerprint(source);
      // The copy has the source's encryption (SQLite3MultipleCiphers keys it like its source).
      source.prepare('VACUUM INTO ?').run(partial);
    } finally {
      source.close();
    }
    const copy = openWithKey(partial, from, options.nativeBinding);
    try {
      // Re-keying needs a rollback journal; the copy is not in use by anyone else.
      copy.pragma('journal_mode = DELETE');
      if (to) withRawKey(to, (text) => copy.rekey(text));
      else if (from) copy.rekey(Buffer.alloc(0));
    } finally {
      copy.close();
    }
    const check = openWithKey(partial, to, options.nativeBinding);
    try {
      const integrity = check.pragma('integrity_check', { simple: true });
      if (integrity !== 'ok') throw new Error(`the converted copy failed its integrity check (${String(integrity)})`);
      const actual = fingerprint(check);
      if (actual !== expected) throw new Error(`the converted copy differs from the original (${actual} instead of ${expected})`);
    } finally {
      check.close();
    }
    // A WAL left with frames for the old file would be replayed onto the new one: refuse.
    const wal = `${file}-wal`;
    if (fs.existsSync(wal) && fs.statSync(wal).size > 0) throw new Error('the database is still in use (its -wal file is not empty)');
    flushFile(partial);
    if (options.keepTime) fs.utimesSync(partial, time, time);
    fs.renameSync(partial, file);
    flushFolder(path.dirname(file));
  } finally {
    removeQuietly(partial);
    removeQuietly(`${partial}-journal`);
  }
}

function removeQuietly(target: string): void {
  fs.rmSync(target, { force: true });
}
