import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inspectFile } from '../../../../../electron/node/user-store/encryption/file-kind';
import { isCarrelSalt, newSalt } from '../../../../../electron/node/user-store/encryption/passphrase-key';
import { listAllBackups } from '../../../../../electron/node/user-store/notes-files';
import { FIXTURES } from '../../../../harness/paths';
import { errorCode, makeWorkspace, value } from '../user-data-fixture';

const workspace = makeWorkspace('carrel-encryption-damaged-');
const PASSPHRASE = 'the right passphrase, truly';
let corpus: string;

beforeAll(async () => {
  corpus = workspace.corpus('a', path.join(FIXTURES, 'corpus-small'));
  const { table, services } = workspace.services(corpus);
  value(await table.setReadingPosition({ documentId: 'notes', offset: 5 }));
  value(await table.encryptUserData({ passphrase: PASSPHRASE, confirmation: PASSPHRASE }));
  services.close();
});
afterAll(() => workspace.close());

describe('salts Carrel chooses', () => {
  it('identify themselves; zeroed, random and earlier salts do not', () => {
    for (let n = 0; n < 100; n++) expect(isCarrelSalt(newSalt())).toBe(true);
    expect(isCarrelSalt(Buffer.alloc(16))).toBe(false);
    expect(isCarrelSalt(Buffer.alloc(16, 0xff))).toBe(false);
    // 16 random bytes (the earlier scheme): a false match has a chance of 2^-32 each.
    let matches = 0;
    for (let n = 0; n < 10_000; n++) if (isCarrelSalt(Buffer.from(Array.from({ length: 16 }, () => Math.floor(Math.random() * 256))))) matches++;
    expect(matches).toBe(0);
  });

  it('are what the app encrypts with: the notes file and its backups say Carrel encrypted them', () => {
    expect(inspectFile(workspace.userDbFile)).toMatchObject({ kind: 'encrypted', carrelSalt: true });
    const backups = listAllBackups(workspace.userDbFile);
    expect(backups.length).toBeGreaterThan(0);
    for (const backup of backups) expect(inspectFile(backup.path), backup.name).toMatchObject({ kind: 'encrypted', carrelSalt: true });
  });
});

describe('an encrypted notes file damaged after its header', { timeout: 30_000 }, () => {
  it('is said to be damaged when the passphrase opens its backups, not called a wrong passphrase', async () => {
    const bytes = fs.readFileSync(workspace.userDbFile);
    bytes.fill(0x33, 200, 3000);
    fs.writeFileSync(workspace.userDbFile, bytes);
    const { table, services } = workspace.services(corpus);
    expect(value(await table.getUserDataStatus(undefined)).state).toBe('locked');
    expect(value(await table.listUserDataBackups(undefined)).backups.length).toBeGreaterThan(0);
    const wrong = await table.unlockUserData({ passphrase: 'not the passphrase at all' });
    expect(errorCode(wrong)).toBe('wrong-passphrase');
    const right = await table.unlockUserData({ passphrase: PASSPHRASE });
    expect(errorCode(right)).toBe('user-data-damaged');
    expect(!right.ok && right.error.message).toMatch(/opens your backups but not your notes file/);
    // The newest backup brings the notes back (after the passphrase that opens it).
    const [newest] = value(await table.listUserDataBackups(undefined)).backups;
    expect(value(await table.restoreUserDataBackup({ name: newest!.name })).status.state).toBe('locked');
    value(await table.unlockUserData({ passphrase: PASSPHRASE }));
    expect(value(await table.getReadingPosition({ documentId: 'notes' }))?.offset).toBe(5);
    services.close();
  });
});
