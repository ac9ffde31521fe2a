import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCorpus } from '../../electron/node/corpus/build-corpus';
import { FIXTURES, ROOT } from '../harness/paths';
import { launchHarness, openApp, sendCommand, type Harness } from '../harness/renderer-harness';

const SHOTS = path.join(ROOT, 'test-results');
const poll = expect.poll;

/** Text and state of what has focus. */
const focused = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    return { tag: el?.tagName ?? '', className: el?.className ?? '', text: (el?.textContent ?? '').slice(0, 60), outline: el ? getComputedStyle(el).outlineStyle : '' };
  });
const currentEntry = (page: Page) => page.locator('.contents-entry[aria-current="location"]').textContent();
const progressValue = (page: Page) => page.locator('.reading-progress-bar').evaluate((el) => (el as HTMLProgressElement).value);
const rowStates = (page: Page) =>
  page.locator('.document-row').evaluateAll((rows) => rows.map((r) => [r.querySelector('.document-title')?.textContent, r.querySelector('.document-state')?.textContent]));

describe('contents, progress and the keyboard in the reader; reading states in the library', () => {
  let dir: string;
  let harness: Harness;
  let page: Page;

  const openTitle = async (title: RegExp) => {
    await page.getByRole('button', { name: title }).click();
    await page.locator('.reader-title').waitFor();
  };
  const backToLibrary = async () => {
    await page.keyboard.press('Escape');
    await page.locator('.document-row').first().waitFor();
  };

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'carrel-contents-e2e-'));
    buildCorpus({ sourcesDir: path.join(FIXTURES, 'corpus-contents'), outFile: path.join(dir, 'contents.sqlite'), title: 'Contents fixture' });
    harness = await launchHarness({ corpusFile: path.join(dir, 'contents.sqlite') });
    page = harness.page;
    fs.mkdirSync(SHOTS, { recursive: true });
    await openApp(harness);
    await page.locator('.document-row').first().waitFor();
  });

  afterAll(async () => {
    await harness?.close();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('lists every document as unread before any is opened', async () => {
    expect(await rowStates(page)).toEqual([
      ['دليل الأرشيف', 'Unread'],
      ['A field guide to the archive', 'Unread'],
      ['A short note', 'Unread'],
    ]);
  });

  it('shows the contents of a document with headings, the section in view marked, and goes there by keyboard', async () => {
    await openTitle(/A field guide to the archive/);
    const entries = page.locator('.contents-panel .contents-entry');
    await entries.first().waitFor();
    expect(await entries.allTextContents()).toEqual(['Arriving', 'The catalogue', 'Reading', 'Taking notes', 'Asking for help', 'Leaving']);
    expect(await page.getByRole('navigation', { name: 'Contents' }).count()).toBe(1);
    // Above the first section (the title is folded away, and so left out of the contents) no entry is current.
    expect(await page.locator('.contents-entry[aria-current="location"]').count()).toBe(0);
    // Sub-sections are indented further than sections.
    const indent = (i: number) => entries.nth(i).evaluate((el) => parseFloat(getComputedStyle(el).paddingInlineStart));
    expect(await indent(1)).toBeGreaterThan(await indent(0));
    // Alt+C (Go › Contents) brings focus to the current entry; arrows move, Enter goes.
    await page.keyboard.press('Alt+c');
    expect((await focused(page)).text).toBe('Arriving');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    expect((await focused(page)).text).toBe('Reading');
    await page.keyboard.press('Enter');
    // Focus goes to the heading in the text (the entry has the same words).
    await poll(async () => { const f = await focused(page); return `${f.tag} ${f.text}`; }).toBe('P Reading');
    await poll(() => currentEntry(page)).toBe('Reading');
    // The heading is at the top of the window, below the sticky header.
    const top = await page.locator('.document-body p.block-heading', { hasText: /^Reading$/ }).evaluate((el) => el.getBoundingClientRect().top);
    expect(top).toBeGreaterThan(40);
    expect(top).toBeLessThan(200);
    // Scrolling marks the section in view.
    await page.locator('.document-body p.block-heading', { hasText: /^Leaving$/ }).evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await poll(() => currentEntry(page)).toBe('Leaving');
  });

  it('shows the position in the document with an accessible value and the time left, said to be an estimate', async () => {
    const bar = page.locator('.reading-progress-bar');
    expect(await bar.getAttribute('aria-label')).toBe('Position in the document');
    await page.evaluate(() => window.scrollTo(0, 0));
    await poll(() => progressValue(page)).toBeLessThan(40);
    const start = await page.locator('.reading-progress-text').textContent();
    expect(start).toMatch(/^\d+% · \d+ min left \(estimated at a typical 230 words a minute until Carrel knows your speed\)$/);
    expect(await bar.getAttribute('aria-valuetext')).toMatch(/^\d+%, \d+ min left$/);
    await page.screenshot({ path: path.join(SHOTS, 'contents-reader-light.png') });
    for (const theme of ['dark', 'sepia'] as const) {
      await sendCommand(harness, `theme-${theme}`);
      await poll(() => page.evaluate(() => document.documentElement.dataset.theme)).toBe(theme);
      await page.screenshot({ path: path.join(SHOTS, `contents-reader-${theme}.png`) });
    }
    // The contents and the progress bar pass the axe scan in both themes the scan covers.
    for (const theme of ['light', 'dark'] as const) {
      await sendCommand(harness, `theme-${theme}`);
      await poll(() => page.evaluate(() => document.documentElement.dataset.theme)).toBe(theme);
      const result = await new AxeBuilder({ page }).include('.contents-panel').include('.reading-progress').analyze();
      expect(result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${theme} ${v.id}`)).toEqual([]);
    }
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    await poll(() => progressValue(page)).toBe(100);
    expect(await page.locator('.reading-progress-figures').textContent()).toBe('100% · nothing left');
  });

  it('moves between paragraphs with j and k (and then the arrows), with a visible focus ring', async () => {
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.locator('.reader-title').focus();
    await page.keyboard.press('j');
    // The title heading that repeats the document's title is folded away (it stands above the text).
    const first = await focused(page);
    expect(first).toMatchObject({ tag: 'P', text: 'Arriving', outline: 'solid' });
    await page.keyboard.press('ArrowDown');
    expect((await focused(page)).text).toMatch(/^The archive holds letters/);
    await page.keyboard.press('k');
    expect((await focused(page)).text).toBe('Arriving');
  });

  it('keeps the state of each document in the library: finished, started with its percentage, unread', async () => {
    await backToLibrary();
    await poll(() => rowStates(page)).toEqual([
      ['دليل الأرشيف', 'Unread'],
      ['A field guide to the archive', 'Finished'],
      ['A short note', 'Unread'],
    ]);
    await openTitle(/دليل الأرشيف/);
    await page.locator('.document-body p.block-heading', { hasText: 'القراءة' }).evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await poll(() => currentEntry(page)).toBe('القراءة');
    // A right-to-left document's contents read right to left, the marker on the right.
    const entry = page.locator('.contents-entry[aria-current="location"]');
    expect(await entry.evaluate((el) => [getComputedStyle(el).direction, getComputedStyle(el).borderRightStyle])).toEqual(['rtl', 'solid']);
    await backToLibrary();
    await poll(async () => (await rowStates(page))[0]![1]).toMatch(/^Started · \d+%$/);
    await page.screenshot({ path: path.join(SHOTS, 'contents-library-light.png') });
  });

  it('filters the library by state and text, and sorts it by length, progress and title either way', async () => {
    const titles = () => page.locator('.document-row .document-title').allTextContents();
    const show = page.getByLabel('Show', { exact: true });
    await show.selectOption('finished');
    await poll(titles).toEqual(['A field guide to the archive']);
    expect(await page.locator('.library-count').textContent()).toBe('1 document match');
    await show.selectOption('unread');
    await poll(titles).toEqual(['A short note']);
    await show.selectOption('all');
    await page.getByLabel('Sort by', { exact: true }).selectOption('length');
    await poll(titles).toEqual(['A short note', 'دليل الأرشيف', 'A field guide to the archive']);
    await page.getByRole('button', { name: /Ascending/ }).click();
    await poll(titles).toEqual(['A field guide to the archive', 'دليل الأرشيف', 'A short note']);
    await page.getByLabel('Sort by', { exact: true }).selectOption('progress');
    await poll(titles).toEqual(['A field guide to the archive', 'دليل الأرشيف', 'A short note']);
    await page.getByRole('button', { name: /Descending/ }).click();
    await page.getByLabel('Sort by', { exact: true }).selectOption('title');
    await poll(titles).toEqual(['A field guide to the archive', 'A short note', 'دليل الأرشيف']);
    await page.getByLabel('Filter', { exact: true }).fill('haddad');
    await poll(titles).toEqual(['A field guide to the archive']);
    await page.getByLabel('Filter', { exact: true }).fill('nothing like this');
    await poll(() => page.locator('.library .status').textContent()).toBe('No document matches: change the filter above.');
    await page.getByLabel('Filter', { exact: true }).fill('');
    await poll(titles).toEqual(['A field guide to the archive', 'A short note', 'دليل الأرشيف']);
    // Date added: the three came in with this build, today; the rows say so, and the filter and sort read it.
    const today = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric' }).format(new Date());
    await poll(() => page.locator('.document-added').allTextContents()).toEqual([` · added ${today}`, ` · added ${today}`, ` · added ${today}`]);
    await page.getByLabel('Added', { exact: true }).selectOption('week');
    await page.getByLabel('Sort by', { exact: true }).selectOption('added');
    await poll(() => page.getByLabel('Sort by', { exact: true }).inputValue()).toBe('added');
    await poll(titles).toHaveLength(3);
    await page.getByLabel('Added', { exact: true }).selectOption('any');
    await page.getByLabel('Sort by', { exact: true }).selectOption('title');
    await poll(titles).toEqual(['A field guide to the archive', 'A short note', 'دليل الأرشيف']);
    for (const theme of ['dark', 'sepia'] as const) {
      await sendCommand(harness, `theme-${theme}`);
      await poll(() => page.evaluate(() => document.documentElement.dataset.theme)).toBe(theme);
      await page.screenshot({ path: path.join(SHOTS, `contents-library-${theme}.png`) });
    }
    await sendCommand(harness, 'theme-light');
  });

  it('opens the next and previous document of the library as sorted with n and p, and says so at either end', async () => {
    // Sorted by title: field guide, short note, Arabic guide.
    await openTitle(/A short note/);
    await page.keyboard.press('n');
    await poll(() => page.locator('.reader-title').textContent()).toBe('دليل الأرشيف');
    await page.keyboard.press('n');
    await poll(() => page.locator('.reader-status').textContent()).toBe('This is the last document of the library.');
    await page.keyboard.press('p');
    await poll(() => page.locator('.reader-title').textContent()).toBe('A short note');
    await page.keyboard.press('p');
    await poll(() => page.locator('.reader-title').textContent()).toBe('A field guide to the archive');
    // A document without headings has no contents list.
    await page.keyboard.press('n');
    await poll(() => page.locator('.reader-title').textContent()).toBe('A short note');
    expect(await page.locator('.contents-panel').count()).toBe(0);
  });
});
