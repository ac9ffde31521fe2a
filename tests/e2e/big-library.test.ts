import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCorpus } from '../../electron/node/corpus/build-corpus';
import { ROOT } from '../harness/paths';
import { launchHarness, openApp, type Harness } from '../harness/renderer-harness';

// A corpus far larger than a screen: the list must stay a window of rows in the DOM while
// keyboard, scrolling and the way back from the reader reach every one of them.
const COUNT = 100_000;
const ARABIC_AT = COUNT - 4;
const idAt = (i: number) => `${String(Math.floor(i / 1000)).padStart(3, '0')}/${String(i).padStart(6, '0')}`;

type FocusedRow = { id: string | null; posinset: string | null; inView: boolean };
const focusedRow = (harness: Harness) =>
  harness.page.evaluate((): FocusedRow => {
    const button = document.activeElement as HTMLElement | null;
    const row = button?.closest('li');
    const box = button?.getBoundingClientRect();
    return {
      id: button?.getAttribute('data-doc-id') ?? null,
      posinset: row?.getAttribute('aria-posinset') ?? null,
      inView: !!box && box.top >= 0 && box.bottom <= window.innerHeight,
    };
  });

describe(`a library of ${COUNT.toLocaleString('en')} documents`, () => {
  let dir: string;
  let harness: Harness;

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'carrel-big-library-'));
    const sources = path.join(dir, 'sources');
    for (let i = 0; i < COUNT; i++) {
      const [folder, name] = idAt(i).split('/') as [string, string];
      if (i % 1000 === 0) fs.mkdirSync(path.join(sources, folder), { recursive: true });
      const text =
        i === ARABIC_AT ? `مدخل عربي رقم ${i}\n\nنص قصير عن الدعاية الرقمية رقم ${i}.\n` : `Entry ${i}\n\nA short text, number ${i} of the list.\n`;
      fs.writeFileSync(path.join(sources, folder, `${name}.txt`), text);
    }
    buildCorpus({ sourcesDir: sources, outFile: path.join(dir, 'big.sqlite'), title: 'Big library' });
    harness = await launchHarness({ corpusFile: path.join(dir, 'big.sqlite') });
    await openApp(harness);
    await harness.page.locator('.document-row .document-title:not(.placeholder)').first().waitFor();
  }, 120_000);

  afterAll(async () => {
    await harness?.close();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('counts every document but keeps only a window of rows in the DOM', async () => {
    const { page } = harness;
    expect(await page.locator('.library .count').textContent()).toBe('100,000 documents');
    const rows = await page.locator('.document-row').count();
    expect(rows).toBeGreaterThan(5);
    expect(rows).toBeLessThan(40);
    const first = page.locator('.document-row').first();
    expect(await first.getAttribute('aria-setsize')).toBe(String(COUNT));
    expect(await first.getAttribute('aria-posinset')).toBe('1');
    expect(await page.locator('ul.document-list').getAttribute('role')).toBe('list');
    // The first document has focus, and only it is in the Tab order (arrows move between rows).
    expect(await focusedRow(harness)).toEqual({ id: idAt(0), posinset: '1', inView: true });
    expect(await page.locator('.document-open[tabindex="0"]').count()).toBe(1);
    fs.mkdirSync(path.join(ROOT, 'test-results'), { recursive: true });
    await page.screenshot({ path: path.join(ROOT, 'test-results', 'big-library-top.png') });
  });

  it('reaches the last document with End and steps with the arrows, scrolling each into view', async () => {
    const { page } = harness;
    await page.keyboard.press('End');
    await expect.poll(() => focusedRow(harness)).toEqual({ id: idAt(COUNT - 1), posinset: String(COUNT), inView: true });
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('ArrowUp');
    await expect.poll(() => focusedRow(harness)).toEqual({ id: idAt(ARABIC_AT), posinset: String(ARABIC_AT + 1), inView: true });
    // Arabic titles keep their direction and language in the list.
    const title = page.locator(`button[data-doc-id="${idAt(ARABIC_AT)}"] .document-title`);
    expect(await title.getAttribute('dir')).toBe('auto');
    expect(await title.getAttribute('lang')).toBe('ar');
    expect(await title.evaluate((el) => getComputedStyle(el).direction)).toBe('rtl');
    expect(await page.locator('.document-row').count()).toBeLessThan(40);
    await page.screenshot({ path: path.join(ROOT, 'test-results', 'big-library-end.png') });
    await page.keyboard.press('Home');
    await expect.poll(() => focusedRow(harness)).toEqual({ id: idAt(0), posinset: '1', inView: true });
    // Page Down moves by about a screen of rows, Page Up back.
    await page.keyboard.press('PageDown');
    await expect.poll(async () => Number((await focusedRow(harness)).posinset)).toBeGreaterThan(3);
    expect((await focusedRow(harness)).inView).toBe(true);
    await page.keyboard.press('PageUp');
    await expect.poll(() => focusedRow(harness)).toEqual({ id: idAt(0), posinset: '1', inView: true });
  });

  it('keeps the focused row when it is scrolled away, and returns to a far row after reading it', async () => {
    const { page } = harness;
    // Scroll roughly to document 17,000, as a mouse wheel would, then wait for its rows to arrive.
    await page.evaluate(() => window.scrollTo(0, 57_000 * 92));
    // A row a few below the top of the new view, once its page has arrived.
    const index = 57_004;
    const id = idAt(index);
    const target = page.locator(`li[data-index="${index}"]:has(.document-title:not(.placeholder))`);
    await target.waitFor();
    expect(await target.locator('button').getAttribute('data-doc-id')).toBe(id);
    expect(await target.evaluate((el) => el.getBoundingClientRect().top > 0 && el.getBoundingClientRect().bottom < window.innerHeight)).toBe(true);
    expect(await page.locator('.document-row').count()).toBeLessThan(40);
    // The first row still holds focus although it is far out of view.
    expect((await focusedRow(harness)).id).toBe(idAt(0));

    await target.locator('button').click();
    await expect.poll(() => page.locator('.reader-title').textContent()).toBe(`Entry ${index}`);
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.keyboard.press('Escape');
    await expect.poll(() => focusedRow(harness)).toEqual({ id, posinset: String(index + 1), inView: true });
    await page.screenshot({ path: path.join(ROOT, 'test-results', 'big-library-return.png') });
    // Arrows carry on from there.
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => focusedRow(harness)).toEqual({ id: idAt(index + 1), posinset: String(index + 2), inView: true });
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('.reader-title').textContent()).toBe(`Entry ${index + 1}`);
    await page.keyboard.press('Escape');
    await expect.poll(() => focusedRow(harness)).toEqual({ id: idAt(index + 1), posinset: String(index + 2), inView: true });
  });

  it('made no request outside the app and logged no error', () => {
    expect(harness.foreignRequests).toEqual([]);
    expect(harness.pageErrors).toEqual([]);
  });
});
