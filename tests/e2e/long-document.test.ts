import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_ELSEWHERE } from '../../electron/common/analysis/repeated-types';
import { FAR_WORD, buildLongDocumentCorpus, type LongDocument } from '../harness/long-document';
import { ROOT } from '../harness/paths';
import { launchHarness, openApp, type Harness } from '../harness/renderer-harness';

const SHOTS = path.join(ROOT, 'test-results');

// A whole book (~5 MB, 30,000 paragraphs) in the reader: the paragraphs are a window in the
// DOM, and every way of going somewhere in the text still gets there. Timings are in the bench
// (npm run bench:reader); here only what a reader sees.

/** Offsets of the paragraphs in view (below the sticky header), first and last. */
const inView = (page: Page) =>
  page.evaluate(() => {
    const shown = [...document.querySelectorAll<HTMLElement>('.document-body p[data-start]')].filter((p) => {
      const box = p.getBoundingClientRect();
      return box.bottom > 80 && box.top < window.innerHeight;
    });
    return shown.map((p) => ({ start: Number(p.dataset.start), text: p.textContent ?? '' }));
  });

const poll = <T,>(read: () => T | Promise<T>) => expect.poll(read, { timeout: 15_000 });

describe('a whole book in the reader', () => {
  let dir: string;
  let book: LongDocument;
  let harness: Harness;
  let page: Page;
  let length: number;

  const open = async () => {
    await page.getByRole('button', { name: new RegExp(book.title) }).click();
    await page.locator('.document-body p[data-start]').first().waitFor({ timeout: 30_000 });
  };
  // Through the header's view button, always in view: the reader's own "← Library" button is at
  // the top of the text, and clicking it would first scroll there (a place read, and saved).
  const back = async () => {
    await page.getByRole('button', { name: 'Library', exact: true }).click();
    await page.locator('.document-row').first().waitFor();
  };

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'carrel-long-document-'));
    fs.mkdirSync(SHOTS, { recursive: true });
    book = buildLongDocumentCorpus(dir);
    harness = await launchHarness({ corpusFile: book.file });
    page = harness.page;
    length = harness.services.getDocument({ id: book.id }).text.length;
    await openApp(harness);
    await page.locator('.document-row').first().waitFor();
  }, 120_000);

  afterAll(async () => {
    await harness?.close();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('shows the start of the text, with only a window of its paragraphs in the page', async () => {
    expect(length).toBeGreaterThan(5_000_000);
    await open();
    await poll(async () => (await inView(page))[0]?.text).toMatch(/^Section 1$|^Paragraph 1:/);
    // The footer (progress) comes with the whole text.
    await page.locator('.reading-progress').waitFor({ timeout: 30_000 });
    const count = await page.locator('.document-body p[data-start]').count();
    expect(count).toBeGreaterThan(20);
    expect(count).toBeLessThan(2_000);
    await page.screenshot({ path: path.join(SHOTS, 'long-document-start.png') });
  });

  it('scrolls far: the middle and the end of the book are there when scrolled to', async () => {
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight / 2));
    await poll(async () => (await inView(page)).length).toBeGreaterThan(2);
    const middle = (await inView(page))[0]!.start;
    expect(middle).toBeGreaterThan(length * 0.3);
    expect(middle).toBeLessThan(length * 0.7);
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    await poll(async () => (await inView(page)).map((p) => p.text)).toContain(book.lastParagraph);
    await page.screenshot({ path: path.join(SHOTS, 'long-document-end.png') });
    await page.evaluate(() => window.scrollTo(0, 0));
    await poll(async () => (await inView(page))[0]?.start).toBe(0);
  });

  it('goes to a hit at the far end with next hit', async () => {
    await page.locator('.reader-title').focus();
    await page.keyboard.press('Control+f');
    await page.getByRole('searchbox', { name: 'Find in this document' }).or(page.getByRole('textbox', { name: 'Find in this document' })).fill(FAR_WORD);
    await poll(() => page.locator('.find-bar').textContent()).toMatch(/hit 1 of 2/);
    await poll(async () => (await inView(page)).some((p) => p.text.startsWith('Paragraph 12:'))).toBe(true);
    await page.keyboard.press('Enter');
    await poll(() => page.locator('.find-bar').textContent()).toMatch(/hit 2 of 2/);
    const current = page.locator('mark.hit.current');
    await poll(() => current.evaluate((el) => { const box = el.getBoundingClientRect(); return box.top >= 0 && box.bottom <= window.innerHeight; })).toBe(true);
    expect(await current.textContent()).toBe(FAR_WORD);
    expect(await current.evaluate((el) => el.closest('p')!.textContent)).toMatch(/^Paragraph 29997:/);
    await page.keyboard.press('Escape');
  });

  it('goes to the last section from the contents', async () => {
    const entry = page.locator('.contents-panel .contents-entry').last();
    expect(await entry.textContent()).toBe(book.lastHeading);
    await entry.click();
    // Focus goes to the heading in the text (the entry has the same words).
    await poll(() => page.evaluate(() => `${document.activeElement?.tagName} ${document.activeElement?.textContent}`)).toBe(`P ${book.lastHeading}`);
    await poll(async () => (await inView(page)).map((p) => p.text)).toContain(book.lastHeading);
    // j steps on from the heading to the paragraph after it.
    await page.keyboard.press('j');
    await poll(() => page.evaluate(() => document.activeElement?.textContent ?? '')).toMatch(/^Paragraph 29801:/);
  });

  it('keeps a highlight made far down, and opens again where the reading was left', async () => {
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    await poll(async () => (await inView(page)).map((p) => p.text)).toContain(book.lastParagraph);
    const selected = await page.evaluate((last) => {
      const p = [...document.querySelectorAll('.document-body p')].find((el) => el.textContent === last)!;
      const range = document.createRange();
      const text = p.querySelector('span[data-offset]')!.firstChild!;
      range.setStart(text, 4);
      range.setEnd(text, 13);
      document.getSelection()!.removeAllRanges();
      document.getSelection()!.addRange(range);
      return range.toString();
    }, book.lastParagraph);
    expect(selected).toBe('very last');
    await page.locator('.selection-toolbar').waitFor();
    await page.keyboard.press('1');
    await poll(() => page.locator('.document-body mark.highlight-yellow').textContent()).toBe('very last');
    // The reading position is saved when the document is left.
    await back();
    await open();
    await poll(() => page.locator('.document-body mark.highlight-yellow').textContent()).toBe('very last');
    await poll(async () => (await inView(page)).map((p) => p.text)).toContain(book.lastParagraph);
    expect(await page.locator('.document-body mark.highlight-yellow').evaluate((el) => el.getBoundingClientRect().top < window.innerHeight)).toBe(true);
    await page.screenshot({ path: path.join(SHOTS, 'long-document-reopened.png') });
  });

  it('lists, when a mark far down is opened, the closest other places of its paragraph', async () => {
    // The generated paragraphs fall into near copies (the generator repeats itself): nearly every one has a mark.
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    await poll(async () => (await inView(page)).map((p) => p.text)).toContain(book.lastParagraph);
    const mark = page.locator('.repeat-mark').last();
    const paragraph = Number(await mark.getAttribute('data-paragraph'));
    expect(paragraph).toBeGreaterThan(29_000);
    const others = Number(/^Also in (\d+) other places$/.exec((await mark.getAttribute('aria-label'))!)![1]);
    await mark.focus();
    await page.keyboard.press('Enter');
    const places = page.getByRole('group', { name: 'Also in' });
    await poll(() => places.getByRole('button').count()).toBe(MAX_ELSEWHERE);
    expect(await places.locator('.repeat-more').textContent()).toBe(`and ${(others - MAX_ELSEWHERE).toLocaleString('en')} more (the Repeated passages view lists them all)`);
    // Most alike first.
    const similar = (await places.getByRole('button').allTextContents()).map((text) => Number(/(\d+) % similar$/.exec(text)![1]));
    expect(similar).toEqual([...similar].sort((a, b) => b - a));
    await page.keyboard.press('Escape');
    await poll(() => places.count()).toBe(0);
  });

  it('prints the whole book: under the print stylesheet every paragraph is in the page, the last one too', async () => {
    await page.emulateMedia({ media: 'print' });
    try {
      await poll(() => page.locator('.document-body p[data-start]').count()).toBe(book.paragraphs);
      expect(await page.locator('.document-body p[data-start]').last().textContent()).toBe(book.lastParagraph);
      expect(await page.locator('.document-body mark.highlight-yellow').textContent()).toBe('very last');
    } finally {
      await page.emulateMedia({ media: 'screen' });
    }
    await poll(() => page.locator('.document-body p[data-start]').count()).toBeLessThan(2_000);
    expect(harness.pageErrors).toEqual([]);
  });
});
