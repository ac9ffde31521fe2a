import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildHostileCorpus } from '../harness/hostile-corpus';
import { launchHarness, openApp, type Harness } from '../harness/renderer-harness';
import { buildCorpus } from '../../electron/node/corpus/build-corpus';
import { BUNDLED_CORPUS, FIXTURES, ROOT } from '../harness/paths';

const SHOTS = path.join(ROOT, 'test-results');

describe('search in the bundled corpus', () => {
  let harness: Harness;

  beforeAll(async () => {
    fs.mkdirSync(SHOTS, { recursive: true });
    harness = await launchHarness({ corpusFile: BUNDLED_CORPUS });
    await openApp(harness);
    await harness.page.locator('.document-row').first().waitFor();
  });

  afterAll(async () => {
    await harness?.close();
  });

  const input = () => harness.page.getByRole('combobox', { name: 'Search the corpus' });
  const status = () => harness.page.locator('.search-status');
  // The search results' options (the library's sort and filter menus have options of their own).
  const options = () => harness.page.getByRole('listbox', { name: 'Search results' }).getByRole('option');

  it('Ctrl+K and "/" focus the search field, but "/" typed in a field stays in it', async () => {
    const { page } = harness;
    await page.locator('.document-open').first().focus();
    await page.keyboard.press('Control+k');
    expect(await input().evaluate((el) => el === document.activeElement)).toBe(true);

    await page.locator('.document-open').first().focus();
    await page.keyboard.press('/');
    expect(await input().evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.type('a/b');
    expect(await input().inputValue()).toBe('a/b');
    await page.keyboard.press('Escape');
    expect(await input().inputValue()).toBe('');
  });

  it('shows ranked results as you type, with highlighted snippets, count and time', async () => {
    const { page } = harness;
    await page.keyboard.press('Control+k');
    await page.keyboard.type('propaganda online', { delay: 30 });
    await expect.poll(() => status().textContent()).toMatch(/^\d+ results? · (<1|\d+) m?s$/);
    const count = Number((await status().textContent())!.match(/^(\d+)/)![1]);
    expect(await options().count()).toBe(count);
    expect(count).toBeGreaterThan(1);

    // Ranked: the article about ISIS surviving online comes first.
    expect(await options().first().locator('.search-result-title').textContent()).toBe('As ISIS Loses Territory, it Seeks to Survive Online');
    expect(await options().first().getAttribute('aria-selected')).toBe('true');
    expect(await options().first().locator('.search-result-meta').textContent()).toMatch(/^Asharq Al-Awsat .* · \d+ hits?$/);

    // Matched words are <mark>s holding exactly the words searched for (stemmed forms allowed).
    const marks = await page.locator('.search-result mark.snippet-hit').allTextContents();
    expect(marks.length).toBeGreaterThan(2);
    for (const mark of marks) expect(mark.toLowerCase()).toMatch(/^(propagand|online)/);
    expect(await page.locator('.search-snippet').first().getAttribute('dir')).toBe('auto');
    expect(await page.locator('.search-result-title').first().getAttribute('dir')).toBe('auto');

    await page.screenshot({ path: path.join(SHOTS, 'search-results.png') });
  });

  it('moves through results with the arrow keys and keeps the active one announced', async () => {
    const { page } = harness;
    await page.keyboard.press('ArrowDown');
    expect(await options().nth(1).getAttribute('aria-selected')).toBe('true');
    const activeId = await input().getAttribute('aria-activedescendant');
    expect(activeId).toBe(await options().nth(1).getAttribute('id'));
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('ArrowUp');
    // Wraps to the last result.
    expect(await options().last().getAttribute('aria-selected')).toBe('true');
    await page.keyboard.press('ArrowDown');
    expect(await options().first().getAttribute('aria-selected')).toBe('true');
  });

  it('an empty query shows no results', async () => {
    const { page } = harness;
    await input().fill('');
    await expect.poll(() => page.locator('.search-panel').count()).toBe(0);
    expect(await options().count()).toBe(0);
  });

  it('a malformed query shows a plain-language message and the app keeps working', async () => {
    const { page } = harness;
    const messages: string[] = [];
    for (const query of ['title:', 'a:b:c']) {
      await input().fill(query);
      await expect.poll(() => page.locator('.search-panel[aria-busy="false"] .search-status.search-error').count()).toBe(1);
      messages.push((await page.locator('.search-status.search-error').textContent())!);
      expect(messages.at(-1)).toMatch(/\w{3,}/);
      expect(await page.getByRole('status').first().textContent()).not.toMatch(/undefined|Error:|at \w+ \(/);
      expect(await options().count()).toBe(0);
    }
    // Each message is about its own query, not left over from the one before.
    expect(messages[1]).not.toBe(messages[0]);
    await page.screenshot({ path: path.join(SHOTS, 'search-error.png') });

    // Odd inputs never crash the window.
    for (const query of [':', '^', 'x^y', '~', '+-', '--x', '"unclosed']) {
      await input().fill(query);
      await expect.poll(() => page.locator('.search-panel[aria-busy="false"] .search-status').count()).toBe(1);
    }
    // The engine answers an unclosed quote with a notice, shown as such.
    await expect.poll(() => page.locator('.search-notice').textContent()).toMatch(/quotation mark/i);

    await input().fill('caliphate');
    await expect.poll(() => status().textContent()).toMatch(/^\d+ results? · /);
    expect(await options().count()).toBeGreaterThan(0);
  });

  it('a newer query supersedes an older one', async () => {
    const { page } = harness;
    await input().fill('');
    await input().pressSequentially('internet', { delay: 5 });
    await input().fill('prisoners');
    await expect.poll(() => status().textContent()).toMatch(/^\d+ results? · /);
    // Let any answer to the older query arrive: it must not replace the newer one.
    await page.waitForTimeout(400);
    const marks = await page.locator('.search-result mark.snippet-hit').allTextContents();
    expect(marks.length).toBeGreaterThan(0);
    for (const mark of marks) expect(mark.toLowerCase()).toMatch(/^prison/);
  });

  it('Enter pressed before the answer arrives opens the top result of the query as typed', async () => {
    const { page } = harness;
    await input().fill('');
    await input().pressSequentially('prisoners', { delay: 0 });
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('.reader-title').textContent()).toMatch(/prisoners$/);
    await expect.poll(() => page.locator('.find-status').textContent()).toMatch(/^hit 1 of \d+$/);
    for (const text of await page.locator('.document-body mark.hit').allTextContents()) expect(text.toLowerCase()).toMatch(/^prison/);
    await page.keyboard.press('Escape'); // closes the hits
    await page.keyboard.press('Escape'); // back to the library
    await expect.poll(() => page.locator('.document-row').count()).toBe(5);
  });

  it('opens a result in the reader with every hit marked and steps through them', async () => {
    const { page } = harness;
    await input().fill('caliphate');
    await expect.poll(() => options().first().locator('mark.snippet-hit').first().textContent()).toMatch(/^caliph/i);
    expect(await options().first().getAttribute('aria-selected')).toBe('true');
    // The long article has many hits to step through: arrow down to it, wherever it ranks.
    const titles = await page.locator('.search-result-title').allTextContents();
    const index = titles.findIndex((t) => t.startsWith('Caliphate under the laws of the Internet'));
    expect(index).toBeGreaterThanOrEqual(0);
    for (let i = 0; i < index; i++) await page.keyboard.press('ArrowDown');
    expect(await options().nth(index).getAttribute('aria-selected')).toBe('true');
    const title = titles[index];
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('.reader-title').textContent()).toBe(title);

    const hits = page.locator('.document-body mark.hit');
    await expect.poll(() => hits.count()).toBeGreaterThan(3);
    const findStatus = page.locator('.find-status');
    await expect.poll(() => findStatus.textContent()).toMatch(/^hit 1 of \d+$/);
    const total = Number((await findStatus.textContent())!.match(/of (\d+)/)![1]);
    expect(total).toBeGreaterThan(3);
    expect(await page.locator('.document-body mark.hit.current').count()).toBeGreaterThan(0);
    for (const text of await hits.allTextContents()) expect(text.toLowerCase()).toMatch(/^caliph/);

    // Enter moves on, Shift+Enter back, wrapping at the ends; the current hit is in view.
    await page.keyboard.press('Enter');
    await expect.poll(() => findStatus.textContent()).toBe(`hit 2 of ${total}`);
    await page.keyboard.press('Enter');
    await expect.poll(() => findStatus.textContent()).toBe(`hit 3 of ${total}`);
    await page.keyboard.press('Shift+Enter');
    await expect.poll(() => findStatus.textContent()).toBe(`hit 2 of ${total}`);
    await page.keyboard.press('Shift+Enter');
    await page.keyboard.press('Shift+Enter');
    await expect.poll(() => findStatus.textContent()).toBe(`hit ${total} of ${total}`);
    await expect.poll(() => currentHitInView(harness)).toBe(true);
    await page.screenshot({ path: path.join(SHOTS, 'reader-hits.png') });

    // The buttons do the same.
    await page.getByRole('button', { name: 'Next hit' }).click();
    await expect.poll(() => findStatus.textContent()).toBe(`hit 1 of ${total}`);
    await expect.poll(() => currentHitInView(harness)).toBe(true);
    await page.getByRole('button', { name: 'Previous hit' }).click();
    await expect.poll(() => findStatus.textContent()).toBe(`hit ${total} of ${total}`);
  });

  it('scrolls to the first hit when it lies far down the document', async () => {
    const { page } = harness;
    await page.keyboard.press('Control+k');
    await input().fill('mujahideen');
    await expect.poll(() => page.locator('.search-result mark.snippet-hit').first().textContent()).toMatch(/^mujahide/i);
    await expect.poll(() => page.locator('.search-panel').getAttribute('aria-busy')).toBe('false');
    const titles = await page.locator('.search-result-title').allTextContents();
    const index = titles.findIndex((t) => t.startsWith('Caliphate under the laws of the Internet'));
    expect(index).toBeGreaterThanOrEqual(0);
    for (let i = 0; i < index; i++) await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('.reader-title').textContent()).toMatch(/^Caliphate under the laws/);
    await expect.poll(() => page.locator('.find-status').textContent()).toMatch(/^hit 1 of \d+$/);
    await expect.poll(() => currentHitInView(harness)).toBe(true);
    expect(await page.evaluate(() => window.scrollY)).toBeGreaterThan(2000);
  });

  it('Escape closes the hits first and only then goes back to the library', async () => {
    const { page } = harness;
    await page.locator('.reader-title').focus();
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('.find-bar').count()).toBe(0);
    expect(await page.locator('.document-body mark.hit').count()).toBe(0);
    expect(await page.locator('.reader-title').count()).toBe(1);
  });

  it('Ctrl+F finds inside the open document; Escape in the find bar closes only the bar', async () => {
    const { page } = harness;
    await page.keyboard.press('Control+f');
    const find = page.getByRole('textbox', { name: 'Find in this document' });
    await expect.poll(() => find.evaluate((el) => el === document.activeElement)).toBe(true);
    await find.fill('');
    await page.keyboard.type('internet');
    const findStatus = page.locator('.find-status');
    await expect.poll(() => findStatus.textContent()).toMatch(/^hit 1 of \d+$/);
    const total = Number((await findStatus.textContent())!.match(/of (\d+)/)![1]);
    for (const text of await page.locator('.document-body mark.hit').allTextContents()) expect(text.toLowerCase()).toMatch(/^internet/);
    expect(await page.locator('.document-body mark.hit').count()).toBeGreaterThanOrEqual(total);
    await page.keyboard.press('Enter');
    await expect.poll(() => findStatus.textContent()).toBe(`hit 2 of ${total}`);
    await page.keyboard.press('Shift+Enter');
    await expect.poll(() => findStatus.textContent()).toBe(`hit 1 of ${total}`);
    await expect.poll(() => currentHitInView(harness)).toBe(true);
    await page.screenshot({ path: path.join(SHOTS, 'find-in-document.png') });

    // Escape on one of the bar's buttons closes the bar, and only the bar.
    await page.getByRole('button', { name: 'Next hit' }).focus();
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('.find-bar').count()).toBe(0);
    expect(await page.locator('.reader-title').count()).toBe(1);
    // Ctrl+F brings it back with the last query.
    await page.keyboard.press('Control+f');
    await expect.poll(() => find.inputValue()).toBe('internet');
    await expect.poll(() => findStatus.textContent()).toBe(`hit 1 of ${total}`);

    // A malformed query in the find bar is a message, not a crash.
    await find.fill('title:');
    await expect.poll(() => page.locator('.find-status.find-error').textContent()).toMatch(/\w{3,}/);
    expect(await page.locator('.document-body mark.hit').count()).toBe(0);

    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('.find-bar').count()).toBe(0);
    expect(await page.locator('.reader-title').count()).toBe(1);

    // With the bar closed, Escape goes back to the library as before.
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('.document-row').count()).toBe(5);
  });

  it('Escape in the search field clears it without leaving the reader', async () => {
    const { page } = harness;
    await page.locator('.document-open').first().click();
    await expect.poll(() => page.locator('.reader-title').count()).toBe(1);
    await page.keyboard.press('Control+k');
    await page.keyboard.type('online');
    await expect.poll(() => options().count()).toBeGreaterThan(0);
    await page.keyboard.press('Escape');
    expect(await input().inputValue()).toBe('');
    expect(await page.locator('.reader-title').count()).toBe(1);
    await page.keyboard.press('Escape'); // leaves the field
    await page.keyboard.press('Escape'); // and now the reader
    await expect.poll(() => page.locator('.document-row').count()).toBe(5);
  });

  it('made no request outside the app and logged no error', () => {
    expect(harness.foreignRequests).toEqual([]);
    expect(harness.pageErrors).toEqual([]);
  });
});

