import fs from 'node:fs';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUNDLED_CORPUS, ROOT } from '../harness/paths';
import { launchHarness, openApp, type Harness } from '../harness/renderer-harness';

// Issue 18: clicks that are not lost, focus that is not dropped, notes and panels a screen
// reader and a keyboard can use, a back control that says where it goes.
const SHOTS = path.join(ROOT, 'test-results');
const DOC = /ISIS Admits It Is Losing/;

function poll<T>(read: () => T | Promise<T>) {
  return expect.poll(read, { timeout: 5000 });
}

async function shot(page: Page, name: string) {
  fs.mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SHOTS, `a11y-${name}.png`) });
}

async function openDocument(page: Page) {
  await page.getByRole('button', { name: 'Library', exact: true }).click();
  await page.getByRole('button', { name: DOC }).click();
  await page.locator('.document-body p').nth(3).waitFor();
}

/** Selects the first occurrence of `text` in the reader, as a user would (one paragraph). */
async function selectText(page: Page, text: string) {
  const found = await page.evaluate((text) => {
    for (const p of document.querySelectorAll('.document-body p')) {
      const at = (p.textContent ?? '').indexOf(text);
      if (at < 0) continue;
      const walker = document.createTreeWalker(p, NodeFilter.SHOW_TEXT);
      const range = document.createRange();
      let seen = 0;
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const length = node.nodeValue!.length;
        if (seen <= at && at < seen + length) range.setStart(node, at - seen);
        if (seen < at + text.length && at + text.length <= seen + length) {
          range.setEnd(node, at + text.length - seen);
          break;
        }
        seen += length;
      }
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

const focused = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement;
    return { tag: el?.tagName.toLowerCase(), inEditor: el?.closest('.highlight-editor') !== null, label: el?.getAttribute('aria-label') ?? el?.textContent?.trim() };
  });

async function axe(page: Page, include: string) {
  const results = await new AxeBuilder({ page }).include(include).analyze();
  return results.violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

describe('the reader and the notebook by keyboard, pointer and screen reader', () => {
  let harness: Harness;
  let page: Page;

  beforeAll(async () => {
    harness = await launchHarness({ corpusFile: BUNDLED_CORPUS });
    page = harness.page;
    await openApp(harness);
    await openDocument(page);
  });

  afterAll(async () => {
    await harness?.close();
  });

  it('does not lose the first click below an open note editor (the editor keeps its size until the click is done)', async () => {
    await selectText(page, 'losing substantial');
    await page.keyboard.press('n');
    const field = page.locator('.highlight-editor textarea');
    await poll(() => field.evaluate((el) => el === document.activeElement)).toBe(true);
    await field.pressSequentially('A short note', { delay: 5 });
    await poll(() => page.locator('.highlight-editor .save-status').textContent()).toBe('Saved');
    await page.getByRole('button', { name: 'Delete highlight' }).click();
    await poll(() => page.locator('.document-body mark.highlight').count()).toBe(0);
    expect(await page.locator('.highlight-editor').count()).toBe(0);
    // Focus stays in the panel (on its list of highlights), not dropped to the page.
    await poll(() => page.evaluate(() => document.activeElement?.id)).toBe('highlights-title');
  });

  it('puts focus on the new highlight after highlighting from the toolbar with the mouse', async () => {
    await selectText(page, 'Iraq and Syria');
    await page.getByRole('button', { name: /Highlight green/ }).click();
    await poll(() => page.locator('.document-body mark.highlight-green').count()).toBe(1);
    await poll(() => focused(page)).toMatchObject({ inEditor: true });
    expect((await focused(page)).tag).not.toBe('body');
    // The next Tab stays in the new highlight's editor.
    await page.keyboard.press('Tab');
    expect((await focused(page)).inEditor).toBe(true);
    await shot(page, 'focus-after-highlight');
  });

  it('puts focus on the new highlight after highlighting by keyboard (T, arrows, Enter)', async () => {
    await selectText(page, 'Fallujah in June');
    await page.keyboard.press('t');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Enter');
    await poll(() => page.locator('.document-body mark.highlight-blue').count()).toBe(1);
    await poll(() => focused(page)).toMatchObject({ inEditor: true });
  });

  it('shows a note as readable text with a separate, labelled Edit button (no label-content-name-mismatch)', async () => {
    await page.locator('.document-body mark.highlight-blue').click();
    const field = page.locator('.highlight-editor textarea');
    await field.click();
    await field.pressSequentially('Mosul is **next**', { delay: 5 });
    await poll(() => page.locator('.highlight-editor .save-status').textContent()).toBe('Saved');
    await page.keyboard.press('Escape');
    const preview = page.locator('.highlight-editor .note-preview');
    await preview.waitFor();
    // The note is content, not a control's label.
    expect(await preview.getAttribute('role')).toBeNull();
    expect(await preview.getAttribute('aria-label')).toBeNull();
    expect((await preview.textContent())?.trim()).toBe('Mosul is next');
    expect(await page.getByRole('button', { name: /Mosul/ }).count()).toBe(0);
    // Escape left the field: focus went on to the Edit button, and Space opens the field again.
    const edit = page.getByRole('button', { name: 'Edit note' });
    expect(await edit.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await axe(page, '.highlight-editor')).toEqual([]);
    await shot(page, 'note-preview');
    await page.keyboard.press('Space');
    await poll(() => field.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await field.inputValue()).toBe('Mosul is **next**');
    await page.keyboard.press('Escape');
  });

  it('says nothing about saving on an empty note never typed in', async () => {
    await page.locator('.document-body mark.highlight-green').click();
    await page.locator('.highlight-editor textarea').waitFor();
    expect(await page.locator('.highlight-editor .save-status').count()).toBe(0);
  });

  it('search panel: a focusable scrolling region, unique landmark names; axe finds nothing serious', async () => {
    await page.keyboard.press('Control+k');
    await page.keyboard.type('the');
    await page.locator('.search-result').first().waitFor();
    const panel = page.getByRole('region', { name: 'Search results' });
    expect(await panel.getAttribute('tabindex')).toBe('0');
    // Tab from the field reaches the panel, and the arrow keys scroll it.
    await page.keyboard.press('Tab');
    expect(await panel.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.press('PageDown');
    await poll(() => panel.evaluate((el) => el.scrollTop)).toBeGreaterThan(0);
    expect(await axe(page, '.search-box')).toEqual([]);
    await shot(page, 'search-panel');
    await page.keyboard.press('Escape');
    await page.getByRole('combobox', { name: 'Search the corpus' }).press('Escape');
  });

  it('notebook: named search landmarks, axe finds nothing; deleting an entry moves focus to the next entry', async () => {
    await page.getByRole('button', { name: 'Notebook', exact: true }).click();
    await page.locator('.notebook-entry').nth(1).waitFor();
    expect(await axe(page, 'body')).toEqual([]);
    expect(await page.getByRole('search').evaluateAll((els) => els.map((el) => el.getAttribute('aria-label')))).toEqual(['Search the corpus', 'Search the notebook']);

    const entries = page.locator('.notebook-entry');
    const before = await entries.count();
    expect(before).toBe(2);
    const second = await entries.nth(1).locator('.entry-open').textContent();
    await entries.first().getByRole('button', { name: /^Delete this/ }).focus();
    await page.keyboard.press('Enter');
    await poll(() => entries.count()).toBe(before - 1);
    await poll(() => page.evaluate(() => document.activeElement?.closest('.notebook-entry')?.querySelector('.entry-open')?.textContent)).toBe(second);
    expect(await page.evaluate(() => document.activeElement?.className)).toBe('entry-open');

    // The last one: focus goes to the notebook's title.
    await entries.first().getByRole('button', { name: /^Delete this/ }).focus();
    await page.keyboard.press('Enter');
    await poll(() => entries.count()).toBe(0);
    await poll(() => page.evaluate(() => document.activeElement?.id)).toBe('notebook-title');
    // Undo both, for the next test.
    await page.getByRole('button', { name: 'Undo' }).click();
    await poll(() => entries.count()).toBe(1);
  });

  it('names where the back control goes: the notebook when opened from it, the library otherwise', async () => {
    await page.locator('.notebook-entry .entry-open').first().click();
    await page.locator('.document-body p').nth(3).waitFor();
    const back = page.locator('.back-button');
    expect((await back.textContent())?.trim()).toBe('← Notebook');
    expect(await back.getAttribute('title')).toMatch(/^Back to the notebook/);
    await back.click();
    await page.getByRole('heading', { name: /^Notebook/ }).waitFor();

    await openDocument(page);
    expect((await back.textContent())?.trim()).toBe('← Library');
    expect(await back.getAttribute('title')).toMatch(/^Back to the library/);
    await back.click();
    await page.locator('.document-row').first().waitFor();
  });

  it('forced colours (high contrast): every highlight colour keeps a line of its own shape, swatches keep their colours and a legend', async () => {
    await openDocument(page);
    const words = ['Thought Front', 'Islamic State', 'substantial', 'terrorist attacks', 'Facebook', 'Mosul'];
    for (const [i, word] of words.entries()) {
      await selectText(page, word);
      // Earlier tests left highlights here: wait for this one, not for any.
      const before = await page.locator('.document-body mark.highlight').count();
      await page.keyboard.press(String(i + 1));
      await poll(() => page.locator('.document-body mark.highlight').count()).toBe(before + 1);
      await poll(() => focused(page)).toMatchObject({ inEditor: true }); // then the next, as a user would
    }
    await page.locator('.reader-title').focus();
    await page.emulateMedia({ forcedColors: 'active' });
    try {
      const lines = await page.evaluate(() =>
        ['yellow', 'green', 'blue', 'pink', 'purple', 'orange'].map((color) => {
          // An unselected one where there is one (the selected takes the system's selection colours).
          const mark = (document.querySelector(`.document-body mark.highlight-${color}:not(.selected)`) ?? document.querySelector(`.document-body mark.highlight-${color}`))!;
          const style = getComputedStyle(mark);
          return `${style.textDecorationLine} ${style.textDecorationStyle}`;
        }),
      );
      expect(new Set(lines).size).toBe(6);
      await page.locator('.document-body mark.highlight-blue').first().scrollIntoViewIfNeeded();
      await shot(page, 'forced-colours-reader');
      await page.locator('.document-body mark.highlight-pink').first().click();
      const swatches = await page.locator('.highlight-editor .swatch').evaluateAll((els) =>
        els.map((el) => ({
          adjust: getComputedStyle(el).forcedColorAdjust,
          background: getComputedStyle(el).backgroundColor,
          legend: getComputedStyle(el, '::after').content,
          line: getComputedStyle(el, '::after').textDecorationStyle,
          name: el.getAttribute('aria-label'),
        })),
      );
      expect(swatches.map((s) => s.name)).toEqual(['Yellow', 'Green', 'Blue', 'Pink', 'Purple', 'Orange']);
      expect(new Set(swatches.map((s) => s.background)).size).toBe(6);
      expect(swatches.every((s) => s.adjust === 'none' && s.legend === '"ab"')).toBe(true);
      await shot(page, 'forced-colours-editor');
    } finally {
      await page.emulateMedia({ forcedColors: 'none' });
    }
  });
});
