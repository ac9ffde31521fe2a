/**
 * Child process of leftover-leak.test.ts: writes backups of a notes database in a loop, the way
 * the app does before a migration, until the parent kills it with SIGKILL in the middle of one.
 * Usage: node --import tsx backup-writer.ts <user.sqlite>
 */
import fs from 'node:fs';
import { backupDatabase } from '../../../../electron/node/user-store/backup';
import { openUserStore } from '../../../../electron/node/user-store/open-user-store';

const [file] = process.argv.slice(2);
if (!file) throw new Error('usage: backup-writer <user-db>');

const store = openUserStore(file, { dailyBackups: false });
fs.writeSync(1, 'ready\n');
for (let n = 0; ; n++) backupDatabase(store.db, file, 1, new Date(Date.UTC(2026, 0, 1, 0, 0, n)), 2);
