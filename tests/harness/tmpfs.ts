import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * A small tmpfs of its own, for tests of a full disk (ENOSPC) or a read-only folder (EROFS):
 * tests run as root, where chmod does not stop writes, but a read-only mount does. Undefined
 * where this process may not mount one (then those tests are skipped and say so).
 */
export type Tmpfs = { dir: string; remountReadOnly(): void; remountWritable(): void; unmount(): void };

export function mountTmpfs(sizeKb: number): Tmpfs | undefined {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'carrel-tmpfs-'));
  const mount = (options: string) => execFileSync('mount', ['-t', 'tmpfs', '-o', options, 'tmpfs', dir], { stdio: 'ignore' });
  try {
    mount(`size=${sizeKb}k,mode=0755`);
  } catch {
    fs.rmSync(dir, { recursive: true, force: true });
    return undefined;
  }
  const remount = (flag: 'ro' | 'rw') => execFileSync('mount', ['-o', `remount,${flag}`, dir], { stdio: 'ignore' });
  return {
    dir,
    remountReadOnly: () => remount('ro'),
    remountWritable: () => remount('rw'),
    unmount() {
      execFileSync('umount', [dir], { stdio: 'ignore' });
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Whether a tmpfs can be mounted here (checked once). */
export const CAN_MOUNT_TMPFS = (() => {
  const probe = mountTmpfs(64);
  probe?.unmount();
  return probe !== undefined;
})();

/** Fills the file system of `dir` until a write fails with ENOSPC; returns the filler's path. */
export function fillDisk(dir: string): string {
  const filler = path.join(dir, 'filler.bin');
  const fd = fs.openSync(filler, 'w');
  const chunk = Buffer.alloc(4096, 1);
  try {
    for (;;) fs.writeSync(fd, chunk);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOSPC') throw error;
  } finally {
    fs.closeSync(fd);
  }
  return filler;
}
