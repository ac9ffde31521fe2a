import path from 'node:path';
import { parseArgs } from 'node:util';
import { codebookQdc, codeGuid } from '../coding/refi-qda/codebook-xml';
import { codingCsv } from '../coding/refi-qda/coding-csv';
import { codingExportData } from '../coding/refi-qda/coding-export-data';
import { projectQdpx } from '../coding/refi-qda/qdpx';
import { importRefiFile } from '../coding/refi-qda/refi-import';
import { writeExportFile } from '../exports/write-export-file';
import { ServiceError } from '../services/service-error';
import { openNotes } from './notes-commands';
import type { Output } from './output';

const FORMATS = ['qdpx', 'qdc', 'csv'] as const;
const IMPORT_USAGE = 'Usage: carrel coding import <file.qdpx|file.qdc> --user-db <carrel-user.sqlite> [--corpus <file.sqlite>] [--dry-run]';
const USAGE = 'Usage: carrel coding export --format qdpx|qdc|csv --user-db <carrel-user.sqlite> [--corpus <file.sqlite>] --out <file>';

/**
 * `carrel coding export`: the qualitative coding of one corpus as a REFI-QDA project (.qdpx, for
 * ATLAS.ti, MAXQDA, NVivo, QDA Miner…), its codebook alone (.qdc), or a CSV of the coded passages.
 * The file is written atomically.
 */
export function codingExport(args: string[], out: Output): number {
  let values: Record<string, string | undefined>;
  try {
    values = parseArgs({ args, options: { format: { type: 'string' }, 'user-db': { type: 'string' }, corpus: { type: 'string' }, out: { type: 'string' } }, allowPositionals: false })
      .values as Record<string, string | undefined>;
  } catch (error) {
    out.error(`${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  const format = values.format as (typeof FORMATS)[number] | undefined;
  if (!format || !FORMATS.includes(format)) {
    out.error(`${format ? `Unknown format "${format}".` : 'Which format? Give --format.'}\n${USAGE}`);
    return 2;
  }
  if (!values.out || !values['user-db']) {
    out.error(USAGE);
    return 2;
  }
  const outFile = path.resolve(values.out);
  const services = openNotes(values, USAGE, out);
  if (!services) return 1;
  try {
    const data = codingExportData(services.userDataContext);
    // A REFI-QDA codebook holds at least one code (its schema says so).
    if (format !== 'csv' && data.codes.length === 0) {
      out.error('This corpus has no codes yet: nothing to export. Create codes and apply them to highlights in Carrel first.');
      return 1;
    }
    writeExportFile(outFile, format === 'qdpx' ? projectQdpx(data) : format === 'qdc' ? codebookQdc(data.codes, (id) => data.guids?.codes.get(id) ?? codeGuid(id)) : codingCsv(data));
    const codes = `${data.codes.length} ${data.codes.length === 1 ? 'code' : 'codes'}`;
    const passages = `${data.passages.length} coded ${data.passages.length === 1 ? 'passage' : 'passages'}`;
    out.log(`Exported ${format === 'qdc' ? codes : `${codes} and ${passages}`} to ${values.out}`);
    if (data.skipped && format !== 'qdc') out.log(`Left out ${data.skipped} coded ${data.skipped === 1 ? 'highlight' : 'highlights'} whose text is no longer in the corpus (review them in Carrel).`);
    return 0;
  } catch (error) {
    if (!(error instanceof ServiceError)) throw error;
    out.error(error.message);
    return 1;
  } finally {
    services.close();
  }
}

/**
 * `carrel coding import`: a REFI-QDA project (.qdpx) or codebook (.qdc) into the coding of one
 * corpus. Prints what was added, what was already here, what was left out and why, and the
 * sources that match no document of the corpus; `--dry-run` changes nothing.
 */
export async function codingImport(args: string[], out: Output): Promise<number> {
  let parsed: { values: Record<string, string | boolean | undefined>; positionals: string[] };
  try {
    parsed = parseArgs({ args, options: { 'user-db': { type: 'string' }, corpus: { type: 'string' }, 'dry-run': { type: 'boolean' } }, allowPositionals: true });
  } catch (error) {
    out.error(`${(error as Error).message}\n${IMPORT_USAGE}`);
    return 2;
  }
  if (parsed.positionals.length !== 1 || typeof parsed.values['user-db'] !== 'string') {
    out.error(IMPORT_USAGE);
    return 2;
  }
  const services = openNotes(parsed.values, IMPORT_USAGE, out);
  if (!services) return 1;
  try {
    const report = await importRefiFile(services.userDataContext, path.resolve(parsed.positionals[0]!), parsed.values['dry-run'] === true);
    out.log(report.summary);
    for (const skipped of report.codes.skipped) out.log(`  code left out: ${skipped.name}: ${skipped.reason}`);
    for (const source of report.sources.matched) out.log(`  source matched: ${source.name} = ${source.documentId}${source.title && source.title !== source.name ? ` (${source.title})` : ''}`);
    for (const source of report.sources.unmatched) {
      const selections = source.selections ? `; ${source.selections} coded ${source.selections === 1 ? 'selection' : 'selections'} not imported` : '';
      out.log(`  source unmatched: ${source.name}: ${source.reason}${selections}`);
    }
    for (const problem of report.passages.problems) out.log(`  passage skipped: ${problem.source} › ${problem.name}: ${problem.reason}`);
    for (const ignored of report.ignored) out.log(`  not imported: ${ignored}`);
    return 0;
  } catch (error) {
    if (!(error instanceof ServiceError)) throw error;
    out.error(error.message);
    return 1;
  } finally {
    services.close();
  }
}
