import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { rawKeyText } from '../../../../../electron/node/user-store/encryption/cipher-key';
import { convertDatabaseFile, openWithKey } from '../../../../../electron/node/user-store/encryption/convert-file';
import { fileKind, fileSalt } from '../../../../../electron/node/user-store/encryption/file-kind';
import { ROOT } from '../../../../harness/paths';
import { holdsNote, makeDatabase, readLines, sha256, testKey } from './key-fixture';

let dir: string;
let file: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'carrel-convert-'));
  file = path.join(dir, 'carrel-user.sqlite');
  makeDatabase(file);
});
afterEach(() => {
  vi.restoreAllMocks();
  fs.rmSync(dir, { recursive: true, force: true });
});

const leftovers = () => fs.readdirSync(dir).filter((name) => name.includes('.converting'));

describe('the raw key handed to SQLite', () => {
  it("is SQLCipher-style hex text x'<key><salt>', never the passphrase", () => {
    const key = testKey('a');
    const text = rawKeyText(key).toString('latin1');
    expect(text).toBe(`x'${key.key.toString('hex')}${key.salt.toString('hex')}'`);
  });
});

describe('convertDatabaseFile', () => {
  it('encrypts a plain database in place: same rows, salt in the header, no note in the clear', () => {
    expect(holdsNote(file)).toBe(true);
    const key = testKey('one');
    convertDatabaseFile(file, null, key);
    expect(fileKind(file)).toBe('encrypted');
    expect(fileSalt(file).equals(key.salt)).toBe(true);
    expect(holdsNote(file)).toBe(false);
    expect(readLines(file, key)).toBe(200);
    expect(() => readLines(file, null)).toThrow(/not a database/);
    expect(() => readLines(file, testKey('other'))).toThrow(/not a database/);
    expect(leftovers()).toEqual([]);
  });

  it('re-keys and decrypts', () => {
    const one = testKey('one');
    const two = testKey('two');
    convertDatabaseFile(file, null, one);
    convertDatabaseFile(file, one, two);
    expect(() => readLines(file, one)).toThrow(/not a database/);
    expect(readLines(file, two)).toBe(200);
    convertDatabaseFile(file, two, null);
    expect(fileKind(file)).toBe('plain');
    expect(readLines(file, null)).toBe(200);
  });

  it('refuses a wrong key before writing anything', () => {
    const one = testKey('one');
    convertDatabaseFile(file, null, one);
    const before = sha256(file);
    expect(() => convertDatabaseFile(file, testKey('wrong'), null)).toThrow(/not a database/);
    expect(sha256(file)).toBe(before);
    expect(leftovers()).toEqual([]);
  });

  it.each([
    ['the copy is renamed into place', 'renameSync'],
    ['the copy is flushed to disk', 'fsyncSync'],
  ] as const)('leaves the original intact when it fails just before %s', (_step, call) => {
    const before = sha256(file);
    vi.spyOn(fs, call).mockImplementationOnce(() => {
      throw new Error('disk full');
    });
    expect(() => convertDatabaseFile(file, null, testKey('one'))).toThrow(/disk full/);
    expect(sha256(file)).toBe(before);
    expect(fileKind(file)).toBe('plain');
    expect(readLines(file, null)).toBe(200);
    expect(leftovers()).toEqual([]);
  });

  it('takes in writes still in the WAL (it is checkpointed first)', () => {
    const before = sha256(file);
    const other = openWithKey(file, null);
    other.pragma('journal_mode = WAL');
    other.prepare('INSERT INTO lines (n, text) VALUES (1000, ?)').run('late');
    const spy = vi.spyOn(fs, 'renameSync');
    try {
      expect(() => convertDatabaseFile(file, null, testKey('one'))).not.toThrow();
    } finally {
      other.close();
    }
    expect(spy).toHaveBeenCalled();
    expect(readLines(file, testKey('one'))).toBe(200);
    const db = openWithKey(file, testKey('one'));
    expect(db.prepare('SELECT text FROM lines WHERE n = 1000').pluck().get()).toBe('late');
    db.close();
    expect(sha256(file)).not.toBe(before);
  });

  it('survives being killed at any moment: the file always opens with the old key or the new one, all rows in it', async () => {
    const keys = ['k0', 'k1', 'k2', 'k3'].map(testKey);
    const seen = new Set<string>();
    for (let run = 0; run < 12; run++) {
      // Mostly within the first conversions; every fourth run later, so that some surely complete on a slow machine.
      await runAndKill(file, run % 4 === 3 ? 400 : 15 + ((run * 37) % 90));
      // Whatever step the kill hit, exactly one of the keys (or none: plain) opens it, with every row.
      const opening = [null, ...keys].filter((key) => {
        try {
          return readLines(file, key) === 200;
        } catch {
          return false;
        }
      });
      expect(opening, `run ${run}`).toHaveLength(1);
      seen.add(opening[0] ? opening[0].salt.toString('hex') : 'plain');
      const db = openWithKey(file, opening[0]!);
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      db.close();
      // The writer starts again from the file's current key.
      fs.writeFileSync(path.join(dir, 'current-key'), opening[0] ? String(keys.indexOf(opening[0])) : 'plain');
    }
    // Kills landed after different numbers of conversions.
    expect(seen.size).toBeGreaterThan(1);
  }, 60_000);
});

/** Runs convert-writer.ts (endless conversions plain → k0 → k1 → … → plain) and SIGKILLs it after `delayMs` of converting. */
function runAndKill(target: string, delayMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(__dirname, 'convert-writer.ts'), target], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      out += chunk;
      if (out.includes('ready\n')) setTimeout(() => child.kill('SIGKILL'), delayMs);
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (err += chunk));
    child.on('error', reject);
    child.on('exit', (code, signal) => (signal === 'SIGKILL' ? resolve() : reject(new Error(`writer ended by itself (${code}): ${err}`))));
  });
}
