import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHANNELS } from '../../electron/common/ipc/ipc-contract';
import { lockHolderFileOf } from '../../electron/node/user-store/notes-lock';
import { BUILT_MAIN, loadShell, type FakeShell } from '../harness/fake-electron';
import { BUNDLED_CORPUS } from '../harness/paths';

// The shell as built (out/main/index.js), with `electron` replaced by recording fakes: the
// Electron binary cannot be downloaded here (electron-app.test.ts SKIPs), but the shell's own
// decisions (one instance, what happens when start-up fails) run for real.

let dir: string;
let appPath: string;
const savedEnv = { corpus: process.env.CARREL_CORPUS, userDb: process.env.CARREL_USER_DB };
beforeAll(() => {
  if (!fs.existsSync(BUILT_MAIN)) throw new Error('The shell is not built: run "npm run build" first (npm test does it).');
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'carrel-shell-'));
  // An app folder without Electron builds of the SQLite drivers, so Node's own are used.
  appPath = path.join(dir, 'app');
  fs.mkdirSync(appPath);
  process.env.CARREL_CORPUS = BUNDLED_CORPUS;
  delete process.env.CARREL_USER_DB;
});
afterAll(() => {
  if (savedEnv.corpus === undefined) delete process.env.CARREL_CORPUS;
  else process.env.CARREL_CORPUS = savedEnv.corpus;
  if (savedEnv.userDb !== undefined) process.env.CARREL_USER_DB = savedEnv.userDb;
  fs.rmSync(dir, { recursive: true, force: true });
});

const failureDialog = (shell: FakeShell) => shell.named('dialog.showMessageBox')[0]?.args[0] as { type: string; message: string; detail: string; buttons: string[] } | undefined;

describe('the Electron shell (built, on a recording fake of electron)', () => {
  it('takes the single-instance lock, opens a locked-down window, and brings it forward when Carrel is launched again', async () => {
    const userData = path.join(dir, 'user-data');
    const shell = loadShell({ userData, appPath });
    await shell.settled();
    expect(shell.named('app.requestSingleInstanceLock')).toHaveLength(1);
    expect(shell.named('dialog.showMessageBox')).toEqual([]);
    expect(shell.windows).toHaveLength(1);
    const [window] = shell.windows;
    expect(window!.options.webPreferences).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false });
    // A window cannot be shrunk past what the layout is made for.
    expect(window!.options).toMatchObject({ minWidth: 480, minHeight: 400 });
    expect(window!.state.url).toBe('carrel-app://app/index.html');
    const handled = shell.named('ipcMain.handle').map((call) => call.args[0]);
    expect(handled.sort()).toEqual(Object.values(CHANNELS).sort());
    window!.emit('ready-to-show');
    expect(window!.state.shown).toBe(true);

    // A second launch: Electron tells the first one, whose window comes back to the front.
    (window as unknown as { minimize(): void }).minimize();
    shell.emitApp('second-instance', {}, [], userData);
    expect(window!.state).toMatchObject({ minimized: false, shown: true, focused: true });
    expect(shell.named('app.quit')).toEqual([]);

    // The notes are held (notes lock) until Carrel quits.
    expect(fs.existsSync(lockHolderFileOf(path.join(userData, 'carrel-user.sqlite')))).toBe(true);
    shell.emitApp('will-quit');
    expect(fs.existsSync(lockHolderFileOf(path.join(userData, 'carrel-user.sqlite')))).toBe(false);
  });

  it('quits at once as a second instance, without opening anything', async () => {
    const shell = loadShell({ userData: path.join(dir, 'second'), appPath, singleInstance: false });
    await shell.settled();
    expect(shell.named('app.requestSingleInstanceLock')).toHaveLength(1);
    expect(shell.named('app.quit')).toHaveLength(1);
    expect(shell.named('app.whenReady')).toEqual([]);
    expect(shell.windows).toEqual([]);
    expect(shell.named('ipcMain.handle')).toEqual([]);
    expect(fs.existsSync(path.join(dir, 'second'))).toBe(false);
  });

  it('never ends with nothing on screen when the user-data folder is a file', async () => {
    const userData = path.join(dir, 'user-data-is-a-file');
    fs.writeFileSync(userData, 'not a folder');
    const shell = loadShell({ userData, appPath });
    await shell.settled();
    const dialog = failureDialog(shell);
    // Either the window opens (and says what is unavailable), or a dialog says what failed and what to do.
    expect(shell.windows.length > 0 || dialog !== undefined).toBe(true);
    if (shell.windows.length === 0) {
      expect(dialog).toMatchObject({ type: 'error', message: 'Carrel could not start: opening the corpus and your notes failed.', buttons: ['Quit Carrel'] });
      expect(dialog!.detail).toContain(`What to do: Check that ${userData} is a folder you can write to and that the disk has free space`);
      // It quits once the user has read it, not before.
      expect(shell.calls.findIndex((call) => call.api === 'app.quit')).toBeGreaterThan(shell.calls.findIndex((call) => call.api === 'dialog.showMessageBox'));
    } else {
      expect(shell.windows[0]!.state.url).toBe('carrel-app://app/index.html');
    }
  });

  it('says what failed when anything else in start-up throws, instead of showing no window', async () => {
    const shell = loadShell({ userData: path.join(dir, 'protocol-fails'), appPath, failing: { 'protocol.handle': new Error('The scheme is already handled') } });
    await shell.settled();
    expect(shell.windows).toEqual([]);
    expect(failureDialog(shell)).toMatchObject({ type: 'error', message: 'Carrel could not start: opening its window failed.' });
    expect(failureDialog(shell)!.detail).toBe('The scheme is already handled\n\nWhat to do: Start Carrel again; if this keeps happening, install it again.');
    expect(shell.named('app.quit')).toHaveLength(1);
  });
});
