import fs from 'node:fs';
import path from 'node:path';
import { flushFolder } from '../user-store/notes-files';
import { pidBetween, removeLeftoverPidFiles } from '../files/leftover-pid-files';

/**
 * Writes an export whole or not at all: a temporary file beside the target (same file system,
 * so the rename is atomic), readable by its owner only, flushed, then renamed over it (the save
 * dialog already asked before replacing a file). A failure leaves the old file and removes the
 * temporary one: an export holds the notes in plain text, even when the notes file is encrypted,
 * so no copy of it may stay behind where the user did not ask for one.
 */
export const exportTempFile = (file: string, pid = process.pid) => path.join(path.dirname(file), `.${path.basename(file)}.carrel-${pid}.tmp`);

export function writeExportFile(file: string, content: string | Uint8Array): void {
  removeLeftoverTempFiles(file);
  const tmp = exportTempFile(file);
  try {
    const fd = fs.openSync(tmp, 'wx', 0o600);
    try {
      fs.writeFileSync(fd, content);
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    fs.renameSync(tmp, file);
  } catch (error) {
    fs.rmSync(tmp, { force: true });
    throw error;
  }
  flushFolder(path.dirname(file));
}


/**
 * Removes the temporary files of exports to the same file by a Carrel that stopped while writing
 * (killed, power cut): this process's own (a pid reused after a crash; its writes are
 * synchronous, so none is under way) and those of processes that are gone; never one of another
 * running Carrel, which may be writing it now.
 */
function removeLeftoverTempFiles(file: string): void {
  const prefix = `.${path.basename(file)}.carrel-`;
  removeLeftoverPidFiles(path.dirname(file), (name) => pidBetween(name, prefix, '.tmp'));
}
