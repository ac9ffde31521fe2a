import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Locator } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCorpus } from '../../electron/node/corpus/build-corpus';
import { REPORT_TITLE, reportPdf } from '../harness/format-fixtures';
import { ROOT } from '../harness/paths';
import { launchHarness, openApp, type Harness } from '../harness/renderer-harness';

const poll = expect.poll;

/** What a canvas holds: pixels that are not white (the page) or not transparent (the mark). */
const inked = (canvas: Locator, kind: 'page' | 'mark') =>
  canvas.evaluate((el, k) => {
    const c = el as HTMLCanvasElement;
    const data = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
    let count = 0;
    for (let i = 0; i < data.length; i += 4) {
      if (k === 'mark' ? data[i + 3]! > 0 : data[i + 3]! > 0 && (data[i]! < 200 || data[i + 1]! < 200 || data[i + 2]! < 200)) count++;
    }
    return count;
  }, kind);

// "Show original": a PDF document's page drawn by pdf.js in the window, under the app's CSP.
describe('the original page of a PDF document', () => {
  let dir: string;
  let withOriginals: string;
  let withoutOriginals: string;

  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'carrel-original-e2e-'));
    const sources = path.join(dir, 'sources');
    fs.mkdirSync(sources);
    fs.writeFileSync(path.join(sources, 'report.pdf'), reportPdf());
    withOriginals = path.join(dir, 'with.sqlite');
    withoutOriginals = path.join(dir, 'without.sqlite');
    buildCorpus({ sourcesDir: sources, outFile: withOriginals, title: 'Reports' });
    buildCorpus({ sourcesDir: sources, outFile: withoutOriginals, title: 'Reports', originals: false });
    fs.mkdirSync(path.join(ROOT, 'test-results'), { recursive: true });
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  describe('kept in the corpus', () => {
    let harness: Harness;
    beforeAll(async () => {
      harness = await launchHarness({ corpusFile: withOriginals });
      await openApp(harness);
      await harness.page.getByRole('button', { name: new RegExp(REPORT_TITLE) }).click();
      await harness.page.locator('.page-marker[data-page="2"]').waitFor();
    });
    afterAll(async () => {
      // Fails on any CSP violation or request leaving the app's origin (pdf.js's worker, fonts, CMaps included).
      await harness?.close();
    });

    it('draws the page being read with the passage marked, by keyboard, and closes with Esc', async () => {
      const { page } = harness;
      // Read page 2: the paragraph at the top of the window is on it (a short window, so the page reaches the top).
      await page.setViewportSize({ width: 1100, height: 420 });
      await page.locator('.reader-title').focus();
      await page.keyboard.press('Control+g');
      await page.getByRole('textbox', { name: 'Go to page' }).fill('2');
      await page.keyboard.press('Enter');
      await poll(() => page.locator('.reader-page').textContent()).toBe('p. 2');
      await page.setViewportSize({ width: 1100, height: 800 });
      const returnTo = await page.evaluate(() => document.activeElement?.getAttribute('data-page'));

      await page.keyboard.press('o');
      await page.getByRole('dialog', { name: /Original, page 2/ }).waitFor();
      const dialog = page.locator('.original-dialog');
      const canvas = dialog.locator('canvas.original-canvas[data-drawn="2"]');
      await canvas.waitFor({ timeout: 20_000 });
      await poll(() => dialog.locator('canvas.original-mark').getAttribute('data-marked')).toBe('yes');
      expect(await dialog.getByRole('status').textContent()).toBe('The passage you were reading is marked on the page.');
      expect(await inked(canvas, 'page')).toBeGreaterThan(2000);
      expect(await inked(dialog.locator('canvas.original-mark'), 'mark')).toBeGreaterThan(2000);
      expect(await dialog.locator('.original-count').textContent()).toBe(' (3 of 4)');
      await page.screenshot({ path: path.join(ROOT, 'test-results', 'original-page.png') });

      // Focus starts on Close; the page turns and zooms by key, and says so.
      await poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('Close');
      await page.keyboard.press('PageDown');
      await dialog.locator('canvas.original-canvas[data-drawn="3"]').waitFor();
      await poll(() => dialog.locator('h2').textContent()).toBe('Original, page 3 (4 of 4)');
      expect(await dialog.getByRole('status').textContent()).toBe('The passage you were reading is on page 2.');
      expect(await inked(dialog.locator('canvas.original-mark'), 'mark')).toBe(0);
      const width = await dialog.locator('canvas.original-canvas').evaluate((el) => (el as HTMLCanvasElement).width);
      await page.keyboard.press('+');
      await poll(() => dialog.locator('.original-zoom').textContent()).toBe('125 %');
      await poll(() => dialog.locator('canvas.original-canvas').evaluate((el) => (el as HTMLCanvasElement).width)).toBeGreaterThan(width);
      // The reader's own keys do not act behind the dialog (N: next document).
      await page.keyboard.press('n');
      await page.getByRole('button', { name: 'Back to page 2' }).click();
      await dialog.locator('canvas.original-canvas[data-drawn="2"]').waitFor();
      await page.screenshot({ path: path.join(ROOT, 'test-results', 'original-page-zoomed.png') });

      await page.keyboard.press('Escape');
      await poll(() => dialog.count()).toBe(0);
      expect(await page.locator('.reader-title').textContent()).toBe(REPORT_TITLE);
      expect(await page.evaluate(() => document.activeElement?.getAttribute('data-page'))).toBe(returnTo);
      expect(harness.cspViolations).toEqual([]);
      expect(harness.pageErrors).toEqual([]);
    });

    it('is offered in the command palette, and opens again from the original kept, its glyphs drawn as paths', async () => {
      const { page } = harness;
      // Opened before (the test above): kept while the document is read, not fetched and parsed again.
      await page.evaluate(() => performance.clearMarks());
      await page.locator('.reader-title').focus();
      await page.keyboard.press('Control+Shift+P');
      await page.locator('.command-palette input').waitFor();
      await page.keyboard.type('original page');
      await page.keyboard.press('Enter');
      const dialog = page.getByRole('dialog', { name: /Original, page/ });
      await dialog.locator('canvas.original-canvas[data-drawn]').waitFor({ timeout: 20_000 });
      expect(await page.evaluate(() => performance.getEntriesByName('carrel:original-bytes').length)).toBe(0);
      // No web font from the PDF (pdf.js names its own "g_…"): loading them cost seconds a page on real files.
      expect(await page.evaluate(() => [...document.fonts].filter((font) => font.family.replace(/"/g, '').startsWith('g_')).length)).toBe(0);
      await dialog.getByRole('button', { name: 'Close' }).click();
      await poll(() => dialog.count()).toBe(0);
    });
    it("sits with the page being read at the bar's end, not mid-bar, and comes after Back by Tab", async () => {
      const { page } = harness;
      const box = async (selector: string) => (await page.locator(selector).boundingBox())!;
      for (const width of [1600, 1100, 700]) {
        await page.setViewportSize({ width, height: 800 });
        const nav = await box('.reader-nav');
        const back = await box('.back-button');
        const original = await box('.show-original');
        const label = await box('.reader-page');
        const toggle = (await page.locator('.aside-toggle').isVisible()) ? await box('.aside-toggle') : undefined;
        expect(back.x - nav.x).toBeLessThan(1);
        // The page, then Show original (it opens that page), then the panel's button when folded: one group at the end.
        expect(original.x).toBeGreaterThan(label.x + label.width);
        expect(original.x - (label.x + label.width)).toBeLessThan(24);
        const last = toggle ?? original;
        expect(Math.abs(nav.x + nav.width - (last.x + last.width))).toBeLessThan(1);
        if (toggle) expect(toggle.x - (original.x + original.width)).toBeLessThan(24);
        await page.locator('.reader-nav').screenshot({ path: path.join(ROOT, 'test-results', `original-page-bar-${width}.png`) });
      }
      // Narrow, by keyboard: Back, Show original, then the folded panel's button.
      await page.locator('.back-button').focus();
      await page.keyboard.press('Tab');
      expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Show original');
      await page.keyboard.press('Tab');
      expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Notes and bookmarks');
      await page.setViewportSize({ width: 1100, height: 800 });
    });

    it('keeps the page being read and its original in view below the text, for the pointer, on any page', async () => {
      const { page } = harness;
      // Scrolled to page 3 with the wheel: the bar with Show original has scrolled away above.
      await page.setViewportSize({ width: 1100, height: 420 });
      await page.evaluate(() => window.scrollTo(0, 0));
      const marker = page.locator('.page-marker[data-page="3"]');
      await page.evaluate(() => {
        const target = document.querySelector('.page-marker[data-page="3"]')!.getBoundingClientRect().top + window.scrollY;
        window.scrollTo(0, target - 110);
      });
      await poll(() => marker.isVisible()).toBe(true);
      await poll(() => page.locator('.reader-footer-page > span').textContent()).toBe('p. 3');
      expect(await page.locator('.show-original').isVisible()).toBe(true);
      expect(await page.locator('.show-original').evaluate((el) => el.getBoundingClientRect().bottom < 0)).toBe(true);
      const footerButton = page.getByRole('button', { name: 'Original page' });
      expect(await footerButton.evaluate((el) => el.getBoundingClientRect().bottom <= window.innerHeight)).toBe(true);
      await page.screenshot({ path: path.join(ROOT, 'test-results', 'original-page-footer.png') });
      await footerButton.click();
      const dialog = page.getByRole('dialog', { name: /Original, page 3/ });
      await dialog.locator('canvas.original-canvas[data-drawn="3"]').waitFor({ timeout: 20_000 });
      await page.keyboard.press('Escape');
      await poll(() => dialog.count()).toBe(0);
      await page.setViewportSize({ width: 1100, height: 800 });
    });
  });

  describe('built with --no-originals', () => {
    let harness: Harness;
    beforeAll(async () => {
      harness = await launchHarness({ corpusFile: withoutOriginals });
      await openApp(harness);
      await harness.page.getByRole('button', { name: new RegExp(REPORT_TITLE) }).click();
      await harness.page.locator('.page-marker[data-page="2"]').waitFor();
    });
    afterAll(async () => {
      await harness?.close();
    });

    it('says why there is no original page, and opens none', async () => {
      const { page } = harness;
      const button = page.getByRole('button', { name: 'Show original' });
      expect(await button.getAttribute('aria-disabled')).toBe('true');
      expect(await button.getAttribute('title')).toMatch(/built without originals \(--no-originals\)/);
      await button.focus();
      await page.keyboard.press('Enter');
      await poll(() => page.locator('.original-note').textContent()).toMatch(/this corpus was built without originals/);
      expect(await page.getByRole('dialog').count()).toBe(0);
      await page.screenshot({ path: path.join(ROOT, 'test-results', 'original-page-none.png') });
    });
  });
});
