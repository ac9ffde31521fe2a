import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUNDLED_CORPUS, ROOT } from '../harness/paths';
import { launchHarness, openApp, type Harness } from '../harness/renderer-harness';

const SHOTS = path.join(ROOT, 'test-results');
const NOTE = 'PALIMPSEST-31: compare with the Rumiyah issue';
const PASSPHRASE = 'quiet reading room at dawn';

async function shot(page: Page, name: string) {
  fs.mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SHOTS, `notes-encryption-${name}.png`), fullPage: true });
}

describe('encrypting the notes database from the Security panel, then unlocking it', () => {
  let dir: string;
  let userDbFile: string;
  let harness: Harness | undefined;

  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'carrel-e2e-encryption-'));
    userDbFile = path.join(dir, 'carrel-user.sqlite');
  });
  afterAll(async () => {
    await harness?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('encrypts existing notes with a passphrase chosen in the Security panel', async () => {
    harness = await launchHarness({ corpusFile: BUNDLED_CORPUS, userDbFile });
    const doc = harness.services.listDocuments(undefined)[0]!;
    const text = harness.services.getDocument({ id: doc.id }).text;
    harness.services.createHighlight({ documentId: doc.id, start: 0, end: Math.min(20, text.length), color: 'yellow', note: NOTE });
    await openApp(harness);
    const { page } = harness;
    await page.getByRole('button', { name: 'Security' }).click();
    await expect.poll(() => page.locator('[data-fact="encryption"]').textContent()).toContain('Not encrypted by Carrel');
    await page.getByRole('button', { name: 'Encrypt with a passphrase…' }).click();
    const form = page.getByRole('form', { name: 'Encrypt your notes' });
    await form.getByLabel('Passphrase', { exact: true }).fill('too short');
    await form.getByLabel('Repeat it').fill('too short');
    await form.getByRole('button', { name: 'Encrypt your notes' }).click();
    await expect.poll(() => form.getByRole('alert').textContent()).toContain('at least 10 characters');
    await shot(page, 'encrypt-form');
    await form.getByLabel('Passphrase', { exact: true }).fill(PASSPHRASE);
    await form.getByLabel('Repeat it').fill(PASSPHRASE);
    await form.getByRole('button', { name: 'Encrypt your notes' }).click();
    await expect.poll(() => page.locator('.encryption-message').textContent(), { timeout: 15_000 }).toContain('Your notes are now encrypted');
    await expect.poll(() => page.locator('[data-fact="encryption"]').textContent()).toContain('Encrypted at rest with your passphrase');
    await page.getByRole('button', { name: 'Change passphrase…' }).waitFor();
    await shot(page, 'security-panel');
    await harness.close();
    harness = undefined;
    // What is on disk holds no note in the clear: the file, its WAL, its backups.
    const files = [userDbFile, `${userDbFile}-wal`, ...fs.readdirSync(path.join(dir, 'backups')).map((f) => path.join(dir, 'backups', f))];
    for (const file of files.filter((f) => fs.existsSync(f))) expect(fs.readFileSync(file).includes(Buffer.from('PALIMPSEST-31')), file).toBe(false);
  });

  it('reopens locked: a wrong passphrase is refused plainly, the right one brings the notes back', async () => {
    harness = await launchHarness({ corpusFile: BUNDLED_CORPUS, userDbFile });
    await openApp(harness);
    const { page } = harness;
    await page.getByRole('heading', { name: 'Your notes are locked' }).waitFor();
    const field = page.getByLabel('Passphrase', { exact: true });
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('type'))).toBe('password');
    await field.fill('quiet reading room at dusk');
    await field.press('Enter');
    await expect.poll(() => page.getByRole('alert').textContent(), { timeout: 10_000 }).toContain('That passphrase does not open your notes');
    await shot(page, 'unlock-prompt');
    await page.keyboard.type(PASSPHRASE);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Your notes are locked' }).waitFor({ state: 'detached', timeout: 10_000 });
    await page.getByRole('button', { name: 'Notebook', exact: true }).click();
    await expect.poll(() => page.locator('main').textContent(), { timeout: 10_000 }).toContain(NOTE);
    await page.getByRole('button', { name: 'Security' }).click();
    await expect.poll(() => page.locator('[data-fact="encryption"]').textContent()).toContain('Encrypted at rest');
    expect(harness.pageErrors.filter((e) => !e.includes('Failed to load resource'))).toEqual([]);
  });
});
