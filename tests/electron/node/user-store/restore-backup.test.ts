import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openCipherDatabase } from '../../../../electron/node/sqlite/open-cipher-database';
import { dailyBackup, setAsideCopy } from '../../../../electron/node/user-store/backup';
import { convertBackups } from '../../../../electron/node/user-store/encryption/change-encryption';
import { fileKind } from '../../../../electron/node/user-store/encryption/file-kind';
import { listAllBackups } from '../../../../electron/node/user-store/notes-files';
import { openUserStore } from '../../../../electron/node/user-store/open-user-store';
import { checkBackup } from '../../../../electron/node/user-store/restore-backup';
import { ROOT } from '../../../harness/paths';
import { testKey } from './encryption/key-fixture';

const NOTE = 'EXEMPLAR-09 the second edition drops the preface';
let dir: string;
let file: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'carrel-restore-'));
  file = path.join(dir, 'carrel-user.sqlite');
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const everyFile = (folder: string): string[] =>
  fs.readdirSync(folder, { withFileTypes: true }).flatMap((entry) => (entry.isDirectory() ? everyFile(path.join(folder, entry.name)) : [path.join(folder, entry.name)]));
const holdsNote = (target: string) => fs.readFileSync(target).includes(Buffer.from('EXEMPLAR-09'));

function addNotes(count: number, body = NOTE): void {
  const store = openUserStore(file, { dailyBackups: false });
  const insert = store.db.prepare("INSERT INTO document_notes (id, corpus_id, document_id, body, created_at, updated_at) VALUES (?, 'c', 'd', ?, 't', 't')");
  const first = store.db.prepare('SELECT count(*) FROM document_notes').pluck().get() as number;
  store.write(() => {
    for (let n = 0; n < count; n++) insert.run(`n${first + n}`, `${body} ${first + n}`);
  });
  store.close();
}
const countNotes = (target: string) => {
  const db = openCipherDatabase(target, { readonly: true, fileMustExist: true });
  try {
    return db.prepare('SELECT count(*) FROM document_notes').pluck().get() as number;
  } finally {
    db.close();
  }
};

describe('copies set aside by a restore', () => {
  it('keep what is still in the -wal of a file left by a crash, and are encrypted with it (or deleted), never left readable', () => {
    addNotes(10);
    // What a crash leaves: the file and a -wal holding committed notes not yet checkpointed.
    const crashed = path.join(dir, 'crashed');
    fs.mkdirSync(crashed);
    const live = openUserStore(file, { dailyBackups: false });
    live.db.pragma('wal_autocheckpoint = 0');
    live.write(() => live.db.prepare("INSERT INTO document_notes (id, corpus_id, document_id, body, created_at, updated_at) VALUES ('late', 'c', 'd', ?, 't', 't')").run(`${NOTE} late`));
    const copy = path.join(crashed, 'carrel-user.sqlite');
    fs.copyFileSync(file, copy);
    fs.copyFileSync(`${file}-wal`, `${copy}-wal`);
    live.close();
    expect(holdsNote(`${copy}-wal`)).toBe(true);

    const aside = setAsideCopy(copy, new Date('2026-02-01T00:00:00Z'));
    expect(fs.statSync(`${aside}-wal`).size).toBe(fs.statSync(`${copy}-wal`).size);
    expect(countNotes(aside)).toBe(11);
    expect(listAllBackups(copy).map((b) => b.kind)).toEqual(['set-aside']);

    const outcome = convertBackups(copy, null, testKey('aside'));
    expect(outcome).toMatchObject({ converted: 1, deleted: 0 });
    expect(fileKind(aside)).toBe('encrypted');
    for (const target of everyFile(path.join(crashed, 'backups'))) expect(holdsNote(target), target).toBe(false);
  });

  it('that cannot be encrypted (damaged) are deleted with their sidecars', () => {
    addNotes(10);
    const store = openUserStore(file, { dailyBackups: false });
    dailyBackup(store.db, file, new Date('2026-02-01T00:00:00Z'));
    store.close();
    const [daily] = listAllBackups(file);
    const bytes = fs.readFileSync(daily!.path);
    fs.writeFileSync(daily!.path, bytes.subarray(0, bytes.length - 100));
    fs.writeFileSync(`${daily!.path}-wal`, `${NOTE} in a wal`);
    expect(checkBackup(daily!.path)).toMatchObject({ usable: false, encryption: 'damaged' });
    expect(convertBackups(file, null, testKey('damaged'))).toMatchObject({ converted: 0, deleted: 1 });
    expect(fs.readdirSync(path.join(dir, 'backups'))).toEqual([]);
  });
});

describe('a restore killed at any moment', () => {
  it('leaves under the file name the old file or a restored one, whole, and set-aside copies that are whole', async () => {
    addNotes(3000);
    const store = openUserStore(file, { dailyBackups: false });
    dailyBackup(store.db, file, new Date('2026-01-01T00:00:00Z'));
    store.close();
    addNotes(1000);
    const again = openUserStore(file, { dailyBackups: false });
    dailyBackup(again.db, file, new Date('2026-01-02T00:00:00Z'));
    again.close();
    const names = listAllBackups(file).map((b) => b.name);
    expect(names).toHaveLength(2);
    const allowed = new Set([3000, 4000]);
    let kills = 0;
    for (let run = 0; run < 8; run++) {
      await runAndKill([file, ...names], 30 + ((run * 53) % 200));
      kills++;
      // The app's own way in cleans what the kill left and opens the file as it is.
      const opened = openUserStore(file, { dailyBackups: false });
      const count = opened.db.prepare('SELECT count(*) FROM document_notes').pluck().get() as number;
      expect(opened.db.pragma('integrity_check', { simple: true }), `run ${run}`).toBe('ok');
      opened.close();
      expect(allowed.has(count), `run ${run}: ${count} notes`).toBe(true);
      expect(fs.readdirSync(dir).filter((name) => /restoring|partial|creating/.test(name))).toEqual([]);
      for (const backup of listAllBackups(file)) expect(checkBackup(backup.path).usable, backup.name).toBe(true);
    }
    expect(kills).toBe(8);
    // Restores completed between kills: there are set-aside copies.
    expect(listAllBackups(file).filter((b) => b.kind === 'set-aside').length).toBeGreaterThan(0);
  }, 120_000);
});

function runAndKill(args: string[], delayMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(__dirname, 'restore-writer.ts'), ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      out += chunk;
      if (out.includes('ready\n')) setTimeout(() => child.kill('SIGKILL'), delayMs);
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (err += chunk));
    child.on('error', reject);
    child.on('exit', (code, signal) => (signal === 'SIGKILL' ? resolve() : reject(new Error(`restore writer ended by itself (${code}): ${err}`))));
  });
}
