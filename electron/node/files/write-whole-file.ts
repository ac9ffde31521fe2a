import fs from 'node:fs';
import path from 'node:path';

/**
 * Writes a small file whole or not at all: into `tmp` beside it (a name the start-up clean-up
 * knows), flushed, then renamed over it. On failure the half-written copy is removed and the
 * error (what the disk said) is thrown; the old file stays as it was.
 */
export function writeWholeFile(file: string, tmp: string, content: string): void {
  try {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const fd = fs.openSync(tmp, 'w');
    try {
      fs.writeFileSync(fd, content);
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    fs.renameSync(tmp, file);
  } catch (error) {
    fs.rmSync(tmp, { force: true, maxRetries: 0 });
    throw error;
  }
}