describe('search in Arabic, right to left', () => {
  let harness: Harness;
  let dir: string;

  beforeAll(async () => {
    fs.mkdirSync(SHOTS, { recursive: true });
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'carrel-search-e2e-'));
    const corpusFile = path.join(dir, 'small.sqlite');
    buildCorpus({ sourcesDir: path.join(FIXTURES, 'corpus-small'), outFile: corpusFile, title: 'Small' });
    harness = await launchHarness({ corpusFile });
    await openApp(harness);
    await harness.page.locator('.document-row').first().waitFor();
  });

  afterAll(async () => {
    await harness?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('finds الأموية without its hamza, shows title and snippet right to left, and marks the hit in the reader', async () => {
    const { page } = harness;
    await page.keyboard.press('Control+k');
    await page.keyboard.type('الاموية');
    const option = page.getByRole('listbox', { name: 'Search results' }).getByRole('option').first();
    await expect.poll(() => option.locator('.search-result-title').textContent()).toBe('الدولة الإسلامية والخلافة الافتراضية');
    expect(await option.locator('mark.snippet-hit').allTextContents()).toEqual(['الأموية']);
    const directions = await option.evaluate((el) =>
      [el.querySelector('.search-result-title'), el.querySelector('.search-snippet')].map((node) => [node?.getAttribute('dir'), node?.matches(':dir(rtl)')]),
    );
    expect(directions).toEqual([
      ['auto', true],
      ['auto', true],
    ]);
    await page.screenshot({ path: path.join(SHOTS, 'search-arabic.png') });

    await option.click(); // the pointer opens a result too
    await expect.poll(() => page.locator('.find-status').textContent()).toBe('hit 1 of 1');
    expect(await page.locator('.document-body mark.hit.current').allTextContents()).toEqual(['الأموية']);
    await page.screenshot({ path: path.join(SHOTS, 'reader-arabic-hit.png') });
  });

  it('made no request outside the app and logged no error', () => {
    expect(harness.foreignRequests).toEqual([]);
    expect(harness.pageErrors).toEqual([]);
  });
});

