import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUNDLED_CORPUS, ROOT } from '../harness/paths';
import { launchHarness, openApp, type Harness } from '../harness/renderer-harness';

const SHOTS = path.join(ROOT, 'test-results');
const DOC = /ISIS Admits It Is Losing/;

async function shot(page: Page, name: string) {
  fs.mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SHOTS, `commands-${name}.png`) });
}

/** Selects `text` in the reader as a user would (it lies inside one paragraph). */
async function selectText(page: Page, text: string) {
  const found = await page.evaluate((text) => {
    for (const p of document.querySelectorAll('.document-body p')) {
      const node = p.firstChild?.firstChild;
      const at = node?.nodeValue?.indexOf(text) ?? -1;
      if (!node || at < 0) continue;
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + text.length);
      p.scrollIntoView({ block: 'center' });
      document.getSelection()!.removeAllRanges();
      document.getSelection()!.addRange(range);
      return range.toString();
    }
    return null;
  }, text);
  expect(found).toBe(text);
  await page.locator('.selection-toolbar').waitFor();
}

describe('the command palette and the shortcut overlay', () => {
  let harness: Harness;
  let page: Page;

  beforeAll(async () => {
    harness = await launchHarness({ corpusFile: BUNDLED_CORPUS });
    page = harness.page;
    await openApp(harness);
    await page.locator('.document-row').first().waitFor();
  });

  afterAll(async () => {
    await harness?.close();
  });

  const palette = () => page.getByRole('dialog', { name: 'Commands' });
  const field = () => palette().getByRole('combobox');
  const options = () => palette().getByRole('option');
  const optionLabels = () => options().locator('.command-label').allTextContents();
  const activeInfo = () => page.evaluate(() => ({ tag: document.activeElement?.tagName, text: document.activeElement?.textContent ?? '', className: document.activeElement?.className ?? '' }));

  it('opens on Ctrl+Shift+P with the commands that apply here, filters as you type, and Esc gives focus back', async () => {
    const row = page.locator('.document-open').nth(2);
    await row.focus();
    const before = await activeInfo();
    await page.keyboard.press('Control+Shift+P');
    await palette().waitFor();
    expect(await field().evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await palette().getAttribute('aria-modal')).toBe('true');
    const labels = await optionLabels();
    expect(labels).toEqual(expect.arrayContaining(['Search the corpus', 'Undo the last delete', 'Keyboard shortcuts', 'Open Corpus…', 'Build Corpus from Folder…', 'Recent Corpora']));
    // Nothing of the reader applies in the library.
    expect(labels.some((l) => /Back to the library|Highlight|Next hit|Bookmark/.test(l))).toBe(false);
    const open = options().filter({ hasText: 'Open Corpus…' });
    expect(await open.locator('kbd').allTextContents()).toEqual(['Ctrl+O']);
    expect(await options().first().getAttribute('aria-selected')).toBe('true');

    await page.keyboard.type('corpus');
    await expect.poll(optionLabels).toEqual(['Search the corpus', 'Open Corpus…', 'Build Corpus from Folder…', 'Corpus analysis: concordance and collocates']);
    await page.keyboard.press('ArrowDown');
    const second = options().nth(1);
    expect(await second.getAttribute('aria-selected')).toBe('true');
    expect(await field().getAttribute('aria-activedescendant')).toBe(await second.getAttribute('id'));
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('ArrowUp'); // wraps to the last
    expect(await options().nth(3).getAttribute('aria-selected')).toBe('true');
    // Keys typed in the palette are the palette's: "/" and Ctrl+K do not reach the search field.
    await page.keyboard.press('Control+k');
    expect(await field().evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.type('zz/');
    await expect.poll(() => options().count()).toBe(0);
    expect(await palette().getByRole('status').textContent()).toBe('No command here matches “corpuszz/”.');
    await field().fill('');
    await shot(page, 'palette-library');

    await page.keyboard.press('Escape');
    await expect.poll(() => palette().count()).toBe(0);
    expect(await activeInfo()).toEqual(before);
  });

  it('runs the chosen command with Enter (Recent Corpora shows the corpora view)', async () => {
    await page.keyboard.press('Control+Shift+P');
    await page.keyboard.type('recent');
    await expect.poll(optionLabels).toEqual(['Recent Corpora']);
    await page.keyboard.press('Enter');
    await expect.poll(() => palette().count()).toBe(0);
    await expect.poll(() => page.locator('#corpora-title').count()).toBe(1);
    expect(await page.locator('[aria-current="page"]').textContent()).toBe('Corpora');
  });

  it('in the reader, highlights the selection it was opened on, and focus goes to the new highlight', async () => {
    await page.getByRole('button', { name: 'Library', exact: true }).click();
    await page.getByRole('button', { name: DOC }).click();
    await page.locator('.document-body p').nth(3).waitFor();
    await selectText(page, 'the Islamic State has been losing');
    await page.locator('.reader-title').focus({ preventScroll: true } as never);
    await page.keyboard.press('Control+Shift+P');
    await palette().waitFor();
    const labels = await optionLabels();
    // The most specific first: what applies to the selected text, then the reader, then anywhere.
    expect(labels.slice(0, 9)).toEqual([
      'Highlight yellow',
      'Highlight green',
      'Highlight blue',
      'Highlight pink',
      'Highlight purple',
      'Highlight orange',
      'Highlight in the last colour used',
      'Highlight and add a note',
      'Go to the highlight toolbar',
    ]);
    expect(labels).toEqual(expect.arrayContaining(['Back to the library', 'Find in this document', 'Search the corpus']));
    expect(labels).not.toContain('Bookmark the place at the top of the page'); // B is not for a selection
    await page.keyboard.type('green');
    await expect.poll(optionLabels).toEqual(['Highlight green']);
    expect(await options().first().locator('kbd').allTextContents()).toEqual(['2']);
    expect(await options().first().locator('.command-scope').textContent()).toBe('Text selected');
    await shot(page, 'palette-reader');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('.document-body mark.highlight-green').allTextContents()).toEqual(['the Islamic State has been losing']);
    expect(await palette().count()).toBe(0);
    // As from the toolbar (issue 18): focus goes to the new highlight, not back to the page.
    await expect.poll(async () => (await activeInfo()).className).toContain('highlight-editor');
  });

  it('steps to the next hit from the palette, and a click on an option runs it too', async () => {
    await page.keyboard.press('Control+f');
    await page.keyboard.type('state');
    const status = page.locator('.find-status');
    await expect.poll(() => status.textContent()).toMatch(/^hit 1 of \d+$/);
    await page.locator('.reader-title').focus();
    await page.keyboard.press('Control+Shift+P');
    await page.keyboard.type('next hit');
    await expect.poll(optionLabels).toEqual(['Next hit']);
    expect(await options().first().locator('kbd').allTextContents()).toEqual(['Enter']);
    await page.keyboard.press('Enter');
    await expect.poll(() => status.textContent()).toMatch(/^hit 2 of \d+$/);
    expect((await activeInfo()).className).toContain('reader-title');

    await page.keyboard.press('Control+Shift+P');
    await page.keyboard.type('previous');
    await options().first().click();
    await expect.poll(() => status.textContent()).toMatch(/^hit 1 of \d+$/);
    expect(await palette().count()).toBe(0);
    expect((await activeInfo()).className).toContain('reader-title');
  });

  const overlay = () => page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  const keysOf = (label: string) => overlay().getByRole('row').filter({ has: page.getByRole('rowheader', { name: label, exact: true }) }).locator('kbd').allTextContents();

  it('shows every shortcut grouped by where it applies on ?, keeps Tab inside, and Esc gives focus back', async () => {
    await page.locator('.reader-title').focus();
    await page.keyboard.press('?');
    await overlay().waitFor();
    expect(await overlay().locator('caption').allTextContents()).toEqual([
      'Anywhere',
      'Reading a document',
      'Hits in the document',
      'Text selected',
      'Selecting with the keyboard (F7)',
    ]);
    expect(await keysOf('Search the corpus')).toEqual(['Ctrl+K', '/', 'Ctrl+F']);
    expect(await keysOf('Show the commands that apply here')).toEqual(['Ctrl+Shift+P']);
    expect(await keysOf('Open Corpus…')).toEqual(['Ctrl+O']);
    expect(await keysOf('Build Corpus from Folder…')).toEqual(['Ctrl+Shift+B']);
    expect(await keysOf('Undo the last delete')).toEqual(['Ctrl+Z']);
    expect(await keysOf('Back to the library')).toEqual(['Esc', 'Alt+←']);
    expect(await keysOf('Find in this document')).toEqual(['Ctrl+F']);
    expect(await keysOf('Previous hit')).toEqual(['Shift+Enter']);
    expect(await keysOf('Highlight orange')).toEqual(['6']);
    expect(await keysOf('Bookmark the place at the top of the page')).toEqual(['B']);
    expect(await keysOf('Select text with the keyboard (start or stop)')).toEqual(['F7']);
    expect(await keysOf('Extend the selection by word')).toContain('Ctrl+Shift+→');
    // Recent Corpora has no key: not in the list of shortcuts.
    expect(await overlay().getByRole('rowheader', { name: 'Recent Corpora' }).count()).toBe(0);
    expect(await activeInfo()).toMatchObject({ tag: 'BUTTON', text: 'Close' });
    await shot(page, 'shortcuts');
    for (let i = 0; i < 3; i++) {
      await page.keyboard.press('Tab');
      expect(await page.evaluate(() => document.activeElement?.closest('[role="dialog"]') !== null)).toBe(true);
    }
    await page.keyboard.press('Escape');
    await expect.poll(() => overlay().count()).toBe(0);
    expect((await activeInfo()).className).toContain('reader-title');
    expect(await page.locator('.find-bar').count()).toBe(1); // Escape was the overlay's, not find's
  });

  it('opens on F1 and from the palette, closes with its button, and "?" typed in a field stays in it', async () => {
    await page.keyboard.press('F1');
    await overlay().waitFor();
    await overlay().getByRole('button', { name: 'Close' }).click();
    await expect.poll(() => overlay().count()).toBe(0);

    await page.locator('.reader-title').focus();
    await page.keyboard.press('Control+Shift+P');
    await page.keyboard.type('keyboard shortcuts');
    await page.keyboard.press('Enter');
    await overlay().waitFor();
    expect(await palette().count()).toBe(0);
    await page.keyboard.press('Escape');
    await expect.poll(() => overlay().count()).toBe(0);
    expect((await activeInfo()).className).toContain('reader-title');

    const search = page.getByRole('combobox', { name: 'Search the corpus' });
    await search.focus();
    await page.keyboard.type('why?');
    expect(await search.inputValue()).toBe('why?');
    expect(await overlay().count()).toBe(0);
  });

  it('made no request outside the app and logged no error', () => {
    expect(harness.foreignRequests).toEqual([]);
    expect(harness.pageErrors).toEqual([]);
  });
});
