import fs from 'node:fs';
import path from 'node:path';
import type { Db } from '../sqlite/open-database';

export const DEFAULT_KEPT_BACKUPS = 5;
export const DEFAULT_KEPT_DAILY_BACKUPS = 7;
/** A daily backup is written when the newest one is older than this. */
const DAILY_INTERVAL_MS = 20 * 60 * 60 * 1000;

/** Folder of the backups of a user database: beside it, in `backups/`. */
export function backupDir(file: string): string {
  return path.join(path.dirname(file), 'backups');
}

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

/** VACUUM INTO a temporary name, renamed when complete: a crash never leaves a half backup under a backup's name. */
function copyInto(db: Db, target: string): void {
  const partial = `${target}.partial`;
  fs.rmSync(partial, { force: true });
  db.prepare('VACUUM INTO ?').run(partial);
  fs.renameSync(partial, target);
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
