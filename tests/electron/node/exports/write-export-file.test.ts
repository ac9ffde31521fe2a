import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportTempFile, writeExportFile } from '../../../../electron/node/exports/write-export-file';
import { CAN_MOUNT_TMPFS, fillDisk, mountTmpfs } from '../../../harness/tmpfs';

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'carrel-export-write-'));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const NOTES = 'مجلة دابق: a private note\n';
const leftovers = (folder: string) => fs.readdirSync(folder).filter((name) => name.endsWith('.tmp'));

/** The pid of a process that has ended (so nothing of it can be under way). */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']);
  return Number(child.stdout.toString());
}

describe('writing an export', () => {
  it('writes the file whole, replaces an existing one (the dialog confirmed it), readable by its owner only, and leaves no temporary file', () => {
    const file = path.join(dir, 'notebook.md');
    fs.writeFileSync(file, 'the old export');
    writeExportFile(file, NOTES);
    expect(fs.readFileSync(file, 'utf8')).toBe(NOTES);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(leftovers(dir)).toEqual([]);
  });

  it('keeps the old file and removes the temporary one when the rename fails', () => {
    const target = path.join(dir, 'a-folder.md');
    fs.mkdirSync(target);
    fs.writeFileSync(path.join(target, 'inside'), 'kept');
    expect(() => writeExportFile(target, NOTES)).toThrow(/EISDIR|ENOTEMPTY|EEXIST/);
    expect(fs.readFileSync(path.join(target, 'inside'), 'utf8')).toBe('kept');
    expect(leftovers(dir)).toEqual([]);
  });

  it('removes what an export killed before its rename left, but not the temporary file of another running Carrel', () => {
    const file = path.join(dir, 'again.md');
    const dead = exportTempFile(file, deadPid());
    const own = exportTempFile(file, process.pid);
    const running = exportTempFile(file, process.ppid);
    const unrelated = path.join(dir, '.other.md.carrel-1.tmp');
    for (const tmp of [dead, own, running, unrelated]) fs.writeFileSync(tmp, NOTES);
    writeExportFile(file, 'new');
    expect(fs.readFileSync(file, 'utf8')).toBe('new');
    expect([dead, own, running, unrelated].map((tmp) => fs.existsSync(tmp))).toEqual([false, false, true, true]);
    for (const tmp of [running, unrelated]) fs.rmSync(tmp);
  });

  it.skipIf(!CAN_MOUNT_TMPFS)('keeps the old file and leaves no part of the new one on a full disk (ENOSPC)', () => {
    const disk = mountTmpfs(256)!;
    try {
      const file = path.join(disk.dir, 'notebook.csv');
      fs.writeFileSync(file, 'the old export');
      fillDisk(disk.dir);
      expect(() => writeExportFile(file, NOTES.repeat(20_000))).toThrow(/ENOSPC/);
      expect(fs.readFileSync(file, 'utf8')).toBe('the old export');
      expect(leftovers(disk.dir)).toEqual([]);
    } finally {
      disk.unmount();
    }
  });
});
