import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { FileRefused, readRegularFile } from '../../../../electron/node/corpus/read-regular-file';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});
function tmp(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'carrel-regular-'));
  dirs.push(dir);
  return dir;
}
const refusal = (read: () => unknown) => {
  try {
    read();
    return 'read';
  } catch (error) {
    return error instanceof FileRefused ? `${error.reason}: ${error.message}` : `error ${(error as NodeJS.ErrnoException).code}`;
  }
};

describe('readRegularFile', () => {
  it('reads a regular file up to the limit exactly', () => {
    const file = path.join(tmp(), 'a.txt');
    fs.writeFileSync(file, 'x'.repeat(1000));
    expect(readRegularFile(file, 1000).toString()).toBe('x'.repeat(1000));
    expect(refusal(() => readRegularFile(file, 999))).toBe('too-large: 0 MB, over the 0 MB limit');
    fs.writeFileSync(file, '');
    expect(readRegularFile(file, 10).length).toBe(0);
  });

  it('refuses at once what is not a regular file, never waiting or reading without end', () => {
    const dir = tmp();
    const fifo = path.join(dir, 'pipe.txt');
    execFileSync('mkfifo', [fifo]);
    // No writer: a blocking open would wait here forever.
    expect(refusal(() => readRegularFile(fifo, 1024))).toBe('not-a-file: not a regular file');
    // Endless: a read without a bound would never end.
    expect(refusal(() => readRegularFile('/dev/zero', 1024))).toBe('not-a-file: not a regular file');
    expect(refusal(() => readRegularFile(dir, 1024))).toBe('not-a-file: not a regular file');
    fs.symlinkSync('/etc/hostname', path.join(dir, 'link.txt'));
    expect(refusal(() => readRegularFile(path.join(dir, 'link.txt'), 1024))).toBe('symlink: symbolic link, not followed');
    expect(refusal(() => readRegularFile(path.join(dir, 'gone.txt'), 1024))).toBe('error ENOENT');
  });
});
