import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServices } from '../../electron/node/services/create-services';
import { listDailyBackups } from '../../electron/node/user-store/backup';
import { BUNDLED_CORPUS, ROOT } from '../harness/paths';
import { launchHarness, openApp, type Harness } from '../harness/renderer-harness';
import { CAN_MOUNT_TMPFS, mountTmpfs, type Tmpfs } from '../harness/tmpfs';

const SHOTS = path.join(ROOT, 'test-results');
const NOTE = 'MARGENTA-61: the caption contradicts the video';

async function shot(page: Page, name: string) {
  fs.mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SHOTS, `notes-recovery-${name}.png`), fullPage: true });
}

describe('a notes file found empty at start, with backups: the recovery panel restores the newest', () => {
  let dir: string;
  let userDbFile: string;
  let harness: Harness | undefined;
  let documentId: string;

  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'carrel-e2e-recovery-'));
    userDbFile = path.join(dir, 'carrel-user.sqlite');
    // A highlight, then three more starts on three days: three daily backups that hold it.
    for (let day = 0; day < 4; day++) {
      const services = createServices({ corpusFile: BUNDLED_CORPUS, userDbFile, now: () => new Date(Date.UTC(2026, 4, 1 + day, 8, 30)) });
      if (day === 0) {
        documentId = services.listDocuments(undefined)[0]!.id;
        services.createHighlight({ documentId, start: 0, end: 12, color: 'green', note: NOTE });
      }
      services.close();
    }
    expect(listDailyBackups(userDbFile)).toHaveLength(3);
    fs.truncateSync(userDbFile, 0);
  });
  afterAll(async () => {
    await harness?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('says what happened, offers the newest backup with a confirmation, restores it, and the highlight is back', async () => {
    harness = await launchHarness({ corpusFile: BUNDLED_CORPUS, userDbFile });
    await openApp(harness);
    const { page } = harness;
    const panel = page.getByRole('region', { name: 'Your notes file is empty' });
    await panel.waitFor();
    await expect.poll(() => panel.textContent()).toContain('is empty (0 bytes)');
    // It says how old the backup is and what it holds.
    const restoreNewest = panel.getByRole('button', { name: /^Restore the newest backup \(.*2026.*, (\d+ (minute|hour|day)s? old|made just now)\)…$/ });
    await restoreNewest.waitFor();
    await expect.poll(() => panel.textContent()).toMatch(/Daily backup\. Checked, usable: 1 highlight, 0 notes, 0 bookmarks\./);
    // The two older backups are listed too, each checked.
    await expect.poll(() => panel.getByRole('list', { name: 'Backups of your notes' }).getByRole('listitem').count()).toBe(2);
    expect(await panel.locator('.backup-item .fact-good').count()).toBe(2);
    await shot(page, 'panel');

    await restoreNewest.click();
    const confirm = panel.getByRole('group', { name: 'Confirm the restore' });
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('Restore this backup');
    // Esc cancels, without restoring anything.
    await page.keyboard.press('Escape');
    await confirm.waitFor({ state: 'detached' });
    expect(fs.statSync(userDbFile).size).toBe(0);
    await restoreNewest.click();
    await shot(page, 'confirm');
    await page.keyboard.press('Enter');

    await panel.waitFor({ state: 'detached', timeout: 15_000 });
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'restored' }).textContent()).toMatch(/restored from the daily backup of 2026-05-04 08:30 UTC/);
    await page.getByRole('button', { name: 'Notebook', exact: true }).click();
    await expect.poll(() => page.locator('main').textContent(), { timeout: 10_000 }).toContain(NOTE);
    await shot(page, 'restored');
    // … and in the reader, the highlight is where it was made.
    await page.locator('.notebook-entry .entry-open').first().click();
    await expect.poll(() => page.locator('.document-body mark.highlight-green').count(), { timeout: 10_000 }).toBe(1);
    // The empty file was kept aside, not deleted.
    const asides = fs.readdirSync(path.join(dir, 'backups')).filter((name) => name.includes('-aside-'));
    expect(asides).toHaveLength(1);
    expect(harness.services.listHighlights({ documentId }).map((h) => h.note)).toEqual([NOTE]);
    expect(harness.pageErrors.filter((e) => !e.includes('Failed to load resource'))).toEqual([]);
  });
});

