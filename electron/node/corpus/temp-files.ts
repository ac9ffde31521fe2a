import fs from 'node:fs';
import path from 'node:path';
import { isProcessRunning } from '../files/process-running';

const TMP_MARK = '.tmp-';

/**
 * The temporary file a build of outFile writes to: next to it (same file system, so rename is
 * atomic). A part (`.compact`) names a second one of the same build.
 */
export function tempFileFor(outFile: string, part: '' | '.compact' = ''): string {
  return `${outFile}${TMP_MARK}${process.pid}${part}`;
}


/**
 * Deletes temporary files left next to outFile by builds that were killed (Ctrl-C, crash):
 * only files named for outFile whose process is gone, never another running build's.
 */
export function removeStaleTempFiles(outFile: string): void {
  const dir = path.dirname(outFile);
  const prefix = `${path.basename(outFile)}${TMP_MARK}`;
  for (const name of fs.readdirSync(dir)) {
    if (!name.startsWith(prefix)) continue;
    const pid = Number(/^(\d+)(?:\.compact)?$/.exec(name.slice(prefix.length))?.[1]);
    if (Number.isInteger(pid) && pid > 0 && pid !== process.pid && !isProcessRunning(pid)) {
      fs.rmSync(path.join(dir, name), { force: true });
    }
  }
}
