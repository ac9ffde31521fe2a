import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dailyBackup } from '../../../../../electron/node/user-store/backup';
import { convertDatabaseFile } from '../../../../../electron/node/user-store/encryption/convert-file';
import { fileKind } from '../../../../../electron/node/user-store/encryption/file-kind';
import { openUserStore } from '../../../../../electron/node/user-store/open-user-store';
import { UserStoreOpenError } from '../../../../../electron/node/user-store/user-store-error';
import { makeDatabase, testKey } from './key-fixture';

let dir: string;
let file: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'carrel-file-kind-'));
  file = path.join(dir, 'carrel-user.sqlite');
  makeDatabase(file, 2000);
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const migrations = [{ version: 1, name: 'lines', up: () => {} }];

function refusal(): UserStoreOpenError {
  try {
    openUserStore(file, { migrations, dailyBackups: false }).close();
  } catch (error) {
    if (error instanceof UserStoreOpenError) return error;
    throw error;
  }
  throw new Error('expected the notes database to be refused');
}

/** A daily backup beside the file, so that messages can point at it. */
function withBackup(): void {
  const store = openUserStore(file, { migrations, dailyBackups: false });
  dailyBackup(store.db, file, new Date('2026-02-01T08:00:00Z'));
  store.close();
}

const damage: [string, (bytes: Buffer) => Buffer][] = [
  ['its first page zeroed', (bytes) => Buffer.concat([Buffer.alloc(4096), bytes.subarray(4096)])],
  ['only its second half', (bytes) => bytes.subarray(bytes.length / 2)],
  ['random bytes of a whole number of pages', (bytes) => randomBytes(bytes.length)],
];

describe('telling an encrypted notes file from a damaged one', () => {
  it.each([
    ['plain', false],
    ['encrypted', true],
  ] as const)('a %s database with its first page zeroed, only its second half, or random bytes of its size: damaged', (_name, encrypt) => {
    if (encrypt) convertDatabaseFile(file, null, testKey('kind'));
    for (const [what, cut] of damage) {
      const original = fs.readFileSync(file);
      const damaged = cut(original);
      expect(damaged.length % 512, what).toBe(0);
      fs.writeFileSync(file, damaged);
      expect(fileKind(file), what).toBe('damaged');
      fs.writeFileSync(file, original);
    }
  });

  it('a real encrypted file is encrypted; the same file cut short is damaged', () => {
    convertDatabaseFile(file, null, testKey('kind'));
    expect(fileKind(file)).toBe('encrypted');
    expect(refusal().code).toBe('user-data-locked');
    fs.truncateSync(file, fs.statSync(file).size - 1000);
    expect(fileKind(file)).toBe('damaged');
  });

  it('damage is refused as damage, with the backups offered and no passphrase asked', () => {
    withBackup();
    for (const [what, cut] of damage) {
      const original = fs.readFileSync(file);
      fs.writeFileSync(file, cut(original));
      const error = refusal();
      expect(error.code, what).toBe('user-data-damaged');
      expect(error.message, what).toMatch(/damaged/);
      expect(error.message, what).not.toMatch(/passphrase/);
      expect(error.message, what).toMatch(/1 backup/);
      fs.writeFileSync(file, original);
    }
  });

  it('a plain file cut short is refused as damaged, and so is an encrypted one', () => {
    withBackup();
    const original = fs.readFileSync(file);
    fs.writeFileSync(file, original.subarray(0, original.length / 2 + 100));
    expect(refusal().code).toBe('user-data-damaged');
    fs.writeFileSync(file, original);
    convertDatabaseFile(file, null, testKey('kind'));
    fs.truncateSync(file, 3 * 4096 + 7);
    const error = refusal();
    expect(error.code).toBe('user-data-damaged');
    expect(error.message).toMatch(/1 backup/);
  });

  it('a text file is damaged or foreign, never encrypted', () => {
    fs.writeFileSync(file, 'not a database '.repeat(512));
    expect(fileKind(file)).toBe('damaged');
  });
});
