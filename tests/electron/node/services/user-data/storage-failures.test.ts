import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import type { CarrelServices } from '../../../../../electron/common/ipc/ipc-contract';
import type { Result } from '../../../../../electron/common/result';
import { createHandlerTable, type HandlerTable } from '../../../../../electron/node/ipc/handler-table';
import { createCorpusService } from '../../../../../electron/node/services/corpus-service';
import { createServices } from '../../../../../electron/node/services/create-services';
import { storageFailureOf } from '../../../../../electron/node/services/user-data/storage-errors';
import { createUserDataContext, type UserDataContext } from '../../../../../electron/node/services/user-data/user-data-context';
import { createUserDataServices } from '../../../../../electron/node/services/user-data/user-data-services';
import { openCipherDatabase } from '../../../../../electron/node/sqlite/open-cipher-database';
import { withRawKey } from '../../../../../electron/node/user-store/encryption/cipher-key';
import type { UserStore } from '../../../../../electron/node/user-store/open-user-store';
import { BUNDLED_CORPUS } from '../../../../harness/paths';
import { testKey } from '../../user-store/encryption/key-fixture';

const DOC = '002-isis-admits-it-is-losing';
const corpus = createCorpusService(BUNDLED_CORPUS);
const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0).reverse()) cleanup();
});
afterAll(() => corpus.close());

/** The user-data services on a fresh notes file, behind the real handler table (the other methods are not called). */
function workspace(makeContext: (ctx: UserDataContext) => UserDataContext = (ctx) => ctx) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'carrel-storage-failures-'));
  const file = path.join(dir, 'carrel-user.sqlite');
  const ctx = createUserDataContext(corpus.requireStore, { file });
  const used = makeContext(ctx);
  const table = createHandlerTable(createUserDataServices(used) as unknown as CarrelServices, () => {});
  cleanups.push(() => {
    ctx.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });
  return { dir, file, ctx, table };
}

function value<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value;
}

function failure(result: Result<unknown>) {
  if (result.ok) throw new Error('expected the call to fail');
  return result.error;
}

async function noteIn(table: HandlerTable, body = 'first words') {
  return value(await table.createDocumentNote({ documentId: DOC, body }));
}

describe('a notes database that cannot be written says why, through the handler table', () => {
  it('disk full (SQLITE_FULL): says so, marks it retryable, and the same call works once there is room', async () => {
    const { ctx, table } = workspace();
    const note = await noteIn(table);
    const { db } = ctx.store();
    db.pragma(`max_page_count = ${db.pragma('page_count', { simple: true }) as number}`);
    const body = 'A long note that needs new pages. '.repeat(4000);

    const error = failure(await table.updateDocumentNote({ id: note.id, body }));
    expect(error).toEqual({
      code: 'user-data-disk-full',
      message: 'The disk is full: your last change was not saved. Free some space; Carrel will try again. (SQLITE_FULL)',
      retryable: true,
    });
    // Nothing half-written: the note is as it was.
    expect(value(await table.listDocumentNotes({ documentId: DOC }))[0]!.body).toBe('first words');

    db.pragma('max_page_count = 1073741823');
    expect(value(await table.updateDocumentNote({ id: note.id, body })).body).toBe(body);
  });

  it('a read-only file (SQLITE_READONLY): names the file, not retryable, and reading still works', async () => {
    let readOnly: UserStore | undefined;
    const { file, table } = workspace((ctx) => {
      ctx.store().close();
      const db = openCipherDatabase(ctx.file!, { readonly: true });
      readOnly = { db, file: ctx.file!, encrypted: false, openedAtVersion: 1, backupFile: undefined, write: (w) => db.transaction(w).immediate(), close: () => db.close() };
      cleanups.push(() => db.close());
      return { ...ctx, store: () => readOnly!, status: () => ({ state: 'open', encrypted: false, file: ctx.file! }) };
    });
    const error = failure(await table.createDocumentNote({ documentId: DOC, body: 'never kept' }));
    expect(error.code).toBe('user-data-read-only');
    expect(error.retryable).toBeUndefined();
    expect(error.message).toBe(
      `Your notes database (${file}) is read-only: your last change was not saved. Copy any text you need to keep, then make the file and its folder writable and restart Carrel. (SQLITE_READONLY)`,
    );
    expect(value(await table.listDocumentNotes({ documentId: DOC }))).toEqual([]);
  });

  it('a corrupt page (SQLITE_CORRUPT): says the file is damaged and where the backups are, for writes and reads', async () => {
    const { file, dir, ctx, table } = workspace();
    const note = await noteIn(table);
    const { db } = ctx.store();
    db.pragma('wal_checkpoint(TRUNCATE)');
    const root = db.prepare("SELECT rootpage FROM sqlite_schema WHERE name = 'document_notes'").pluck().get() as number;
    const pageSize = db.pragma('page_size', { simple: true }) as number;
    const fd = fs.openSync(file, 'r+');
    fs.writeSync(fd, Buffer.alloc(pageSize, 0xa5), 0, pageSize, (root - 1) * pageSize);
    fs.closeSync(fd);
    // Another connection's commit makes this one drop its page cache and read the page from disk.
    const other = openCipherDatabase(file);
    other.pragma(`user_version = ${other.pragma('user_version', { simple: true }) as number}`);
    other.close();

    const error = failure(await table.updateDocumentNote({ id: note.id, body: 'lost?' }));
    expect(error.code).toBe('user-data-damaged');
    expect(error.retryable).toBeUndefined();
    expect(error.message).toContain('is damaged (SQLite found a broken page): your last change was not saved.');
    expect(error.message).toContain(`copies made earlier are in ${path.join(dir, 'backups')}`);
    const read = failure(await table.listDocumentNotes({ documentId: DOC }));
    expect(read.code).toBe('user-data-damaged');
    expect(read.message).toContain('your notes could not be read.');
    expect(read.message).not.toContain('Copy any text');
  });

  it('the file encrypted in place by another program (SQLITE_NOTADB): says it was changed elsewhere', async () => {
    const { file, dir, ctx, table } = workspace();
    const note = await noteIn(table);
    const { db } = ctx.store();
    db.pragma('wal_checkpoint(TRUNCATE)');
    // What a sync tool restoring another machine's encrypted copy does: new bytes, same file.
    const copy = path.join(dir, 'encrypted-copy.sqlite');
    db.exec(`VACUUM INTO '${copy}'`);
    const cipher = openCipherDatabase(copy);
    withRawKey(testKey('elsewhere'), (key) => cipher.rekey(key));
    cipher.close();
    const inode = fs.statSync(file).ino;
    fs.writeFileSync(file, fs.readFileSync(copy));
    expect(fs.statSync(file).ino).toBe(inode);
    db.pragma('shrink_memory'); // as memory pressure would: the next read goes to the file

    const error = failure(await table.updateDocumentNote({ id: note.id, body: 'lost?' }));
    expect(error.code).toBe('user-data-changed-elsewhere');
    expect(error.message).toMatch(/was changed by another program .* your last change was not saved\. Copy any text you need to keep, then close Carrel and open it again\. \(SQLITE_NOTADB\)$/);
  });

  it('busy in another program (SQLITE_BUSY): retryable, and the save works once the other lets go', async () => {
    const { file, ctx, table } = workspace();
    const note = await noteIn(table);
    ctx.store().db.pragma('busy_timeout = 50');
    const other = openCipherDatabase(file);
    cleanups.push(() => other.close());
    other.exec('BEGIN IMMEDIATE');

    const error = failure(await table.updateDocumentNote({ id: note.id, body: 'second words' }));
    expect(error).toMatchObject({ code: 'user-data-in-use', retryable: true });
    expect(error.message).toMatch(/^Your notes database is in use by another program: your last change was not saved yet\. Carrel will try again/);
    other.exec('ROLLBACK');
    expect(value(await table.updateDocumentNote({ id: note.id, body: 'second words' })).body).toBe('second words');
  });
});

