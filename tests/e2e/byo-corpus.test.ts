import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../electron/node/cli/carrel';
import type { Output } from '../../electron/node/cli/output';
import { FIXTURES, ROOT } from '../harness/paths';
import { launchHarness, openApp, type Harness } from '../harness/renderer-harness';

// Bring your own corpus: a folder of text, Markdown and HTML (with an Arabic page and a
// hostile one) built by the command line and opened in the reading room.
describe('a corpus built from your own folder', () => {
  let dir: string;
  let harness: Harness;
  const lines: string[] = [];

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'carrel-byo-'));
    const out: Output = { log: (l) => lines.push(l), error: (l) => lines.push(l), progress: () => {} };
    const code = await main(['corpus', 'build', path.join(FIXTURES, 'corpus-mixed'), '--out', path.join(dir, 'mine.sqlite')], out);
    expect(code).toBe(0);
    harness = await launchHarness({ corpusFile: path.join(dir, 'mine.sqlite') });
    await openApp(harness);
    await harness.page.locator('.document-row').first().waitFor();
  });

  afterAll(async () => {
    await harness?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('printed a summary with every skipped file and its reason', () => {
    const text = lines.join('\n');
    expect(text).toContain('5 document(s) added, 4 file(s) skipped');
    expect(text).toContain('Skipped, duplicate of another file (1):\n  plain/field-notes.txt: same text as plain/copy-of-field-notes.txt');
    expect(text).toContain('Skipped, invalid UTF-8 (1):\n  plain/latin1-notes.txt');
  });

  it('lists the documents under the corpus title', async () => {
    const { page } = harness;
    expect(await page.locator('.corpus-name').textContent()).toBe('Mixed fixture corpus');
    await expect.poll(() => page.locator('.document-row').count()).toBe(5);
    const titles = await page.locator('.document-title').allTextContents();
    for (const title of [
      'A brief on propaganda videos',
      'Hostile page about propaganda',
      'Field notes on the online caliphate',
      'الدولة الإسلامية وفكرة الخلافة في الدعاية الرقمية',
      'As ISIS loses territory, it seeks to survive online',
    ]) {
      expect(titles.some((t) => t.startsWith(title)), title).toBe(true);
    }
  });

  it('renders the Arabic page right to left, in Arabic', async () => {
    const { page } = harness;
    await page.getByRole('button', { name: /الدولة الإسلامية وفكرة الخلافة في الدعاية الرقمية/ }).click();
    const paragraphs = page.locator('.document-body p');
    await expect.poll(() => paragraphs.count()).toBe(3);
    expect(await paragraphs.nth(1).textContent()).toMatch(/^أعلن تنظيم الدولة الإسلامية في صيف عام ٢٠١٤/);
    expect(await paragraphs.nth(1).evaluate((p) => getComputedStyle(p).direction)).toBe('rtl');
    expect(await page.locator('.document-body').getAttribute('lang')).toBe('ar');
    fs.mkdirSync(path.join(ROOT, 'test-results'), { recursive: true });
    await page.screenshot({ path: path.join(ROOT, 'test-results', 'byo-arabic.png') });
    await page.keyboard.press('Escape');
    await page.locator('.document-row').first().waitFor();
  });

  it('keeps the language and direction an HTML source gives a passage', async () => {
    const { page } = harness;
    await page.getByRole('button', { name: /As ISIS loses territory/ }).click();
    const quote = page.locator('.document-body p', { hasText: 'باقية وتتمدد' });
    await quote.waitFor();
    // Starts with a Latin word, yet stays right to left: the source says so.
    expect(await quote.evaluate((p) => [p.getAttribute('lang'), p.getAttribute('dir'), getComputedStyle(p).direction])).toEqual(['ar', 'rtl', 'rtl']);
    const after = page.locator('.document-body p', { hasText: 'Back in English' });
    expect(await after.evaluate((p) => [p.getAttribute('lang'), p.getAttribute('dir'), getComputedStyle(p).direction])).toEqual(['en-GB', 'auto', 'ltr']);
    await page.keyboard.press('Escape');
    await page.locator('.document-row').first().waitFor();
  });

  it('shows the hostile page as its readable text only, running and loading nothing', async () => {
    const { page } = harness;
    await page.getByRole('button', { name: /Hostile page about propaganda/ }).click();
    const body = page.locator('.document-body');
    await expect.poll(() => body.locator('p').count()).toBe(5);
    const text = (await body.textContent()) ?? '';
    expect(text).toContain('The readable sentence survives.');
    expect(text).toContain('A script link, an obfuscated one and a normal link.');
    expect(text).not.toMatch(/LEAK|__pwned|evil\.example/);
    expect(await body.locator('script, img, iframe, object, svg, a, style, form').count()).toBe(0);
    await page.screenshot({ path: path.join(ROOT, 'test-results', 'byo-hostile.png') });
    await page.waitForTimeout(300);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned)).toBeUndefined();
    await page.keyboard.press('Escape');
  });

  it('made no request outside the app and logged no error', () => {
    expect(harness.foreignRequests).toEqual([]);
    expect(harness.cspViolations).toEqual([]);
    expect(harness.pageErrors).toEqual([]);
  });
});
