import fs from 'node:fs';
import path from 'node:path';
import type { CsvExportResult } from '../../common/analysis/analysis-types';
import { writeFailure } from '../corpora/recent-corpora';
import type { SaveDialog, SaveDialogRequest } from './save-dialog';
import { ServiceError } from './service-error';

/** Writes a file whole or not at all: a temporary file beside it, flushed, then renamed over it. */
export function writeWhole(file: string, content: string): void {
  const partial = `${file}.tmp-${process.pid}`;
  try {
    const fd = fs.openSync(partial, 'w', 0o644);
    try {
      fs.writeFileSync(fd, content, 'utf8');
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    fs.renameSync(partial, file);
  } catch (error) {
    fs.rmSync(partial, { force: true });
    throw new ServiceError('export-failed', `The file was not saved: ${writeFailure(file, error)}. Choose another place and export again.`);
  }
}

/**
 * Asks where to save (the shell's dialog), then writes what `content` makes: only after the
 * user chose, so a cancel costs nothing. Without a dialog (the command line) it says so.
 */
export async function saveExport(dialog: SaveDialog | undefined, request: SaveDialogRequest, content: () => { text: string; rows: number }): Promise<CsvExportResult> {
  if (!dialog) throw new ServiceError('unavailable', 'Saving a file needs the Carrel app window; the command line writes CSV with --csv.');
  const chosen = await dialog(request);
  if (!chosen) return { saved: false };
  const file = path.resolve(chosen);
  const { text, rows } = content();
  writeWhole(file, text);
  return { saved: true, file, rows };
}
