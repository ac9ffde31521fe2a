import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHandlerTable } from '../../../../../electron/node/ipc/handler-table';
import { createServices } from '../../../../../electron/node/services/create-services';
import { rememberedKeyFile, type KeyVault } from '../../../../../electron/node/user-store/encryption/key-vault';
import { FIXTURES } from '../../../../harness/paths';
import { errorCode, makeWorkspace, value } from '../user-data-fixture';

const workspace = makeWorkspace('carrel-encryption-remember-');
const PASSPHRASE = 'the keyring remembers this';
const NEXT = 'and then it remembers this one';
let corpusFile: string;

/** A stand-in keyring: reversible, and visibly not the plain key. */
const vault: KeyVault = {
  seal: (secret) => Buffer.from(`sealed:${[...secret].reverse().join('')}`),
  open: (sealed) => {
    const text = sealed.toString();
    if (!text.startsWith('sealed:')) throw new Error('not sealed by this keyring');
    return [...text.slice('sealed:'.length)].reverse().join('');
  },
};

function open(withVault = true) {
  const services = createServices({ corpusFile, userDbFile: workspace.userDbFile, keyVault: withVault ? vault : undefined });
  return { services, table: createHandlerTable(services, () => {}) };
}

beforeAll(async () => {
  corpusFile = workspace.corpus('a', path.join(FIXTURES, 'corpus-small'));
  const { services, table } = open();
  value(await table.setReadingPosition({ documentId: 'notes', offset: 7 }));
  expect(value(await table.getUserDataStatus(undefined)).remember).toEqual({ available: false, remembered: false });
  value(await table.encryptUserData({ passphrase: PASSPHRASE, confirmation: PASSPHRASE }));
  services.close();
});
afterAll(() => workspace.close());

describe('remembering the key in the OS keyring', { timeout: 30_000 }, () => {
  it('is offered only with a keyring, and only when asked', async () => {
    const bare = open(false);
    expect(value(await bare.table.getUserDataStatus(undefined)).remember).toEqual({ available: false, remembered: false });
    value(await bare.table.unlockUserData({ passphrase: PASSPHRASE, remember: true }));
    bare.services.close();
    expect(fs.existsSync(rememberedKeyFile(workspace.userDbFile))).toBe(false);
    const plain = open();
    expect(value(await plain.table.getUserDataStatus(undefined))).toMatchObject({ state: 'locked', remember: { available: true, remembered: false } });
    value(await plain.table.unlockUserData({ passphrase: PASSPHRASE }));
    plain.services.close();
    expect(fs.existsSync(rememberedKeyFile(workspace.userDbFile))).toBe(false);
  });

  it('opens the notes without asking once remembered, and survives a change of passphrase', async () => {
    const first = open();
    expect(value(await first.table.unlockUserData({ passphrase: PASSPHRASE, remember: true })).remember).toEqual({ available: true, remembered: true });
    first.services.close();
    const sealed = fs.readFileSync(rememberedKeyFile(workspace.userDbFile));
    expect(sealed.toString()).toMatch(/^sealed:/);
    expect(fs.statSync(rememberedKeyFile(workspace.userDbFile)).mode & 0o077).toBe(0);

    const second = open();
    expect(value(await second.table.getUserDataStatus(undefined)).state).toBe('open');
    expect(value(await second.table.getReadingPosition({ documentId: 'notes' }))?.offset).toBe(7);
    value(await second.table.changeUserDataPassphrase({ current: PASSPHRASE, passphrase: NEXT, confirmation: NEXT }));
    second.services.close();

    const third = open();
    expect(value(await third.table.getUserDataStatus(undefined)).state).toBe('open');
    third.services.close();
    // Without the keyring the passphrase is still needed.
    const bare = open(false);
    expect(errorCode(await bare.table.getReadingPosition({ documentId: 'notes' }))).toBe('user-data-locked');
    bare.services.close();
  });

  it('forgets on request, and forgets a key that no longer opens anything', async () => {
    const opened = open();
    expect(value(await opened.table.forgetRememberedKey(undefined)).remember).toEqual({ available: true, remembered: false });
    opened.services.close();
    const again = open();
    expect(value(await again.table.getUserDataStatus(undefined)).state).toBe('locked');
    again.services.close();

    fs.writeFileSync(rememberedKeyFile(workspace.userDbFile), vault.seal('ab'.repeat(32)));
    const stale = open();
    expect(value(await stale.table.getUserDataStatus(undefined))).toMatchObject({ state: 'locked', remember: { remembered: false } });
    expect(fs.existsSync(rememberedKeyFile(workspace.userDbFile))).toBe(false);
    value(await stale.table.unlockUserData({ passphrase: NEXT, remember: true }));
    value(await stale.table.decryptUserData({ passphrase: NEXT }));
    expect(fs.existsSync(rememberedKeyFile(workspace.userDbFile))).toBe(false);
    stale.services.close();
  });
});
