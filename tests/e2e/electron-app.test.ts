import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { _electron as electron, type ElectronApplication } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { BUNDLED_CORPUS, ROOT } from '../harness/paths';

// The Electron binary cannot be downloaded on every machine (npm install skips it; `npm start`
// fetches it). Where it is missing, say so once and skip instead of failing.
const electronDir = path.join(ROOT, 'node_modules', 'electron');
const binaryPath = (() => {
  try {
    return path.join(electronDir, 'dist', fs.readFileSync(path.join(electronDir, 'path.txt'), 'utf8').trim());
  } catch {
    return undefined;
  }
})();
const nativeBinding = path.join(ROOT, '.cache', 'electron-native', 'better_sqlite3.node');
const skipReason = !binaryPath || !fs.existsSync(binaryPath)
  ? 'the Electron binary is not installed here (run `npm start` once on a machine that can download it)'
  : !fs.existsSync(nativeBinding)
    ? 'better-sqlite3 has no Electron build yet (run `node scripts/prepare-electron.mjs`)'
    : '';
if (skipReason) console.log(`SKIP Electron end-to-end test: ${skipReason}.`);

describe.skipIf(skipReason !== '')('the real Electron app', () => {
  let app: ElectronApplication | undefined;

  afterAll(async () => {
    await app?.close();
  });

  it('opens the bundled corpus in a locked-down window and reads a document', async () => {
    const userData = fs.mkdtempSync(path.join(os.tmpdir(), 'carrel-electron-'));
    app = await electron.launch({
      executablePath: binaryPath,
      args: [path.join(ROOT, 'out', 'main', 'index.js'), `--user-data-dir=${userData}`],
      env: { ...process.env, CARREL_CORPUS: BUNDLED_CORPUS },
    });
    const window = await app.firstWindow();
    await expect.poll(() => window.locator('.document-row').count(), { timeout: 20_000 }).toBe(5);
    const url = await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]!.webContents.getURL());
    expect(url).toBe('carrel-app://app/index.html');
    // Isolated, sandboxed page: no Node globals, only the named API.
    const page = await window.evaluate(() => {
      const w = window as unknown as Record<string, unknown>;
      return { require: typeof w.require, process: typeof w.process, api: Object.keys((w.carrel as object) ?? {}).sort() };
    });
    expect(page.require).toBe('undefined');
    expect(page.process).toBe('undefined');
    expect(page.api).toContain('listDocuments');
    expect(page.api).not.toContain('invoke');
    await window.getByRole('button', { name: /ISIS Admits It Is Losing/ }).click();
    await expect.poll(() => window.locator('.reader-title').textContent()).toBe('ISIS Admits It Is Losing');
  });

  it('opens another corpus from File › Open Corpus… (the dialog answered by the test)', async () => {
    const window = await app!.firstWindow();
    const copy = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'carrel-electron-corpus-')), 'copy.sqlite');
    fs.copyFileSync(BUNDLED_CORPUS, copy);
    await app!.evaluate(({ dialog, Menu }, file) => {
      dialog.showOpenDialog = (async () => ({ canceled: false, filePaths: [file] })) as typeof dialog.showOpenDialog;
      Menu.getApplicationMenu()!.getMenuItemById('open-corpus')!.click();
    }, copy);
    await expect.poll(() => window.locator('.document-row').count(), { timeout: 20_000 }).toBe(5);
    await window.getByRole('button', { name: 'Corpora' }).click();
    await expect.poll(() => window.locator('[data-fact="current-corpus"]').textContent()).toContain('copy.sqlite');
  });
});
