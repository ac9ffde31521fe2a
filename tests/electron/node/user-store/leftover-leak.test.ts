import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openUserStore } from '../../../../electron/node/user-store/open-user-store';
import { FIXTURES, ROOT } from '../../../harness/paths';
import { makeWorkspace, value } from '../services/user-data-fixture';

const NOTE = 'PENTIMENTO-93 the courier was seen in Raqqa twice';
const MARK = Buffer.from('PENTIMENTO-93');
const workspace = makeWorkspace('carrel-leak-');
const folder = path.dirname(workspace.userDbFile);
let corpus: string;

/** Every file under the notes folder, recursively (main file, -wal, -shm, backups, leftovers). */
function everyFile(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? everyFile(full) : [full];
  });
}
const holdsNote = (file: string) => fs.readFileSync(file).includes(MARK);

/** Starts backup-writer.ts and SIGKILLs it once a backup's temporary copy holds some of the notes. */
function killDuringBackup(file: string): Promise<string[]> {
  const backups = path.join(path.dirname(file), 'backups');
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(__dirname, 'backup-writer.ts'), file], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let err = '';
    let timer: NodeJS.Timeout | undefined;
    const partials = () => (fs.existsSync(backups) ? fs.readdirSync(backups).filter((name) => name.endsWith('.partial')) : []);
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      if (!chunk.includes('ready') || timer) return;
      timer = setInterval(() => {
        const half = partials().find((name) => fs.statSync(path.join(backups, name)).size > 2_000_000);
        if (half) child.kill('SIGKILL');
      }, 2);
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (err += chunk));
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      clearInterval(timer);
      if (signal !== 'SIGKILL') reject(new Error(`backup writer ended by itself (${code}): ${err}`));
      else resolve(partials().map((name) => path.join(backups, name)));
    });
  });
}

beforeAll(async () => {
  corpus = workspace.corpus('a', path.join(FIXTURES, 'corpus-small'));
  const { table, services } = workspace.services(corpus);
  const text = value(await table.getDocument({ id: 'notes' })).text;
  const start = text.indexOf('Dabiq');
  value(await table.createHighlight({ documentId: 'notes', start, end: start + 5, color: 'blue', note: NOTE }));
  services.close();
  // Enough notes that a backup takes a while: the kill lands while its copy is being written.
  const store = openUserStore(workspace.userDbFile, { dailyBackups: false });
  const insert = store.db.prepare("INSERT INTO document_notes (id, corpus_id, document_id, body, created_at, updated_at) VALUES (?, 'c', 'notes', ?, 't', 't')");
  store.write(() => {
    for (let n = 0; n < 6000; n++) insert.run(`bulk-${n}`, `${NOTE} ${n} ${'x'.repeat(1000)}`);
  });
  store.close();
}, 60_000);
afterAll(() => workspace.close());

describe('temporary copies left by a kill during a backup', () => {
  it('are deleted at the next start, and after "Encrypt" no file in the notes folder holds a note in the clear', async () => {
    let leftovers: string[] = [];
    for (let attempt = 0; attempt < 5 && leftovers.length === 0; attempt++) leftovers = await killDuringBackup(workspace.userDbFile);
    // The kill really left a half-written copy holding notes in the clear.
    expect(leftovers.length).toBeGreaterThan(0);
    expect(leftovers.some(holdsNote)).toBe(true);

    const { table, services } = workspace.services(corpus);
    for (const leftover of leftovers) expect(fs.existsSync(leftover), leftover).toBe(false);
    const done = value(await table.encryptUserData({ passphrase: 'a long enough passphrase', confirmation: 'a long enough passphrase' }));
    expect(done.status).toMatchObject({ state: 'open', encrypted: true });
    value(await table.setReadingPosition({ documentId: 'notes', offset: 3 }));
    const files = everyFile(folder);
    expect(files.some((f) => f.endsWith('-wal'))).toBe(true);
    for (const file of files) expect(holdsNote(file), file).toBe(false);
    services.close();
    for (const file of everyFile(folder)) expect(holdsNote(file), file).toBe(false);
  }, 120_000);

  it('are encrypted or deleted by "Encrypt" even when made after the start', async () => {
    // A copy under a temporary name appearing while the app runs (another kill, another process).
    const { table, services } = workspace.services(corpus);
    if (value(await table.getUserDataStatus(undefined)).state === 'locked') value(await table.unlockUserData({ passphrase: 'a long enough passphrase' }));
    if (value(await table.getUserDataStatus(undefined)).encrypted) value(await table.decryptUserData({ passphrase: 'a long enough passphrase' }));
    const backups = path.join(folder, 'backups');
    const made = [path.join(backups, 'carrel-user-daily-2026-01-05T00-00-00-000Z.sqlite.partial'), `${workspace.userDbFile}.converting`];
    for (const target of made) {
      const db = openUserStore(workspace.userDbFile, { dailyBackups: false });
      db.db.prepare('VACUUM INTO ?').run(target);
      db.close();
      expect(holdsNote(target)).toBe(true);
    }
    const done = value(await table.encryptUserData({ passphrase: 'another long passphrase', confirmation: 'another long passphrase' }));
    expect(done.message).toMatch(/unfinished cop(y|ies)/);
    for (const file of everyFile(folder)) expect(holdsNote(file), file).toBe(false);
    services.close();
  }, 120_000);
});
