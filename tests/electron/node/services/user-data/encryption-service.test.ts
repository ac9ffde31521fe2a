import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../../../../electron/node/cli/carrel';
import type { HandlerTable } from '../../../../../electron/node/ipc/handler-table';
import { listBackups, listDailyBackups } from '../../../../../electron/node/user-store/backup';
import { openWithKey } from '../../../../../electron/node/user-store/encryption/convert-file';
import { fileKind, fileSalt } from '../../../../../electron/node/user-store/encryption/file-kind';
import { deriveKey } from '../../../../../electron/node/user-store/encryption/passphrase-key';
import { throttleFileOf } from '../../../../../electron/node/services/user-data/unlock-throttle';
import { FIXTURES } from '../../../../harness/paths';
import { errorCode, makeWorkspace, value } from '../user-data-fixture';

const workspace = makeWorkspace('carrel-encryption-');
const NOTE = 'MARGINALIA-7Q: the Dabiq issue reads like a recruitment brochure';
const PASSPHRASE = 'correct horse battery staple';
const NEW_PASSPHRASE = 'a different and longer passphrase';
let corpus: string;

const sha256 = (file: string) => createHash('sha256').update(fs.readFileSync(file)).digest('hex');
/** The main file, its -wal and every backup: what a thief who copies the folder gets. */
const filesOnDisk = () =>
  [workspace.userDbFile, `${workspace.userDbFile}-wal`, ...listBackups(workspace.userDbFile), ...listDailyBackups(workspace.userDbFile)].filter((f) => fs.existsSync(f));
const containsNote = (file: string) => fs.readFileSync(file).includes(Buffer.from('MARGINALIA-7Q'));

async function notesOf(table: HandlerTable): Promise<string[]> {
  return value(await table.listHighlights({ documentId: 'notes' })).map((h) => h.note);
}

/** Reads a backup the way someone holding only the file and the passphrase would. */
async function readWithPassphrase(file: string, passphrase: string): Promise<string[]> {
  const salt = fileSalt(file);
  const db = openWithKey(file, { key: await deriveKey(passphrase, salt), salt });
  try {
    return db.prepare("SELECT note FROM highlights WHERE note <> ''").pluck().all() as string[];
  } finally {
    db.close();
  }
}

beforeAll(async () => {
  corpus = workspace.corpus('a', path.join(FIXTURES, 'corpus-small'));
  const first = workspace.services(corpus);
  const text = value(await first.table.getDocument({ id: 'notes' })).text;
  const start = text.indexOf('Dabiq');
  value(await first.table.createHighlight({ documentId: 'notes', start, end: start + 5, color: 'blue', note: NOTE }));
  first.services.close();
  // Opening again writes the daily backup: a plain copy that encryption must not leave readable.
  workspace.services(corpus).services.close();
  expect(listDailyBackups(workspace.userDbFile)).toHaveLength(1);
  expect(containsNote(listDailyBackups(workspace.userDbFile)[0]!)).toBe(true);
});
afterAll(() => workspace.close());

