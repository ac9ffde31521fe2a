import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { MARKDOWN_GROUPINGS, type MarkdownContent, type MarkdownGrouping, type MarkdownOptions } from '../../common/exports/export-types';
import { openDatabase } from '../sqlite/open-database';
import { createServices } from '../services/create-services';
import { ServiceError } from '../services/service-error';
import { importAnnotationFile } from '../services/user-data/import-service';
import { backupDir, listAllBackups } from '../user-store/notes-files';
import { fileKind } from '../user-store/encryption/file-kind';
import { readLockHolder } from '../user-store/notes-lock';
import { USER_SCHEMA_VERSION } from '../user-store/migrations';
import { USER_APPLICATION_ID } from '../user-store/open-user-store';
import type { Output } from './output';
import { DEFAULT_CORPUS } from './search-command';

const EXPORT_FORMATS = ['jsonld', 'markdown', 'csv', 'bibtex', 'ris', 'csl-json'] as const;
const EXPORT_USAGE =
  'Usage: carrel notes export --user-db <carrel-user.sqlite> [--corpus <file.sqlite>] [--format jsonld|markdown|csv|bibtex|ris|csl-json] [--document <id>] [--tag <tag>] [--style apa|chicago-author-date|mla|harvard] [--only highlights|notes] [--group-by document|tag|colour] [--out <file>]';
const IMPORT_USAGE = 'Usage: carrel notes import <file.jsonld> --user-db <carrel-user.sqlite> [--corpus <file.sqlite>] [--dry-run]';
const CHECK_USAGE = 'Usage: carrel notes check --user-db <carrel-user.sqlite>';

/** The command line never asks for a passphrase (it would end up in shell history or scripts). */
function refusedAsEncrypted(file: string, out: Output): boolean {
  if (fileKind(file) !== 'encrypted') return false;
  out.error(`${file} is encrypted with a passphrase: open it in Carrel, or remove its encryption there (Security), to use it here.`);
  return true;
}

function parse(args: string[], options: Record<string, { type: 'string' }>, usage: string, out: Output) {
  try {
    return parseArgs({ args, options, allowPositionals: false }).values as Record<string, string | undefined>;
  } catch (error) {
    out.error(`${(error as Error).message}\n${usage}`);
    return undefined;
  }
}

/** Opens the notes of a corpus for a command, or says why not (missing, encrypted). */
export function openNotes(values: Record<string, string | boolean | undefined>, usage: string, out: Output, save?: string) {
  if (typeof values['user-db'] !== 'string') {
    out.error(usage);
    return undefined;
  }
  const userDbFile = path.resolve(values['user-db']);
  if (!fs.existsSync(userDbFile)) {
    out.error(`No notes database at ${userDbFile}.`);
    return undefined;
  }
  if (refusedAsEncrypted(userDbFile, out)) return undefined;
  const corpusFile = path.resolve(typeof values.corpus === 'string' ? values.corpus : DEFAULT_CORPUS);
  // The command line's "dialogs": the file named on it.
  return createServices({
    corpusFile,
    userDbFile,
    fileDialogs: { chooseSaveFile: async () => save, chooseOpenFile: async () => undefined },
  });
}

/** --only and --group-by, Markdown's options (undefined: none given; null: refused, said why). */
function markdownOptions(values: Record<string, string | undefined>, format: string, out: Output): MarkdownOptions | undefined | null {
  const only = values.only;
  const groupBy = values['group-by'] === 'color' ? 'colour' : values['group-by'];
  if (only === undefined && groupBy === undefined) return undefined;
  if (format !== 'markdown') {
    out.error(`--only and --group-by are options of --format markdown.\n${EXPORT_USAGE}`);
    return null;
  }
  if (only !== undefined && !(['highlights', 'notes'] as const).includes(only as 'highlights')) {
    out.error(`Unknown --only "${only}" (highlights or notes).\n${EXPORT_USAGE}`);
    return null;
  }
  if (groupBy !== undefined && !(MARKDOWN_GROUPINGS as readonly string[]).includes(groupBy)) {
    out.error(`Unknown --group-by "${values['group-by']}" (document, tag or colour).\n${EXPORT_USAGE}`);
    return null;
  }
  return { include: (only as MarkdownContent | undefined) ?? 'all', groupBy: (groupBy as MarkdownGrouping | undefined) ?? 'document' };
}

/**
 * `carrel notes export`: the notes of one corpus as W3C Web Annotations (JSON-LD, to a file or
 * stdout), Markdown or CSV (filtered by document and tag), or the bibliography of the documents
 * they cite as BibTeX, RIS or CSL-JSON. Files are written atomically.
 */
