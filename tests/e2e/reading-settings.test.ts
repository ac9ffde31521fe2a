import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { BUNDLED_CORPUS, ROOT } from '../harness/paths';
import { launchHarness, openApp, sendCommand, type Harness } from '../harness/renderer-harness';

const SHOTS = path.join(ROOT, 'test-results');
const root = (page: Page) =>
  page.evaluate(() => {
    const d = document.documentElement.dataset;
    return { theme: d.theme, choice: d.themeChoice, font: d.font, size: d.textSize, lineHeight: d.lineHeight, lineWidth: d.lineWidth, spacing: d.paragraphSpacing };
  });
const paragraphStyle = (page: Page) =>
  page.locator('.document-body p').first().evaluate((p) => {
    const s = getComputedStyle(p);
    const body = getComputedStyle(p.parentElement!);
    return { fontSize: s.fontSize, fontFamily: s.fontFamily, lineHeight: s.lineHeight, marginBottom: s.marginBottom, maxWidth: body.maxWidth, paper: getComputedStyle(document.body).backgroundColor };
  });

describe('reading settings: themes and typography, remembered across launches', () => {
  let dir: string;
  let settingsFile: string;
  let harness: Harness | undefined;

  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'carrel-settings-e2e-'));
    settingsFile = path.join(dir, 'carrel-settings.json');
    fs.mkdirSync(SHOTS, { recursive: true });
  });
  afterEach(async () => {
    await harness?.close();
    harness = undefined;
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  async function launch(colorScheme: 'light' | 'dark' = 'light') {
    harness = await launchHarness({ corpusFile: BUNDLED_CORPUS, settingsFile, userDbFile: path.join(dir, 'carrel-user.sqlite') });
    await harness.page.emulateMedia({ colorScheme });
    await openApp(harness);
    await harness.page.locator('.document-row').first().waitFor();
    return harness.page;
  }

  it('follows the system theme by default, and its change while open', async () => {
    const page = await launch('dark');
    expect(await root(page)).toMatchObject({ theme: 'dark', choice: 'system', font: 'serif', size: '18' });
    expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe('rgb(26, 25, 23)');
    await page.emulateMedia({ colorScheme: 'light' });
    await expect.poll(() => root(page)).toMatchObject({ theme: 'light', choice: 'system' });
    expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe('rgb(247, 244, 238)');
  });

  it('changes theme and typography in the settings view, at once, by keyboard too', async () => {
    const page = await launch();
    await page.getByRole('button', { name: 'Settings' }).click();
    await page.getByRole('heading', { level: 1, name: 'Reading settings' }).waitFor();
    const theme = page.getByRole('group', { name: 'Theme' });
    expect(await theme.getByRole('radio', { name: 'As the system' }).isChecked()).toBe(true);
    await theme.getByRole('radio', { name: 'Sepia' }).check();
    await expect.poll(() => root(page)).toMatchObject({ theme: 'sepia', choice: 'sepia' });
    // Arrow keys move between the radios of a group, as everywhere.
    await theme.getByRole('radio', { name: 'Sepia' }).focus();
    await page.keyboard.press('ArrowLeft');
    await expect.poll(() => root(page)).toMatchObject({ theme: 'dark' });
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => root(page)).toMatchObject({ theme: 'sepia' });
    await page.getByRole('group', { name: 'Font' }).getByRole('radio', { name: /Sans serif/ }).check();
    await page.getByRole('group', { name: 'Line height' }).getByRole('radio', { name: 'Loose' }).check();
    await page.getByRole('group', { name: 'Line width' }).getByRole('radio', { name: 'Narrow' }).check();
    await page.getByRole('group', { name: 'Space between paragraphs' }).getByRole('radio', { name: 'Large' }).check();
    await page.getByLabel('Text size').selectOption('20');
    await page.getByRole('button', { name: 'Larger text' }).click();
    await expect.poll(() => root(page)).toEqual({ theme: 'sepia', choice: 'sepia', font: 'sans', size: '22', lineHeight: 'loose', lineWidth: 'narrow', spacing: 'large' });
    await page.screenshot({ path: path.join(SHOTS, 'settings-sepia-changed.png'), fullPage: true });
    // The file holds what was chosen.
    await expect.poll(() => JSON.parse(fs.readFileSync(settingsFile, 'utf8')).settings).toEqual({
      theme: 'sepia',
      font: 'sans',
      textSize: 22,
      lineHeight: 'loose',
      lineWidth: 'narrow',
      paragraphSpacing: 'large',
    });
  });

  it('comes back as it was left at the next launch, and the reader is set with it', async () => {
    const page = await launch('dark');
    expect(await root(page)).toEqual({ theme: 'sepia', choice: 'sepia', font: 'sans', size: '22', lineHeight: 'loose', lineWidth: 'narrow', spacing: 'large' });
    await page.locator('.document-open').first().click();
    await page.locator('.document-body p').first().waitFor();
    const style = await paragraphStyle(page);
    expect(style).toMatchObject({ fontSize: '22px', lineHeight: '48.4px', marginBottom: `${22 * 1.6}px`, maxWidth: `${34 * 16}px`, paper: 'rgb(243, 233, 210)' });
    expect(style.fontFamily).toMatch(/^"Noto Sans"/);
    // The bundled face itself is what draws the text (a woff2 from the app's own assets).
    await expect.poll(() => page.evaluate(() => [...document.fonts].some((f) => f.family.replace(/"/g, '') === 'Noto Sans' && f.status === 'loaded'))).toBe(true);
    await page.screenshot({ path: path.join(SHOTS, 'reader-sepia-sans-22.png') });
  });

  it('Ctrl+= and Ctrl+- step the text size, Ctrl+0 goes back to the default, and each is announced', async () => {
    const page = await launch();
    await page.locator('.document-open').first().click();
    await page.locator('.document-body p').first().waitFor();
    await page.keyboard.press('Control+=');
    await expect.poll(() => root(page)).toMatchObject({ size: '24' });
    expect(await page.getByTestId('settings-announcement').textContent()).toBe('Text size 24 pixels');
    // Ctrl+Shift+= types "+" on most layouts: Ctrl+Plus is the same command.
    await page.keyboard.press('Control+Shift+=');
    await expect.poll(() => root(page)).toMatchObject({ size: '28' });
    await page.keyboard.press('Control+-');
    await page.keyboard.press('Control+-');
    await page.keyboard.press('Control+-');
    await expect.poll(() => root(page)).toMatchObject({ size: '20' });
    expect((await paragraphStyle(page)).fontSize).toBe('20px');
    await page.keyboard.press('Control+0');
    await expect.poll(() => root(page)).toMatchObject({ size: '18' });
    expect((await paragraphStyle(page)).fontSize).toBe('18px');
    // The page itself is not zoomed.
    expect(await page.evaluate(() => window.devicePixelRatio)).toBe(1);
  });

  it('takes a theme from the View menu and the command palette', async () => {
    const page = await launch();
    await sendCommand(harness!, 'theme-dark');
    await expect.poll(() => root(page)).toMatchObject({ theme: 'dark', choice: 'dark' });
    expect(await page.getByTestId('settings-announcement').textContent()).toBe('Theme: dark');
    await page.keyboard.press('Control+Shift+P');
    await page.keyboard.type('light theme');
    await page.keyboard.press('Enter');
    await expect.poll(() => root(page)).toMatchObject({ theme: 'light', choice: 'light' });
    await sendCommand(harness!, 'show-settings');
    await page.getByRole('heading', { level: 1, name: 'Reading settings' }).waitFor();
    await sendCommand(harness!, 'theme-system');
    await expect.poll(() => root(page)).toMatchObject({ theme: 'light', choice: 'system' });
  });

  it('says so when the settings cannot be saved, and keeps them for the session', async () => {
    fs.rmSync(settingsFile, { force: true });
    fs.mkdirSync(settingsFile);
    try {
      const page = await launch();
      await page.getByRole('button', { name: 'Settings' }).click();
      await page.getByRole('group', { name: 'Theme' }).getByRole('radio', { name: 'Dark' }).check();
      await expect.poll(() => root(page)).toMatchObject({ theme: 'dark' });
      await expect.poll(() => page.getByRole('alert').filter({ hasText: 'could not save the reading settings' }).count()).toBe(1);
      expect(await page.getByRole('alert').filter({ hasText: 'could not save' }).textContent()).toMatch(/is a folder, not a file\. They apply until Carrel closes\./);
    } finally {
      fs.rmSync(settingsFile, { recursive: true, force: true });
    }
  });
});
