import fs from 'node:fs';
import path from 'node:path';
import { flushFolder } from '../user-store/notes-files';

/**
 * Writes an export whole or not at all: a temporary file beside the target, flushed, then renamed
 * over it (the save dialog already asked before replacing a file). A failure leaves the old file.
 */
export function writeExportFile(file: string, content: string | Uint8Array): void {
  const tmp = path.join(path.dirname(file), `.${path.basename(file)}.carrel-${process.pid}.tmp`);
  try {
    const fd = fs.openSync(tmp, 'wx', 0o600);
    try {
      fs.writeFileSync(fd, content);
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    fs.renameSync(tmp, file);
    flushFolder(path.dirname(file));
  } catch (error) {
    fs.rmSync(tmp, { force: true });
    throw error;
  }
}
