import fs from 'node:fs';
import path from 'node:path';
import type { Db } from '../sqlite/open-database';
import { backupsToRotate } from './backup-rotation';
import { backupDir, fileStem, flushFile, flushFolder, listAllBackups, nameStamp, nonEmptyWal, removeDatabaseFiles } from './notes-files';

export { backupDir } from './notes-files';

/** A daily backup is written when the newest one is older than this. */
const DAILY_INTERVAL_MS = 20 * 60 * 60 * 1000;

/**
 * Writes a consistent copy of the open database (VACUUM INTO reads one snapshot, WAL
 * included) to backups/<name>-v<version>-<time>.sqlite. Copies made before a migration (or a
 * change of encryption) are never rotated away; `keep` bounds them for tests that write many.
 * Returns the backup's path.
 */
export function backupDatabase(db: Db, file: string, version: number, now: Date, keep = Number.POSITIVE_INFINITY): string {
  const dir = backupDir(file);
  fs.mkdirSync(dir, { recursive: true });
  const stem = path.basename(file, path.extname(file));
  const stamp = now.toISOString().replace(/[:.]/g, '-');
  let target = path.join(dir, `${stem}-v${version}-${stamp}.sqlite`);
  for (let n = 2; fs.existsSync(target); n++) target = path.join(dir, `${stem}-v${version}-${stamp}-${n}.sqlite`);
  copyInto(db, target);
  if (Number.isFinite(keep)) pruneBackups(dir, stem, keep);
  return target;
}

/**
 * Deletes the automatic, daily and manual backups the rotation no longer keeps
 * (backup-rotation.ts), each with its sidecars; `made` (the backup just written) always stays.
 */
export function rotateBackups(file: string, now: Date, made?: string): string[] {
  const removed = backupsToRotate(listAllBackups(file), now, made && path.basename(made));
  for (const backup of removed) removeDatabaseFiles(backup.path);
  if (removed.length) flushFolder(backupDir(file));
  return removed.map((backup) => backup.path);
}

/**
 * Checks a copy just written from the open database `db` before it counts: attached to the same
 * connection (so an encrypted copy is read with the database's own key, which VACUUM INTO wrote
 * it with), it must pass SQLite's full integrity_check and hold as many rows in every table as
 * the database. Throws, saying what differs, otherwise.
 */
export function verifyCopy(db: Db, copy: string): void {
  const alias = 'carrel_backup_check';
  db.prepare(`ATTACH DATABASE ? AS ${alias}`).run(copy);
  try {
    const problems = db.pragma(`${alias}.integrity_check(3)`, { simple: false }) as { integrity_check: string }[];
    if (problems.length !== 1 || problems[0]!.integrity_check !== 'ok') {
      throw new Error(`SQLite's check of the copy found ${problems.map((row) => `“${row.integrity_check}”`).join(', ')}`);
    }
    const tables = db.prepare("SELECT name FROM main.sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").pluck().all() as string[];
    for (const table of tables) {
      const quoted = `"${table.replace(/"/g, '""')}"`;
      const here = db.prepare(`SELECT count(*) FROM main.${quoted}`).pluck().get() as number;
      const there = db.prepare(`SELECT count(*) FROM ${alias}.${quoted}`).pluck().get() as number;
      if (here !== there) throw new Error(`the copy holds ${there} rows of ${table} where the notes hold ${here}`);
    }
  } finally {
    db.exec(`DETACH DATABASE ${alias}`);
  }
}

/**
 * VACUUM INTO a temporary name, flushed, renamed when complete: a crash never leaves a half
 * backup under a backup's name (the `.partial` it may leave is deleted at the next start).
 */
function copyInto(db: Db, target: string): void {
  const partial = `${target}.partial`;
  fs.rmSync(partial, { force: true });
  try {
    db.prepare('VACUUM INTO ?').run(partial);
    flushFile(partial);
    fs.renameSync(partial, target);
  } catch (error) {
    fs.rmSync(partial, { force: true });
    throw error;
  }
  flushFolder(path.dirname(target));
}

/** A free name in backups/ for a copy of `file`: `<stem>-<label>-<time>[-n].sqlite`. */
function freeName(file: string, label: string, time: Date): string {
  const dir = backupDir(file);
  const base = `${fileStem(file)}-${label}-${nameStamp(time)}`;
  let target = path.join(dir, `${base}.sqlite`);
  for (let n = 2; fs.existsSync(target); n++) target = path.join(dir, `${base}-${n}.sqlite`);
  return target;
}

/** Copies one file under a temporary name, flushed, then renamed: it exists complete or not at all. */
function copyWhole(from: string, to: string): void {
  const partial = `${to}.partial`;
  try {
    fs.copyFileSync(from, partial);
    flushFile(partial);
    fs.renameSync(partial, to);
  } finally {
    fs.rmSync(partial, { force: true });
  }
}

/**
 * Keeps the database file as it is now, whatever it holds (damaged, empty, encrypted), byte for
 * byte in backups/<stem>-aside-<time>.sqlite, with its -wal or -journal when they hold anything;
 * set-aside copies are never pruned. Returns the copy's path.
 */
