import type { ExportResult } from '../../../common/exports/export-types';
import { writeExportFile } from '../../exports/write-export-file';
import type { FileDialogs, FileFilter } from '../file-dialogs';
import { ServiceError } from '../service-error';

/** Asks where to save (the shell's dialog confirms a replacement), then writes the file atomically; a failure is said in words. */
export async function saveExport(
  dialogs: FileDialogs | undefined,
  options: { title: string; suggestedName: string; filters: FileFilter[]; content: string; count: number },
): Promise<ExportResult> {
  if (!dialogs) throw new ServiceError('unavailable', 'Saving an export needs the Carrel app window; use "npx carrel notes export".');
  const file = await dialogs.chooseSaveFile({ title: options.title, suggestedName: options.suggestedName, filters: options.filters });
  if (!file) return { status: 'cancelled' };
  try {
    writeExportFile(file, options.content);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'unknown';
    const why =
      code === 'ENOSPC' ? 'the disk is full' : code === 'EACCES' || code === 'EPERM' ? 'Carrel may not write there' : code === 'ENOENT' ? 'the folder does not exist' : `the system said ${code}`;
    throw new ServiceError('export-failed', `The export was not saved to ${file}: ${why}. Choose another place and export again.`, { retryable: true });
  }
  return { status: 'saved', file, count: options.count };
}