describe('encrypted notes that start locked: the backups are offered under the passphrase prompt', () => {
  let dir: string;
  let harness: Harness | undefined;
  afterAll(async () => {
    await harness?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('lists them, says encrypted ones are checked only with the passphrase, and restores one to the prompt', async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'carrel-e2e-recovery-locked-'));
    const userDbFile = path.join(dir, 'carrel-user.sqlite');
    const passphrase = 'a passphrase for the locked case';
    const services = createServices({ corpusFile: BUNDLED_CORPUS, userDbFile, now: () => new Date(Date.UTC(2026, 4, 1, 8, 30)) });
    const documentId = services.listDocuments(undefined)[0]!.id;
    services.createHighlight({ documentId, start: 0, end: 12, color: 'green', note: NOTE });
    await services.encryptUserData({ passphrase, confirmation: passphrase });
    services.close();

    harness = await launchHarness({ corpusFile: BUNDLED_CORPUS, userDbFile });
    await openApp(harness);
    const { page } = harness;
    await page.getByRole('heading', { name: 'Your notes are locked' }).waitFor();
    await page.getByText('Passphrase not working, or the file damaged? Restore a backup').click();
    const restore = page.getByRole('button', { name: /^Restore the newest backup/ });
    await restore.waitFor();
    await expect.poll(() => page.locator('.recovery-locked').textContent()).toContain('Encrypted: it can be checked only with its passphrase');
    await shot(page, 'locked');
    await restore.click();
    await page.getByRole('button', { name: 'Restore this backup' }).click();
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'restored' }).textContent(), { timeout: 15_000 }).toMatch(/enter the passphrase it was made with/);
    await page.getByLabel('Passphrase', { exact: true }).fill(passphrase);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Your notes are locked' }).waitFor({ state: 'detached', timeout: 15_000 });
    await page.getByRole('button', { name: 'Notebook', exact: true }).click();
    await expect.poll(() => page.locator('main').textContent(), { timeout: 10_000 }).toContain(NOTE);
    expect(harness.pageErrors.filter((e) => !e.includes('Failed to load resource'))).toEqual([]);
  });
});

describe.skipIf(!CAN_MOUNT_TMPFS)('a read-only notes folder at start (a tmpfs remounted read-only)', () => {
  let mounted: Tmpfs | undefined;
  let harness: Harness | undefined;
  afterAll(async () => {
    await harness?.close();
    try {
      mounted?.remountWritable();
    } catch {
      // already writable
    }
    mounted?.unmount();
  });

  it('gets its own words, no backup offered, and "Try again" opens the notes once the folder is writable', async () => {
    mounted = mountTmpfs(8192)!;
    const userDbFile = path.join(mounted.dir, 'carrel-user.sqlite');
    const services = createServices({ corpusFile: BUNDLED_CORPUS, userDbFile });
    const documentId = services.listDocuments(undefined)[0]!.id;
    services.createHighlight({ documentId, start: 0, end: 12, color: 'green', note: NOTE });
    services.close();
    mounted.remountReadOnly();

    harness = await launchHarness({ corpusFile: BUNDLED_CORPUS, userDbFile });
    await openApp(harness);
    const { page } = harness;
    const panel = page.getByRole('region', { name: 'Carrel cannot write to the folder of your notes' });
    await panel.waitFor();
    await expect.poll(() => panel.textContent()).toContain('read-only disk or volume');
    expect(await panel.textContent()).not.toMatch(/damaged|backup/i);
    await shot(page, 'read-only');
    await panel.getByRole('button', { name: 'Try again' }).click();
    await expect.poll(() => panel.getByRole('alert').textContent()).toContain('cannot be written yet');
    mounted.remountWritable();
    await panel.getByRole('button', { name: 'Try again' }).click();
    await panel.waitFor({ state: 'detached', timeout: 10_000 });
    await page.getByRole('button', { name: 'Notebook', exact: true }).click();
    await expect.poll(() => page.locator('main').textContent(), { timeout: 10_000 }).toContain(NOTE);
  });
});