describe('another Carrel encrypting the same notes file', () => {
  it('is noticed: writes and reads are refused in words instead of going into the replaced file', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'carrel-storage-replaced-'));
    const file = path.join(dir, 'carrel-user.sqlite');
    const first = createServices({ corpusFile: BUNDLED_CORPUS, userDbFile: file });
    const second = createServices({ corpusFile: BUNDLED_CORPUS, userDbFile: file });
    cleanups.push(() => {
      first.close();
      second.close();
      fs.rmSync(dir, { recursive: true, force: true });
    });
    const a = createHandlerTable(first, () => {});
    const b = createHandlerTable(second, () => {});
    const note = await noteIn(a);
    value(await b.encryptUserData({ passphrase: 'correct horse battery', confirmation: 'correct horse battery' }));

    const error = failure(await a.updateDocumentNote({ id: note.id, body: 'typed after the other window encrypted' }));
    expect(error.code).toBe('user-data-replaced');
    expect(error.retryable).toBeUndefined();
    expect(error.message).toBe(
      `Your notes database (${file}) was moved, deleted or replaced by another program (for example another Carrel window that encrypted it), so this window can no longer use it: your last change was not saved. Copy any text you need to keep, then close Carrel and open it again.`,
    );
    expect(failure(await a.listDocumentNotes({ documentId: DOC })).code).toBe('user-data-replaced');
    // The window that encrypted it still works, and nothing of the refused save went anywhere.
    expect(value(await b.listDocumentNotes({ documentId: DOC })).map((n) => n.body)).toEqual(['first words']);
    // Its own encryption change does not count as a replacement.
    expect(value(await b.updateDocumentNote({ id: note.id, body: 'kept' })).body).toBe('kept');
  });
});

describe('storage failure classes', () => {
  it.each([
    ['SQLITE_FULL', 'user-data-disk-full'],
    ['ENOSPC', 'user-data-disk-full'],
    ['SQLITE_READONLY', 'user-data-read-only'],
    ['SQLITE_READONLY_CANTLOCK', 'user-data-read-only'],
    ['SQLITE_READONLY_DBMOVED', 'user-data-replaced'],
    ['EROFS', 'user-data-read-only'],
    ['SQLITE_CORRUPT', 'user-data-damaged'],
    ['SQLITE_CORRUPT_INDEX', 'user-data-damaged'],
    ['SQLITE_NOTADB', 'user-data-changed-elsewhere'],
    ['SQLITE_IOERR', 'user-data-io-error'],
    ['SQLITE_IOERR_WRITE', 'user-data-io-error'],
    ['SQLITE_IOERR_FSYNC', 'user-data-io-error'],
    ['SQLITE_BUSY', 'user-data-in-use'],
    ['SQLITE_BUSY_SNAPSHOT', 'user-data-in-use'],
    ['SQLITE_LOCKED_SHAREDCACHE', 'user-data-in-use'],
    ['SQLITE_CANTOPEN', 'user-data-unreachable'],
    ['SQLITE_CONSTRAINT_UNIQUE', undefined],
    ['SQLITE_ERROR', undefined],
    ['SQLITE_FULLER', undefined],
  ])('%s → %s', (code, expected) => {
    expect(storageFailureOf(code)).toBe(expected);
  });
});
