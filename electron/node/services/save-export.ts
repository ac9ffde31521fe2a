import path from 'node:path';
import type { CsvExportResult } from '../../common/analysis/analysis-types';
import { writeFailure } from '../corpora/recent-corpora';
import { writeExportFile } from '../exports/write-export-file';
import type { FileDialogs, FileFilter } from './file-dialogs';
import { ServiceError } from './service-error';

export type SaveRequest = { title: string; suggestedName: string; filters: FileFilter[] };

/**
 * Asks where to save (the shell's dialog), then writes what `content` makes, whole or not at
 * all: only after the user chose, so a cancel costs nothing. Without a dialog (the command line) it says so.
 */
export async function saveExport(dialogs: FileDialogs | undefined, request: SaveRequest, content: () => { text: string; rows: number }): Promise<CsvExportResult> {
  if (!dialogs) throw new ServiceError('unavailable', 'Saving a file needs the Carrel app window; the command line writes CSV with --csv.');
  const chosen = await dialogs.chooseSaveFile(request);
  if (!chosen) return { saved: false };
  const file = path.resolve(chosen);
  const { text, rows } = content();
  try {
    writeExportFile(file, text);
  } catch (error) {
    throw new ServiceError('export-failed', `The file was not saved: ${writeFailure(file, error)}. Choose another place and export again.`);
  }
  return { saved: true, file, rows };
}
