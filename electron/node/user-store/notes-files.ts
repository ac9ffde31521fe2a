import fs from 'node:fs';
import path from 'node:path';

/**
 * Every file Carrel writes for one notes database, told apart by name: the database and its
 * SQLite sidecars beside it; backups in backups/ (before a migration or a change of encryption,
 * daily, automatic, made with “Back up now”, and copies set aside by a restore); and temporary files, which are complete only once
 * renamed, so that a crash leaves the original intact and the temporary can always be deleted.
 */
export type BackupKind = 'migration' | 'daily' | 'set-aside' | 'manual' | 'automatic';

export type BackupFile = {
  readonly path: string;
  /** The file name: what the renderer names a backup by (never a path). */
  readonly name: string;
  readonly kind: BackupKind;
  /** When it was taken, from its name. */
  readonly takenAt: Date;
};

/** Temporary names: `.partial` (a backup being written), `.converting` (encryption), `.creating` (a new database), `.restoring`. */
const TEMPORARY = /\.(partial|converting|creating|restoring)(-journal|-wal|-shm)?$/;
/** SQLite's files beside a database. */
const SIDECARS = ['-wal', '-shm', '-journal'] as const;
const STAMP = /^(\d{4}-\d{2}-\d{2}T\d{2})-(\d{2})-(\d{2})-(\d{3})Z/;

/** Folder of the backups of a user database: beside it, in `backups/`. */
export function backupDir(file: string): string {
  return path.join(path.dirname(file), 'backups');
}

export function fileStem(file: string): string {
  return path.basename(file, path.extname(file));
}

/** A time as it appears in backup names: 2026-03-01T09-00-00-000Z. */
export function nameStamp(time: Date): string {
  return time.toISOString().replace(/[:.]/g, '-');
}

export function stampTime(stamp: string): Date | undefined {
  const match = STAMP.exec(stamp);
  if (!match) return undefined;
  const time = new Date(`${match[1]}:${match[2]}:${match[3]}.${match[4]}Z`);
  return Number.isNaN(time.getTime()) ? undefined : time;
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * `<stem>-v3-<stamp>[-n].sqlite`, `<stem>-daily-<stamp>.sqlite`, `<stem>-aside-<stamp>[-n].sqlite`,
 * `<stem>-manual-<stamp>[-n].sqlite` (Back up now), `<stem>-auto-<stamp>[-n].sqlite` (made while the notes change).
 */
function backupPattern(file: string): RegExp {
  return new RegExp(`^${escape(fileStem(file))}-(v\\d+|daily|aside|manual|auto)-(.+)\\.sqlite$`);
}

const KINDS: Record<string, BackupKind> = { daily: 'daily', aside: 'set-aside', manual: 'manual', auto: 'automatic' };

/** What a name in backups/ is, for the database `file`: a backup of it, or undefined. */
export function parseBackupName(file: string, name: string): Omit<BackupFile, 'path'> | undefined {
  const match = backupPattern(file).exec(name);
  if (!match) return undefined;
  const takenAt = stampTime(match[2]!);
  if (!takenAt) return undefined;
  const kind: BackupKind = KINDS[match[1]!] ?? 'migration';
  return { name, kind, takenAt };
}

/** Every backup of `file` (all kinds), newest first. */
export function listAllBackups(file: string): BackupFile[] {
  const dir = backupDir(file);
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch {
    return [];
  }
  return names
    .map((name) => {
      const parsed = parseBackupName(file, name);
      return parsed && { ...parsed, path: path.join(dir, name) };
    })
    .filter((backup): backup is BackupFile => backup !== undefined && isFile(backup.path))
    .sort((a, b) => b.takenAt.getTime() - a.takenAt.getTime() || b.name.localeCompare(a.name));
}

/** Whether `name` in the notes folder or in backups/ is a temporary file of the database `file`. */
function isTemporary(file: string, folder: 'notes' | 'backups', name: string): boolean {
  if (!TEMPORARY.test(name)) return false;
  const base = name.replace(TEMPORARY, '');
  if (folder === 'notes') return base === path.basename(file) || base === `${path.basename(file)}.remembered-key`;
  // Only this database's backups: another database beside it may be writing its own right now.
  return backupPattern(file).test(base) || new RegExp(`^${escape(fileStem(file))}-(v\\d+|daily|aside|manual|auto)-`).test(base);
}

/**
 * Deletes what an interrupted write of the user store left: temporary copies (a backup cut by a
 * kill, a half-made conversion, a new database not yet renamed, a restore not yet renamed) and
 * the sidecars of backups whose database is gone. None of them is the only copy of anything:
 * the original stays in place until a temporary is renamed over it. Some may hold notes in the
 * clear, which is why they must go before anything is encrypted. Returns the files removed.
 */
export function removeLeftovers(file: string): string[] {
  const removed: string[] = [];
  const remove = (target: string) => {
    fs.rmSync(target, { force: true });
    removed.push(target);
  };
  for (const folder of ['notes', 'backups'] as const) {
    const dir = folder === 'notes' ? path.dirname(file) : backupDir(file);
    let names: string[];
    try {
      names = fs.readdirSync(dir);
    } catch {
      continue;
    }
    for (const name of names) {
      if (isTemporary(file, folder, name)) remove(path.join(dir, name));
      else if (folder === 'backups') {
        const sidecar = SIDECARS.find((suffix) => name.endsWith(suffix));
        const owner = sidecar && name.slice(0, -sidecar.length);
        if (owner && parseBackupName(file, owner) && !names.includes(owner)) remove(path.join(dir, name));
      }
    }
  }
  return removed;
}

/** Deletes a database file and its SQLite sidecars (a backup being removed takes its -wal with it). */
export function removeDatabaseFiles(target: string): void {
  for (const suffix of ['', ...SIDECARS]) fs.rmSync(`${target}${suffix}`, { force: true });
}

/** The -wal beside `target`, when it holds frames (SQLite would replay them into whatever file has that name). */
export function nonEmptyWal(target: string): string | undefined {
  const wal = `${target}-wal`;
  try {
    return fs.statSync(wal).size > 0 ? wal : undefined;
  } catch {
    return undefined;
  }
}

/** The bytes of `target` reach the disk (a failure here stops what was to follow). */
export function flushFile(target: string): void {
  const fd = fs.openSync(target, 'r+');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

/** Makes a rename durable where the system allows it (some cannot fsync a folder; the rename is atomic anyway). */
export function flushFolder(folder: string): void {
  let fd: number | undefined;
  try {
    fd = fs.openSync(folder, 'r');
    fs.fsyncSync(fd);
  } catch {
    // Best effort, see above.
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}

function isFile(target: string): boolean {
  try {
    return fs.statSync(target).isFile();
  } catch {
    return false;
  }
}
