import fs from 'node:fs';
import path from 'node:path';
import { isProcessRunning } from './process-running';

/**
 * Removes the files of `folder` that `pidOf` names as written by a process (its pid, or
 * undefined for other files) when that process is gone or is this one (a pid reused after a
 * crash; this process's writes are synchronous, so none is under way). Another running
 * process's file may be a write under way: it is left. Unreadable folders and files that cannot
 * be removed are left too (the caller's own write says why, if it fails).
 */
export function removeLeftoverPidFiles(folder: string, pidOf: (name: string) => number | undefined): void {
  let names: string[];
  try {
    names = fs.readdirSync(folder);
  } catch {
    return;
  }
  for (const name of names) {
    const pid = pidOf(name);
    if (pid === undefined || (pid !== process.pid && isProcessRunning(pid))) continue;
    try {
      fs.rmSync(path.join(folder, name), { force: true });
    } catch {
      // Not removable now (a folder of that name, a read-only disk).
    }
  }
}

/** The pid in a name `<prefix><pid><suffix>`, written as a positive integer, or undefined. */
export function pidBetween(name: string, prefix: string, suffix = ''): number | undefined {
  if (!name.startsWith(prefix) || !name.endsWith(suffix) || name.length <= prefix.length + suffix.length) return undefined;
  const digits = name.slice(prefix.length, name.length - suffix.length);
  return /^[1-9]\d{0,9}$/.test(digits) ? Number(digits) : undefined;
}
