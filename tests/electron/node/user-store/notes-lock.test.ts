import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../../../electron/node/cli/carrel';
import { buildCorpus } from '../../../../electron/node/corpus/build-corpus';
import { createServices } from '../../../../electron/node/services/create-services';
import { acquireNotesLock, lockFileOf, lockHolderFileOf } from '../../../../electron/node/user-store/notes-lock';
import { UserStoreOpenError } from '../../../../electron/node/user-store/user-store-error';
import { FIXTURES, ROOT } from '../../../harness/paths';

const HOLDER = path.join(__dirname, 'lock-holder.ts');

type Reported = { pid: number; state: string; code?: string; message?: string };

let dir: string;
let corpusFile: string;
let userDbFile: string;
const children: ChildProcess[] = [];
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'carrel-lock-'));
  corpusFile = path.join(dir, 'corpus.sqlite');
  userDbFile = path.join(dir, 'user', 'carrel-user.sqlite');
  buildCorpus({ sourcesDir: path.join(FIXTURES, 'corpus-small'), outFile: corpusFile, title: 'Small' });
});
afterAll(() => {
  for (const child of children) child.kill('SIGKILL');
  fs.rmSync(dir, { recursive: true, force: true });
});

/** Starts a Carrel process on the notes database and resolves with the status it reports. */
function start(): Promise<{ child: ChildProcess; reported: Reported }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', HOLDER, corpusFile, userDbFile], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    children.push(child);
    let out = '';
    let err = '';
    child.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
      out += chunk;
      if (out.includes('\n')) resolve({ child, reported: JSON.parse(out.split('\n')[0]!) as Reported });
    });
    child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (err += chunk));
    child.on('error', reject);
    child.on('exit', (code) => {
      if (!out.includes('\n')) reject(new Error(`the Carrel process ended without a status (code ${code}): ${err}`));
    });
  });
}

const killed = (child: ChildProcess) =>
  new Promise<void>((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGKILL');
  });

describe('one writer per notes database', () => {
  it('refuses a second process with a message, and is free again once the first is killed', async () => {
    const first = await start();
    expect(first.reported.state).toBe('open');

    const second = await start();
    expect(second.reported).toMatchObject({ state: 'unavailable', code: 'user-data-in-use' });
    expect(second.reported.message).toContain(`Your notes database ${userDbFile} is open in a Carrel command (process ${first.reported.pid}, since `);
    expect(second.reported.message).toContain('Close the other Carrel (or wait for its command to finish), then try again.');

    // The command line is refused the same way (it writes: migrations, daily backups).
    const errors: string[] = [];
    const out = { log: () => {}, error: (line: string) => errors.push(line), progress: () => {} };
    expect(await main(['notes', 'export', '--user-db', userDbFile, '--corpus', corpusFile], out)).toBe(1);
    expect(errors.join('\n')).toContain(`is open in a Carrel command (process ${first.reported.pid}`);
    // A read-only check does not need the lock (see notes-commands.ts) and says who has the file.
    const lines: string[] = [];
    expect(await main(['notes', 'check', '--user-db', userDbFile], { ...out, log: (line: string) => lines.push(line) })).toBe(0);
    expect(lines).toContain('Integrity: ok');
    expect(lines.find((line) => line.startsWith('In use:'))).toContain(`process ${first.reported.pid}`);

    // A Carrel that started while the notes were taken gets them when they are free, without a restart.
    const waiting = createServices({ corpusFile, userDbFile });
    try {
      expect(waiting.getUserDataStatus(undefined)).toMatchObject({ state: 'unavailable', code: 'user-data-in-use' });
      await killed(first.child);
      // SIGKILL runs no clean-up: the holder record is left, the lock is not.
      expect(fs.existsSync(lockHolderFileOf(userDbFile))).toBe(true);
      expect(waiting.getUserDataStatus(undefined).state).toBe('open');
      expect(waiting.listTags({})).toEqual([]);
    } finally {
      waiting.close();
    }

    const third = await start();
    expect(third.reported.state).toBe('open');
    await killed(third.child);
    // Nothing but the lock file and the holder record is ever written beside it.
    expect(fs.readdirSync(path.dirname(userDbFile)).filter((name) => name.includes('.lock')).sort()).toEqual(['carrel-user.sqlite.lock', 'carrel-user.sqlite.lock-holder']);
    expect(fs.statSync(lockFileOf(userDbFile)).size).toBe(0);
  }, 60_000);

  it('is shared within one process and given back by the last holder', () => {
    const file = path.join(dir, 'shared', 'carrel-user.sqlite');
    const a = acquireNotesLock(file);
    const b = acquireNotesLock(file);
    a.release();
    a.release();
    expect(fs.existsSync(lockHolderFileOf(file))).toBe(true);
    b.release();
    expect(fs.existsSync(lockHolderFileOf(file))).toBe(false);
    expect(fs.existsSync(lockFileOf(file))).toBe(true);
  });

  it('says why when the lock file cannot be created', () => {
    const blocker = path.join(dir, 'a-file');
    fs.writeFileSync(blocker, 'not a folder');
    try {
      acquireNotesLock(path.join(blocker, 'carrel-user.sqlite'));
      throw new Error('expected a refusal');
    } catch (error) {
      expect(error).toBeInstanceOf(UserStoreOpenError);
      expect((error as UserStoreOpenError).code).toBe('user-data-unavailable');
      expect((error as Error).message).toMatch(/^Carrel cannot create .*carrel-user\.sqlite\.lock, which keeps two programs from writing your notes at once: a file or folder is in the way/);
    }
  });
});