export function setAsideCopy(file: string, now: Date): string {
  fs.mkdirSync(backupDir(file), { recursive: true });
  const target = freeName(file, 'aside', now);
  // Sidecars first: when the copy of the file appears, what SQLite needs with it is already there.
  const journal = `${file}-journal`;
  for (const [sidecar, suffix] of [
    [nonEmptyWal(file), '-wal'],
    [fs.existsSync(journal) && fs.statSync(journal).size > 0 ? journal : undefined, '-journal'],
  ] as const) {
    if (sidecar) copyWhole(sidecar, `${target}${suffix}`);
  }
  copyWhole(file, target);
  flushFolder(path.dirname(target));
  return target;
}

/**
 * Renames every backup but set-aside copies (before migrations, daily, automatic, manual) to
 * set-aside names, so that they are never rotated away by copies of new, empty notes: done when
 * the user starts afresh. Returns how many were renamed.
 */
export function protectBackups(file: string): number {
  let renamed = 0;
  for (const backup of listAllBackups(file).filter((candidate) => candidate.kind !== 'set-aside')) {
    fs.renameSync(backup.path, freeName(file, 'aside', backup.takenAt));
    renamed++;
  }
  if (renamed) flushFolder(backupDir(file));
  return renamed;
}

/** The backups of one database file, oldest first. */
export function listBackups(file: string): string[] {
  const dir = backupDir(file);
  if (!fs.existsSync(dir)) return [];
  const stem = path.basename(file, path.extname(file));
  return fs
    .readdirSync(dir)
    .filter((name) => name.startsWith(`${stem}-v`) && name.endsWith('.sqlite'))
    .map((name) => ({ name, time: fs.statSync(path.join(dir, name)).mtimeMs }))
    .sort((a, b) => a.time - b.time || a.name.localeCompare(b.name))
    .map(({ name }) => path.join(dir, name));
}

function pruneBackups(dir: string, stem: string, keep: number): void {
  const backups = listBackups(path.join(path.dirname(dir), `${stem}.sqlite`));
  for (const old of backups.slice(0, Math.max(0, backups.length - keep))) fs.rmSync(old, { force: true });
}

/** The daily backups of one database file, oldest first (their names sort by time). */
export function listDailyBackups(file: string): string[] {
  const dir = backupDir(file);
  if (!fs.existsSync(dir)) return [];
  const stem = path.basename(file, path.extname(file));
  return fs
    .readdirSync(dir)
    .filter((name) => name.startsWith(`${stem}-daily-`) && name.endsWith('.sqlite'))
    .sort()
    .map((name) => path.join(dir, name));
}

/**
 * A safety net beyond undo: at most one copy a day (backups/<name>-daily-<time>.sqlite), then
 * the rotation (rotateBackups). Returns the new backup's path, or undefined when a recent one exists.
 */
export function dailyBackup(db: Db, file: string, now: Date): string | undefined {
  const stem = path.basename(file, path.extname(file));
  const newest = listDailyBackups(file).at(-1);
  if (newest) {
    const stamp = path.basename(newest).slice(`${stem}-daily-`.length, -'.sqlite'.length);
    const taken = Date.parse(stamp.replace(/^(\d{4}-\d{2}-\d{2}T\d{2})-(\d{2})-(\d{2})-(\d{3})Z$/, '$1:$2:$3.$4Z'));
    if (Number.isFinite(taken) && now.getTime() - taken < DAILY_INTERVAL_MS && now.getTime() >= taken) return undefined;
  }
  const dir = backupDir(file);
  fs.mkdirSync(dir, { recursive: true });
  const target = path.join(dir, `${stem}-daily-${now.toISOString().replace(/[:.]/g, '-')}.sqlite`);
  if (fs.existsSync(target)) return undefined;
  copyInto(db, target);
  rotateBackups(file, now, target);
  return target;
}

/**
 * “Back up now”: a consistent copy of the open database (encrypted like it, since VACUUM INTO
 * writes with the connection's key) in backups/<name>-manual-<time>.sqlite, written under a
 * temporary name and renamed when complete. `verify` checks the copy before it counts: a copy
 * that fails is deleted and the error thrown. Then the rotation (rotateBackups). Returns its path.
 */
export function manualBackup(db: Db, file: string, now: Date, verify: (copy: string) => void): string {
  return checkedBackup(db, file, 'manual', now, verify);
}

/** An automatic backup (backups/<name>-auto-<time>.sqlite), written, checked and rotated as “Back up now” is. */
export function automaticBackup(db: Db, file: string, now: Date, verify: (copy: string) => void): string {
  return checkedBackup(db, file, 'auto', now, verify);
}

function checkedBackup(db: Db, file: string, label: 'manual' | 'auto', now: Date, verify: (copy: string) => void): string {
  fs.mkdirSync(backupDir(file), { recursive: true });
  const target = freeName(file, label, now);
  copyInto(db, target);
  try {
    verify(target);
  } catch (error) {
    removeDatabaseFiles(target);
    throw error;
  }
  rotateBackups(file, now, target);
  return target;
}
