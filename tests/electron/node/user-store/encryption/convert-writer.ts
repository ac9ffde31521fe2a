/**
 * Child process of convert-file.test.ts: converts the database round and round (plain → k0 →
 * k1 → k2 → k3 → plain …) until the parent SIGKILLs it, wherever it is in a conversion.
 * It starts from the key named in `current-key` beside the file (absent: plain).
 * Usage: node --import tsx convert-writer.ts <user.sqlite>
 */
import fs from 'node:fs';
import path from 'node:path';
import { convertDatabaseFile } from '../../../../../electron/node/user-store/encryption/convert-file';
import { testKey } from './key-fixture';

const [file] = process.argv.slice(2);
if (!file) throw new Error('usage: convert-writer <user-db>');
const keys = [null, ...['k0', 'k1', 'k2', 'k3'].map(testKey)];
const noted = path.join(path.dirname(file), 'current-key');
const start = fs.existsSync(noted) ? fs.readFileSync(noted, 'utf8') : 'plain';
let at = start === 'plain' ? 0 : Number(start) + 1;
fs.writeSync(1, 'ready\n');
for (;;) {
  const next = (at + 1) % keys.length;
  convertDatabaseFile(file, keys[at]!, keys[next]!);
  at = next;
}
