import fs from 'node:fs';
import path from 'node:path';
import type { Db } from '../sqlite/open-database';
import { backupDir, fileStem, flushFile, flushFolder, nameStamp, nonEmptyWal, stampTime } from './notes-files';

export { backupDir } from './notes-files';

export const DEFAULT_KEPT_BACKUPS = 5;
export const DEFAULT_KEPT_DAILY_BACKUPS = 7;
/** Backups made with “Back up now”: the newest ten are kept. */
export const DEFAULT_KEPT_MANUAL_BACKUPS = 10;
/** A daily backup is written when the newest one is older than this. */
const DAILY_INTERVAL_MS = 20 * 60 * 60 * 1000;

/**
 * Writes a consistent copy of the open database (VACUUM INTO reads one snapshot, WAL
 * included) to backups/<name>-v<version>-<time>.sqlite, then keeps only the newest `keep`
 * backups of that file. Returns the backup's path.
 */
export function backupDatabase(db: Db, file: string, version: number, now: Date, keep = DEFAULT_KEPT_BACKUPS): string {
  const dir = backupDir(file);
  fs.mkdirSync(dir, { recursive: true });
  const stem = path.basename(file, path.extname(file));
  const stamp = now.toISOString().replace(/[:.]/g, '-');
  let target = path.join(dir, `${stem}-v${version}-${stamp}.sqlite`);
  for (let n = 2; fs.existsSync(target); n++) target = path.join(dir, `${stem}-v${version}-${stamp}-${n}.sqlite`);
  copyInto(db, target);
  pruneBackups(dir, stem, keep);
  return target;
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
 * Renames backups that pruning could delete (before migrations, daily) to set-aside names, so
 * that they are never replaced by copies of new, empty notes: done when the user starts afresh.
 * Returns how many were renamed.
 */
export function protectBackups(file: string): number {
  let renamed = 0;
  for (const backup of [...listBackups(file), ...listDailyBackups(file), ...listManualBackups(file)]) {
    const name = path.basename(backup, '.sqlite');
    const stamp = /\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}-\d{3}Z/.exec(name)?.[0];
    fs.renameSync(backup, freeName(file, 'aside', (stamp && stampTime(stamp)) || fs.statSync(backup).mtime));
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
 * A safety net beyond undo: at most one copy a day (backups/<name>-daily-<time>.sqlite), the
 * newest `keep` kept. Returns the new backup's path, or undefined when a recent one exists.
 */
export function dailyBackup(db: Db, file: string, now: Date, keep = DEFAULT_KEPT_DAILY_BACKUPS): string | undefined {
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
  const backups = listDailyBackups(file);
  for (const old of backups.slice(0, Math.max(0, backups.length - keep))) fs.rmSync(old, { force: true });
  return target;
}

/** The backups made with “Back up now”, oldest first (their names sort by time). */
export function listManualBackups(file: string): string[] {
  const dir = backupDir(file);
  if (!fs.existsSync(dir)) return [];
  const stem = fileStem(file);
  return fs
    .readdirSync(dir)
    .filter((name) => name.startsWith(`${stem}-manual-`) && name.endsWith('.sqlite'))
    .sort()
    .map((name) => path.join(dir, name));
}

/**
 * “Back up now”: a consistent copy of the open database (encrypted like it, since VACUUM INTO
 * writes with the connection's key) in backups/<name>-manual-<time>.sqlite, written under a
 * temporary name and renamed when complete. `verify` checks the copy before it counts: a copy
 * that fails is deleted and the error thrown. The newest `keep` are kept. Returns its path.
 */
export function manualBackup(db: Db, file: string, now: Date, verify: (copy: string) => void, keep = DEFAULT_KEPT_MANUAL_BACKUPS): string {
  fs.mkdirSync(backupDir(file), { recursive: true });
  const target = freeName(file, 'manual', now);
  copyInto(db, target);
  try {
    verify(target);
  } catch (error) {
    fs.rmSync(target, { force: true });
    throw error;
  }
  const backups = listManualBackups(file);
  for (const old of backups.slice(0, Math.max(0, backups.length - keep))) fs.rmSync(old, { force: true });
  return target;
}
