import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUILT_MAIN, loadShell } from '../harness/fake-electron';
import { BUNDLED_CORPUS } from '../harness/paths';

// The shell as built, on a recording fake of electron (see electron-shell.test.ts): the window
// comes back where it was left, kept on a display that is there, from the settings file.
let dir: string;
let appPath: string;
const savedEnv = { corpus: process.env.CARREL_CORPUS, userDb: process.env.CARREL_USER_DB };
beforeAll(() => {
  if (!fs.existsSync(BUILT_MAIN)) throw new Error('The shell is not built: run "npm run build" first (npm test does it).');
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'carrel-window-shell-'));
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

describe('the window remembers its size and place', () => {
  const userData = () => path.join(dir, 'user-data');
  const launch = async (displays?: { x: number; y: number; width: number; height: number }[]) => {
    const shell = loadShell({ userData: userData(), appPath, displays });
    await shell.settled();
    return shell;
  };
  const quit = (shell: Awaited<ReturnType<typeof launch>>) => shell.emitApp('will-quit');

  it('opens at the default size the first time, and where it was left the next', async () => {
    const first = await launch();
    expect(first.windows[0]!.options).toMatchObject({ width: 1200, height: 860 });
    expect(first.windows[0]!.options.x).toBeUndefined();
    first.windows[0]!.setBounds({ x: 300, y: 120, width: 1000, height: 700 });
    first.windows[0]!.emit('close');
    quit(first);
    const settings = JSON.parse(fs.readFileSync(path.join(userData(), 'carrel-settings.json'), 'utf8'));
    expect(settings.window.bounds).toEqual({ x: 300, y: 120, width: 1000, height: 700 });
    const second = await launch();
    expect(second.windows[0]!.options).toMatchObject({ x: 300, y: 120, width: 1000, height: 700 });
    // Maximised is remembered too.
    second.windows[0]!.state.maximized = true;
    second.windows[0]!.emit('close');
    quit(second);
    const third = await launch();
    expect(third.named('window.maximize')).toHaveLength(1);
    third.windows[0]!.state.maximized = false;
    third.windows[0]!.emit('close');
    quit(third);
  });

  it('comes back onto the screen when it was left on a display that is gone or partly off it', async () => {
    const wide = await launch([{ x: 0, y: 0, width: 1920, height: 1040 }, { x: 1920, y: 0, width: 2560, height: 1400 }]);
    wide.windows[0]!.setBounds({ x: 2400, y: 200, width: 1400, height: 900 });
    wide.windows[0]!.emit('close');
    quit(wide);
    // The second display is unplugged: a size that fits the one left, the place is the system's.
    const laptop = await launch([{ x: 0, y: 0, width: 1366, height: 728 }]);
    expect(laptop.windows[0]!.options).toMatchObject({ width: 1200, height: 728 });
    expect(laptop.windows[0]!.options.x).toBeUndefined();
    laptop.windows[0]!.setBounds({ x: 900, y: 500, width: 1000, height: 700 });
    laptop.windows[0]!.emit('close');
    quit(laptop);
    const again = await launch([{ x: 0, y: 0, width: 1366, height: 728 }]);
    expect(again.windows[0]!.options).toMatchObject({ x: 366, y: 28, width: 1000, height: 700 });
    quit(again);
  });
});

describe('the document last open opens again at the next launch', () => {
  it('reopens the reader on the document left open, and the library when it was closed', async () => {
    const { launchHarness, openApp } = await import('../harness/renderer-harness');
    const settingsFile = path.join(dir, 'reopen', 'carrel-settings.json');
    const userDbFile = path.join(dir, 'reopen', 'carrel-user.sqlite');
    const launchApp = async () => {
      const harness = await launchHarness({ corpusFile: BUNDLED_CORPUS, settingsFile, userDbFile, reopenLastDocument: true });
      await openApp(harness);
      return harness;
    };
    let harness = await launchApp();
    await harness.page.locator('.document-row').first().waitFor();
    const title = (await harness.page.locator('.document-row .document-title').nth(2).textContent())!;
    await harness.page.locator('.document-row button').nth(2).click();
    await harness.page.locator('.reader-title').waitFor();
    await expect.poll(() => JSON.parse(fs.readFileSync(settingsFile, 'utf8')).window?.lastDocuments).toBeTruthy();
    await harness.close();

    harness = await launchApp();
    await expect.poll(() => harness.page.locator('.reader-title').textContent(), { timeout: 10_000 }).toBe(title);
    await harness.page.keyboard.press('Escape');
    await harness.page.locator('.document-row').first().waitFor();
    await expect.poll(() => Object.keys(JSON.parse(fs.readFileSync(settingsFile, 'utf8')).window?.lastDocuments ?? {}).length).toBe(0);
    await harness.close();

    harness = await launchApp();
    await harness.page.locator('.document-row').first().waitFor();
    // Nothing to reopen: the app asks, hears none, and stays on the library.
    expect(await harness.page.evaluate(() => (window as unknown as { carrel: { getLastDocument(): Promise<unknown> } }).carrel.getLastDocument())).toEqual({ ok: true, value: null });
    expect(await harness.page.locator('.reader-title').count()).toBe(0);
    await harness.close();
  });
});