// scrypt costs 0.4 s a try on a quiet machine, several times that while others build.
describe('encryption at rest of the notes database', { timeout: 30_000 }, () => {
  it('refuses a short or unconfirmed passphrase with a clear message that never repeats it', async () => {
    const { table, services } = workspace.services(corpus);
    const short = await table.encryptUserData({ passphrase: 'hunter2', confirmation: 'hunter2' });
    expect(errorCode(short)).toBe('passphrase-too-short');
    expect(JSON.stringify(short)).not.toContain('hunter2');
    const mismatch = await table.encryptUserData({ passphrase: PASSPHRASE, confirmation: `${PASSPHRASE}!` });
    expect(errorCode(mismatch)).toBe('passphrase-mismatch');
    expect(JSON.stringify(mismatch)).not.toContain('horse');
    expect(errorCode(await table.encryptUserData({ passphrase: 'x'.repeat(1025), confirmation: 'x' } as never))).toBe('invalid-argument');
    expect(errorCode(await table.unlockUserData({ passphrase: PASSPHRASE, extra: 1 } as never))).toBe('invalid-argument');
    expect(fileKind(workspace.userDbFile)).toBe('plain');
    services.close();
  });

  it('encrypts an existing database with notes, and its backups, leaving no readable copy', async () => {
    const { table, services } = workspace.services(corpus);
    expect(value(await table.getSecurityStatus(undefined)).userDatabase).toMatchObject({ encrypted: false, locked: false });
    const done = value(await table.encryptUserData({ passphrase: PASSPHRASE, confirmation: PASSPHRASE }));
    expect(done.status).toMatchObject({ state: 'open', encrypted: true });
    expect(done.message).toMatch(/now encrypted/);
    expect(done.message).toMatch(/2 backups were encrypted too/);
    // Still in use after the change, and what is written now is encrypted too.
    expect(await notesOf(table)).toEqual([NOTE]);
    value(await table.setReadingPosition({ documentId: 'notes', offset: 3 }));
    expect(value(await table.getSecurityStatus(undefined)).userDatabase).toMatchObject({ encrypted: true, locked: false });
    const files = filesOnDisk();
    expect(files.length).toBeGreaterThanOrEqual(3);
    for (const file of files) expect(containsNote(file), file).toBe(false);
    for (const file of [workspace.userDbFile, ...listBackups(workspace.userDbFile), ...listDailyBackups(workspace.userDbFile)]) {
      expect(fileKind(file), file).toBe('encrypted');
    }
    services.close();
    for (const file of filesOnDisk()) expect(containsNote(file), file).toBe(false);
  });

  it('keeps backups encrypted: unreadable without the key, readable with the passphrase', async () => {
    const backup = listDailyBackups(workspace.userDbFile)[0]!;
    expect(() => new Database(backup, { readonly: true }).prepare('SELECT * FROM highlights').all()).toThrow(/not a database/);
    await expect(readWithPassphrase(backup, 'not the passphrase')).rejects.toThrow(/not a database/);
    expect(await readWithPassphrase(backup, PASSPHRASE)).toEqual([NOTE]);
  });

  it('is refused by the command line with a plain reason (it never asks for a passphrase)', async () => {
    const errors: string[] = [];
    const out = { log: () => {}, error: (line: string) => errors.push(line), progress: () => {} };
    expect(await main(['notes', 'check', '--user-db', workspace.userDbFile], out)).toBe(1);
    expect(await main(['notes', 'export', '--user-db', workspace.userDbFile, '--corpus', corpus], out)).toBe(1);
    expect(await main(['coding', 'import', 'any.qdpx', '--user-db', workspace.userDbFile, '--corpus', corpus], out)).toBe(1);
    expect(errors).toHaveLength(3);
    for (const error of errors) expect(error).toMatch(/is encrypted with a passphrase: open it in Carrel/);
  });

  it('starts locked, refuses a wrong passphrase without touching the file, opens with the right one', async () => {
    const before = filesOnDisk().map((f) => [f, sha256(f)]);
    const { table, services } = workspace.services(corpus);
    expect(value(await table.getUserDataStatus(undefined))).toMatchObject({ state: 'locked', encrypted: true });
    const locked = await table.listHighlights({ documentId: 'notes' });
    expect(errorCode(locked)).toBe('user-data-locked');
    expect(value(await table.getSecurityStatus(undefined)).userDatabase).toMatchObject({ encrypted: true, locked: true });
    const wrong = await table.unlockUserData({ passphrase: 'correct horse battery stapler' });
    expect(errorCode(wrong)).toBe('wrong-passphrase');
    expect(!wrong.ok && wrong.error.message).toMatch(/^That passphrase does not open your notes/);
    expect(JSON.stringify(wrong)).not.toContain('stapler');
    expect(filesOnDisk().map((f) => [f, sha256(f)])).toEqual(before);
    expect(value(await table.getUserDataStatus(undefined)).state).toBe('locked');
    expect(value(await table.unlockUserData({ passphrase: PASSPHRASE }))).toMatchObject({ state: 'open', encrypted: true });
    expect(await notesOf(table)).toEqual([NOTE]);
    expect(value(await table.getReadingPosition({ documentId: 'notes' }))?.offset).toBe(3);
    services.close();
  });

  it('slows down repeated wrong passphrases instead of failing or crashing', async () => {
    const { table, services } = workspace.services(corpus);
    const codes: string[] = [];
    for (let i = 0; i < 5; i++) codes.push(errorCode(await table.unlockUserData({ passphrase: `guess number ${i}` })));
    expect(codes).toEqual(['wrong-passphrase', 'wrong-passphrase', 'wrong-passphrase', 'passphrase-wait', 'passphrase-wait']);
    expect(value(await table.getUserDataStatus(undefined)).state).toBe('locked');
    services.close();
    // A restart does not give three more free tries: the count is kept beside the database.
    const restarted = workspace.services(corpus);
    expect(errorCode(await restarted.table.unlockUserData({ passphrase: PASSPHRASE }))).toBe('passphrase-wait');
    restarted.services.close();
    // The next tests start without failures (as after the right passphrase).
    fs.rmSync(throttleFileOf(workspace.userDbFile));
  });

  it('changes the passphrase: the old one no longer opens the notes or the backups', async () => {
    const { table, services } = workspace.services(corpus);
    value(await table.unlockUserData({ passphrase: PASSPHRASE }));
    const wrong = await table.changeUserDataPassphrase({ current: 'not it at all', passphrase: NEW_PASSPHRASE, confirmation: NEW_PASSPHRASE });
    expect(errorCode(wrong)).toBe('wrong-passphrase');
    const changed = value(await table.changeUserDataPassphrase({ current: PASSPHRASE, passphrase: NEW_PASSPHRASE, confirmation: NEW_PASSPHRASE }));
    expect(changed.message).toMatch(/passphrase was changed/);
    expect(await notesOf(table)).toEqual([NOTE]);
    services.close();
    for (const backup of listDailyBackups(workspace.userDbFile)) {
      await expect(readWithPassphrase(backup, PASSPHRASE)).rejects.toThrow(/not a database/);
      expect(await readWithPassphrase(backup, NEW_PASSPHRASE)).toEqual([NOTE]);
    }
    const again = workspace.services(corpus);
    expect(errorCode(await again.table.unlockUserData({ passphrase: PASSPHRASE }))).toBe('wrong-passphrase');
    value(await again.table.unlockUserData({ passphrase: NEW_PASSPHRASE }));
    expect(await notesOf(again.table)).toEqual([NOTE]);
    again.services.close();
  });

  it('removes encryption with the passphrase: a plain SQLite file again, backups too', async () => {
    const { table, services } = workspace.services(corpus);
    value(await table.unlockUserData({ passphrase: NEW_PASSPHRASE }));
    expect(errorCode(await table.decryptUserData({ passphrase: PASSPHRASE }))).toBe('wrong-passphrase');
    expect(fileKind(workspace.userDbFile)).toBe('encrypted');
    const done = value(await table.decryptUserData({ passphrase: NEW_PASSPHRASE }));
    expect(done.status).toMatchObject({ state: 'open', encrypted: false });
    expect(await notesOf(table)).toEqual([NOTE]);
    services.close();
    expect(fileKind(workspace.userDbFile)).toBe('plain');
    const plain = new Database(workspace.userDbFile, { readonly: true });
    expect(plain.prepare("SELECT note FROM highlights WHERE note <> ''").pluck().all()).toEqual([NOTE]);
    plain.close();
    for (const backup of listDailyBackups(workspace.userDbFile)) expect(fileKind(backup)).toBe('plain');
  });
});
