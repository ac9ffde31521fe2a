import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { UserDataBackup } from '../../common/security/user-data-backups';
import { createServices, type AppServices } from '../services/create-services';
import { ServiceError } from '../services/service-error';
import { fileKind } from '../user-store/encryption/file-kind';
import { backupDir } from '../user-store/notes-files';
import type { Output } from './output';
import { DEFAULT_CORPUS } from './search-command';

const BACKUP_USAGE = 'Usage: carrel notes backup --user-db <carrel-user.sqlite>';
const LIST_USAGE = 'Usage: carrel notes backups --user-db <carrel-user.sqlite> [--json]';
const RESTORE_USAGE = 'Usage: carrel notes restore <backup-name> --user-db <carrel-user.sqlite>   (a name listed by "carrel notes backups")';

const KIND_WORDS: Record<UserDataBackup['kind'], string> = {
  automatic: 'automatic',
  manual: 'manual',
  daily: 'daily',
  migration: 'before migration',
  'set-aside': 'set aside',
};

type Parsed = { values: Record<string, string | boolean | undefined>; positionals: string[] };

function parse(args: string[], usage: string, out: Output, positionals: number, json = false): Parsed | undefined {
  try {
    const parsed = parseArgs({ args, options: { 'user-db': { type: 'string' }, ...(json ? { json: { type: 'boolean' } } : {}) }, allowPositionals: positionals > 0 });
    if (typeof parsed.values['user-db'] !== 'string' || parsed.positionals.length !== positionals) {
      out.error(usage);
      return undefined;
    }
    return parsed;
  } catch (error) {
    out.error(`${(error as Error).message}\n${usage}`);
    return undefined;
  }
}

/**
 * The notes' services for a backup command, or why not: the command line never asks for a
 * passphrase, so encrypted notes are refused as they are everywhere else on it. A missing or
 * damaged file is fine for `restore` (that is what it is for).
 */
function openBackups(file: string, out: Output, allowUnusable: boolean): AppServices | undefined {
  if (!fs.existsSync(file) && !(allowUnusable && fs.existsSync(backupDir(file)))) {
    out.error(`No notes database at ${file}.`);
    return undefined;
  }
  if (fs.existsSync(file) && fileKind(file) === 'encrypted') {
    out.error(`${file} is encrypted with a passphrase: back it up or restore it in Carrel (Security › Backups), or remove its encryption there, to use it here.`);
    return undefined;
  }
  // Backups need no corpus; the services open the bundled one (or say why not) and it is not used.
  return createServices({ corpusFile: DEFAULT_CORPUS, userDbFile: file });
}

const size = (bytes: number) => (bytes < 1024 * 1024 ? `${Math.max(1, Math.round(bytes / 1024))} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`);
const when = (iso: string) => `${iso.slice(0, 16).replace('T', ' ')} UTC`;

function describe(backup: UserDataBackup): string {
  const c = backup.contents;
  const state =
    backup.usable === null
      ? 'encrypted: checkable only with its passphrase'
      : backup.usable
        ? `${c?.highlights ?? 0} highlights, ${c?.notes ?? 0} notes, ${c?.bookmarks ?? 0} bookmarks`
        : `cannot be restored: ${backup.problem ?? 'unknown'}`;
  return `${backup.name}  ${when(backup.takenAt)}  ${KIND_WORDS[backup.kind]}  ${size(backup.bytes)}  ${state}`;
}

async function run(services: AppServices, out: Output, body: () => Promise<number>): Promise<number> {
  try {
    return await body();
  } catch (error) {
    if (!(error instanceof ServiceError)) throw error;
    out.error(error.message);
    return 1;
  } finally {
    services.close();
  }
}

const unwrap = <T>(result: T | Promise<T>) => Promise.resolve(result);

/** `carrel notes backup`: a checked copy of the notes in backups/ (as “Back up now”), rotated like the others. */
export async function notesBackup(args: string[], out: Output): Promise<number> {
  const parsed = parse(args, BACKUP_USAGE, out, 0);
  if (!parsed) return 2;
  const file = path.resolve(parsed.values['user-db'] as string);
  const services = openBackups(file, out, false);
  if (!services) return 1;
  return run(services, out, async () => {
    const status = services.getUserDataStatus(undefined);
    if (status.state !== 'open') throw new ServiceError(status.code ?? 'user-data-unavailable', (status.state === 'locked' ? 'Your notes are encrypted.' : status.message) ?? 'The notes cannot be opened.');
    const made = await unwrap(services.backUpUserDataNow(undefined));
    out.log(`Backed up to ${path.join(backupDir(file), made.name)}`);
    out.log(describe(made));
    return 0;
  });
}

/** `carrel notes backups`: every backup, newest first, with its date, kind, size and what its check found. */
export async function notesBackups(args: string[], out: Output): Promise<number> {
  const parsed = parse(args, LIST_USAGE, out, 0, true);
  if (!parsed) return 2;
  const file = path.resolve(parsed.values['user-db'] as string);
  const services = openBackups(file, out, true);
  if (!services) return 1;
  return run(services, out, async () => {
    const listed = await unwrap(services.listUserDataBackups(undefined));
    if (parsed.values.json) {
      out.log(JSON.stringify(listed, null, 2));
      return 0;
    }
    out.log(`${listed.backups.length} backup${listed.backups.length === 1 ? '' : 's'} in ${listed.folder}${listed.backups.length ? ', newest first:' : ''}`);
    for (const backup of listed.backups) out.log(describe(backup));
    if (listed.automaticProblem) out.log(listed.automaticProblem);
    return 0;
  });
}

/**
 * `carrel notes restore <name>`: puts a listed backup in place of the notes file, after keeping
 * the file as it is in backups/ as a set-aside copy (the same service as the window's Restore).
 * Refused while Carrel has the notes open (the notes lock).
 */
export async function notesRestore(args: string[], out: Output): Promise<number> {
  const parsed = parse(args, RESTORE_USAGE, out, 1);
  if (!parsed) return 2;
  const file = path.resolve(parsed.values['user-db'] as string);
  // A path into backups/ is accepted for its name; the service takes names only.
  const name = path.basename(parsed.positionals[0]!);
  const services = openBackups(file, out, true);
  if (!services) return 1;
  return run(services, out, async () => {
    const status = services.getUserDataStatus(undefined);
    if (status.state === 'unavailable' && status.code === 'user-data-in-use') throw new ServiceError(status.code, status.message ?? 'Your notes are in use by another program.');
    const backup = (await unwrap(services.listUserDataBackups(undefined))).backups.find((candidate) => candidate.name === name);
    if (backup?.encryption === 'encrypted') {
      throw new ServiceError('backup-encrypted', `${name} is encrypted: restore it in Carrel (Security › Backups), which can ask for its passphrase.`);
    }
    const result = await unwrap(services.restoreUserDataBackup({ name }));
    out.log(result.message);
    return result.status.state === 'open' ? 0 : 1;
  });
}