// Snippets and titles come from untrusted documents: they must show as text, whatever they hold.
describe('search over hostile documents', () => {
  let harness: Harness;
  let dir: string;

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'carrel-search-hostile-'));
    // Includes one long document with thousands of hits, to step through.
    harness = await launchHarness({ corpusFile: buildHostileCorpus(dir).file });
    await openApp(harness);
    await harness.page.locator('.document-row').first().waitFor();
  });

  afterAll(async () => {
    await harness?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('shows markup in snippets and titles as text and runs nothing', async () => {
    const { page } = harness;
    await page.keyboard.press('Control+k');
    await page.keyboard.type('readable survives');
    const status = page.locator('.search-status');
    await expect.poll(() => status.textContent()).toMatch(/^\d+ results · /);
    expect(await page.locator('.search-panel script, .search-panel img, .search-panel iframe, .search-panel svg, .search-panel a').count()).toBe(0);
    for (const title of await page.locator('.search-result-title').all()) expect(await title.getAttribute('dir')).toBe('auto');
    await page.waitForTimeout(200);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned)).toBeUndefined();
    await page.screenshot({ path: path.join(SHOTS, 'search-hostile.png') });
  });

  it('steps through thousands of hits in a long document', async () => {
    const { page } = harness;
    const input = page.getByRole('combobox', { name: 'Search the corpus' });
    await input.fill('readable');
    await expect.poll(() => page.locator('.search-result-title').allTextContents()).toContain('Huge document');
    const titles = await page.locator('.search-result-title').allTextContents();
    for (let i = 0; i < titles.indexOf('Huge document'); i++) await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    const findStatus = page.locator('.find-status');
    await expect.poll(() => findStatus.textContent(), { timeout: 20_000 }).toMatch(/^hit 1 of [\d,]+$/);
    const total = Number((await findStatus.textContent())!.match(/of ([\d,]+)/)![1]!.replace(/,/g, ''));
    expect(total).toBeGreaterThanOrEqual(30_000);
    await page.keyboard.press('Shift+Enter');
    await expect.poll(() => findStatus.textContent()).toBe(`hit ${total.toLocaleString('en')} of ${total.toLocaleString('en')}`);
    await expect.poll(() => currentHitInView(harness)).toBe(true);
    await page.keyboard.press('Enter');
    await expect.poll(() => findStatus.textContent()).toBe(`hit 1 of ${total.toLocaleString('en')}`);
    await expect.poll(() => currentHitInView(harness)).toBe(true);
  });

  it('made no request outside the app and logged no error', () => {
    expect(harness.foreignRequests).toEqual([]);
    expect(harness.pageErrors).toEqual([]);
  });
});

/** True when the current hit's mark lies inside the viewport, below the sticky header. */
async function currentHitInView(harness: Harness): Promise<boolean> {
  return harness.page.evaluate(() => {
    const mark = document.querySelector('.document-body mark.hit.current');
    const header = document.querySelector('.app-header');
    if (!mark || !header) return false;
    const box = mark.getBoundingClientRect();
    return box.top >= header.getBoundingClientRect().bottom && box.bottom <= window.innerHeight;
  });
}
