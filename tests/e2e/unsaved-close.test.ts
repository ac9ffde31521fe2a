import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openCipherDatabase } from '../../electron/node/sqlite/open-cipher-database';
import { UNSAVED_CLOSE_BUTTONS } from '../../electron/main/unsaved-close';
import { BUILT_MAIN, loadShell } from '../harness/fake-electron';
import { BUNDLED_CORPUS } from '../harness/paths';
import { withBundledApp } from '../harness/with-bundled-app';

// Closing the window while a note could not be saved: the page refuses to unload (beforeunload),
// and the shell asks the user (will-prevent-unload) instead of closing or silently staying open.

describe('closing Carrel while a note is not saved', () => {
  const app = withBundledApp();

  it('the window refuses to unload while unsaved text is kept, and lets go once it is saved', async () => {
    const harness = app();
    const { page } = harness;
    await page.getByRole('button', { name: 'Library', exact: true }).click();
    await page.getByRole('button', { name: /ISIS Admits It Is Losing/ }).click();
    await page.locator('.document-body p').nth(3).waitFor();
    await page.getByRole('button', { name: 'New note' }).click();
    const card = page.locator('.document-note').last();
    const field = card.locator('textarea');
    await field.pressSequentially('Kept.', { delay: 5 });
    await expect.poll(() => card.locator('.save-status').textContent(), { timeout: 20_000 }).toBe('Saved');

    // Nothing unsaved: leaving is not refused.
    expect(await page.evaluate(() => window.dispatchEvent(new Event('beforeunload', { cancelable: true })))).toBe(true);

    // Another program holds the write lock: the next change fails and is kept in the editor.
    const other = openCipherDatabase(harness.userDbFile);
    other.exec('BEGIN IMMEDIATE');
    try {
      await field.pressSequentially(' Not yet saved.', { delay: 5 });
      await expect.poll(() => card.locator('.save-problem').textContent(), { timeout: 30_000 }).toContain('Not saved.');
      // dispatchEvent returns false when a listener called preventDefault: the unload is refused.
      expect(await page.evaluate(() => window.dispatchEvent(new Event('beforeunload', { cancelable: true })))).toBe(false);
    } finally {
      other.exec('ROLLBACK');
      other.close();
    }
    await card.getByRole('button', { name: 'Try again' }).click();
    await expect.poll(() => card.locator('.save-status').textContent(), { timeout: 30_000 }).toBe('Saved now');
    expect(await page.evaluate(() => window.dispatchEvent(new Event('beforeunload', { cancelable: true })))).toBe(true);
  });
});

describe('the shell when the window refuses to unload', () => {
  let dir: string;
  const saved = process.env.CARREL_CORPUS;
  beforeAll(() => {
    if (!fs.existsSync(BUILT_MAIN)) throw new Error('The shell is not built: run "npm run build" first (npm test does it).');
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'carrel-unsaved-close-'));
    fs.mkdirSync(path.join(dir, 'app'));
    process.env.CARREL_CORPUS = BUNDLED_CORPUS;
  });
  afterAll(() => {
    if (saved === undefined) delete process.env.CARREL_CORPUS;
    else process.env.CARREL_CORPUS = saved;
    fs.rmSync(dir, { recursive: true, force: true });
  });

  for (const [response, closes] of [
    [0, false],
    [1, true],
  ] as const) {
    it(`asks the user, and ${closes ? 'closes when told to lose the changes' : 'stays open by default'}`, async () => {
      const shell = loadShell({ userData: path.join(dir, `user-${response}`), appPath: path.join(dir, 'app'), messageBoxResponse: response });
      await shell.settled();
      const [window] = shell.windows;
      let allowed = false;
      window!.contents.emit('will-prevent-unload', { preventDefault: () => (allowed = true) });
      const [asked] = shell.named('dialog.showMessageBoxSync');
      expect(asked?.args[0]).toBe(window);
      expect(asked?.args[1]).toMatchObject({ type: 'warning', message: 'Some changes to your notes are not saved', buttons: [...UNSAVED_CLOSE_BUTTONS], defaultId: 0, cancelId: 0 });
      expect(allowed).toBe(closes);
      shell.emitApp('will-quit');
    });
  }
});
