/**
 * Child process of restore-backup.test.ts: restores the two backups of a notes database in turn,
 * forever, until the parent kills it with SIGKILL at some moment of a restore.
 * Usage: node --import tsx restore-writer.ts <user.sqlite> <backup name> <backup name>
 */
import fs from 'node:fs';
import { restoreBackup } from '../../../../electron/node/user-store/restore-backup';

const [file, ...names] = process.argv.slice(2);
if (!file || names.length !== 2) throw new Error('usage: restore-writer <user-db> <backup> <backup>');
fs.writeSync(1, 'ready\n');
for (let n = 0; ; n++) restoreBackup(file, names[n % 2]!, { now: new Date(Date.UTC(2026, 0, 1) + n * 1000) });
