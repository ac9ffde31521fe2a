import { createHash } from 'node:crypto';
import fs from 'node:fs';
import type { CipherKey } from '../../../../../electron/node/user-store/encryption/cipher-key';
import { openWithKey, type FileKey } from '../../../../../electron/node/user-store/encryption/convert-file';
import { openUserStore } from '../../../../../electron/node/user-store/open-user-store';
import type { Migration } from '../../../../../electron/node/user-store/migrations/migration';

/** A fixed key (no scrypt: these tests are about the file, not the passphrase). */
export function testKey(name: string): CipherKey {
  const bytes = createHash('sha512').update(name).digest();
  return { key: bytes.subarray(0, 32), salt: bytes.subarray(32, 48) };
}

export const NOTE = 'LACUNA-58 the sermon was first broadcast in July';
const SCHEMA: Migration[] = [{ version: 1, name: 'lines', up: (db) => db.exec('CREATE TABLE lines (n INTEGER PRIMARY KEY, text TEXT NOT NULL)') }];

/** A plain user database with `rows` lines, each holding NOTE, through the app's own opener (WAL mode). */
export function makeDatabase(file: string, rows = 200): void {
  const store = openUserStore(file, { migrations: SCHEMA, dailyBackups: false });
  const insert = store.db.prepare('INSERT INTO lines (n, text) VALUES (?, ?)');
  store.write(() => {
    for (let n = 1; n <= rows; n++) insert.run(n, `${NOTE} #${n}`);
  });
  store.close();
}

export function readLines(file: string, key: FileKey): number {
  const db = openWithKey(file, key);
  try {
    return db.prepare('SELECT count(*) FROM lines WHERE text LIKE ?').pluck().get(`${NOTE}%`) as number;
  } finally {
    db.close();
  }
}

export const sha256 = (file: string) => createHash('sha256').update(fs.readFileSync(file)).digest('hex');
export const holdsNote = (file: string) => fs.readFileSync(file).includes(Buffer.from('LACUNA-58'));