export async function notesExport(args: string[], out: Output): Promise<number> {
  const values = parse(
    args,
    {
      'user-db': { type: 'string' },
      corpus: { type: 'string' },
      out: { type: 'string' },
      format: { type: 'string' },
      document: { type: 'string' },
      tag: { type: 'string' },
      style: { type: 'string' },
      only: { type: 'string' },
      'group-by': { type: 'string' },
    },
    EXPORT_USAGE,
    out,
  );
  if (!values) return 2;
  const format = (values.format ?? 'jsonld') as (typeof EXPORT_FORMATS)[number];
  if (!EXPORT_FORMATS.includes(format)) {
    out.error(`Unknown format "${values.format}".\n${EXPORT_USAGE}`);
    return 2;
  }
  const style = values.style as 'apa' | 'chicago-author-date' | 'mla' | 'harvard' | undefined;
  if (style && !['apa', 'chicago-author-date', 'mla', 'harvard'].includes(style)) {
    out.error(`Unknown citation style "${style}".\n${EXPORT_USAGE}`);
    return 2;
  }
  const markdown = markdownOptions(values, format, out);
  if (markdown === null) return 2;
  if (format !== 'jsonld' && !values.out) {
    out.error(`--out is needed for ${format}.\n${EXPORT_USAGE}`);
    return 2;
  }
  const services = openNotes(values, EXPORT_USAGE, out, values.out && path.resolve(values.out));
  if (!services) return values['user-db'] ? 1 : 2;
  const filter = { ...(values.document ? { documentIds: [values.document] } : {}), ...(values.tag ? { tags: [values.tag] } : {}) };
  try {
    if (format === 'jsonld' && !values.out) {
      const exported = services.exportAnnotations({ documentIds: filter.documentIds });
      out.log(`${JSON.stringify(exported.collection, null, 2)}`);
      return 0;
    }
    const result =
      format === 'jsonld' || format === 'markdown' || format === 'csv'
        ? await services.exportNotebook({ format, filter, style, ...(markdown ? { markdown } : {}) })
        : await services.exportBibliography({ scope: 'notebook', filter, format });
    if (result.status === 'saved') {
      const [one, many] = format === 'jsonld' ? ['annotation', 'annotations'] : format === 'markdown' || format === 'csv' ? ['notebook entry', 'notebook entries'] : ['reference', 'references'];
      out.log(`Exported ${result.count} ${result.count === 1 ? one : many} to ${values.out}`);
    }
    return 0;
  } catch (error) {
    if (!(error instanceof ServiceError)) throw error;
    out.error(error.message);
    return 1;
  } finally {
    services.close();
  }
}

/** `carrel notes import`: merges a W3C Web Annotation file into the notes of a corpus and prints the report. */
export function notesImport(args: string[], out: Output): number {
  let parsed: { values: Record<string, string | boolean | undefined>; positionals: string[] };
  try {
    parsed = parseArgs({ args, options: { 'user-db': { type: 'string' }, corpus: { type: 'string' }, 'dry-run': { type: 'boolean' } }, allowPositionals: true });
  } catch (error) {
    out.error(`${(error as Error).message}\n${IMPORT_USAGE}`);
    return 2;
  }
  if (parsed.positionals.length !== 1) {
    out.error(IMPORT_USAGE);
    return 2;
  }
  const services = openNotes(parsed.values, IMPORT_USAGE, out);
  if (!services) return parsed.values['user-db'] ? 1 : 2;
  const userData = services.userDataContext;
  try {
    const report = importAnnotationFile(userData, path.resolve(parsed.positionals[0]!), parsed.values['dry-run'] === true);
    out.log(report.summary);
    for (const problem of [...report.unplaced, ...report.skipped]) out.log(`  ${problem.id}: ${problem.reason}${problem.quote ? ` (“${problem.quote}”)` : ''}`);
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
 * `carrel notes check`: schema version, integrity and contents of a notes database, read-only.
 * It does not take the notes lock (notes-lock.ts): it writes nothing, and SQLite's own locks give
 * it a consistent snapshot while Carrel writes, so it can check the file of a running Carrel.
 */
export function notesCheck(args: string[], out: Output): number {
  const values = parse(args, { 'user-db': { type: 'string' } }, CHECK_USAGE, out);
  if (!values) return 2;
  if (!values['user-db']) {
    out.error(CHECK_USAGE);
    return 2;
  }
  const file = path.resolve(values['user-db']);
  if (!fs.existsSync(file)) {
    out.error(`No notes database at ${file}.`);
    return 1;
  }
  if (refusedAsEncrypted(file, out)) return 1;
  const db = openDatabase(file, { readonly: true, fileMustExist: true });
  try {
    const applicationId = db.pragma('application_id', { simple: true }) as number;
    const version = db.pragma('user_version', { simple: true }) as number;
    if (applicationId !== USER_APPLICATION_ID) {
      out.error(`${file} is not a Carrel notes database.`);
      return 1;
    }
    const integrity = db.pragma('integrity_check', { simple: true }) as string;
    out.log(`Notes database: ${file}`);
    out.log(`Schema version: ${version} (this Carrel knows ${USER_SCHEMA_VERSION}${version > USER_SCHEMA_VERSION ? ': the file is from a newer Carrel' : ''})`);
    out.log(`Integrity: ${integrity}`);
    if (version >= 1) {
      for (const [table, label] of [['highlights', 'Highlights'], ['document_notes', 'Document notes'], ['bookmarks', 'Bookmarks']] as const) {
        const row = db.prepare(`SELECT count(*) AS live, count(deleted_at) AS deleted FROM ${table}`).get() as { live: number; deleted: number };
        // Soft-deleted rows wait for the undo window or the next start (deleted-items-service.ts).
        out.log(`${label}: ${row.live - row.deleted}${row.deleted ? ` (+${row.deleted} deleted, not yet erased)` : ''}`);
      }
    }
    const backups = listAllBackups(file);
    const count = (kind: string) => backups.filter((backup) => backup.kind === kind).length;
    out.log(
      `Backups: ${count('migration')} before migrations, ${count('daily')} daily, ${count('automatic')} automatic, ${count('manual')} manual, ${count('set-aside')} set aside, in ${backupDir(file)}`,
    );
    const holder = readLockHolder(file);
    if (holder) out.log(`In use: by ${holder.program} (process ${holder.pid} on ${holder.host}, since ${new Date(holder.since).toLocaleString()}); this check only reads.`);
    return integrity === 'ok' ? 0 : 1;
  } finally {
    db.close();
  }
}
