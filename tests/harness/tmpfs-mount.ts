import { execFileSync } from 'node:child_process';
import fs from 'node:fs';

/**
 * A small tmpfs on `dir`, for tests of a full or read-only disk that need the real thing.
 * Mounting needs root with CAP_SYS_ADMIN: where that is refused this returns false and the
 * test says it is skipped (the simulated-error tests still run).
 */
export function mountTmpfs(dir: string, options: { kilobytes: number; readOnly?: boolean }): boolean {
  fs.mkdirSync(dir, { recursive: true });
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${options.kilobytes}k,mode=0755${options.readOnly ? ',ro' : ''}`, 'tmpfs', dir], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

export function unmountTmpfs(dir: string): void {
  try {
    execFileSync('umount', [dir], { stdio: 'ignore' });
  } catch {
    // Not mounted (the mount was refused).
  }
}

/** Fills the file system holding dir until a write fails with ENOSPC. */
export function fillDisk(dir: string): void {
  const chunk = Buffer.alloc(64 * 1024, 1);
  for (let i = 0; ; i++) {
    try {
      fs.writeFileSync(`${dir}/filler-${i}`, chunk);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOSPC') return;
      throw error;
    }
  }
}
