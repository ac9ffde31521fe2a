import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCorpus } from '../../electron/node/corpus/build-corpus';
import { ROOT } from '../harness/paths';
import { launchHarness, openApp, type Harness } from '../harness/renderer-harness';

const SHOTS = path.join(ROOT, 'test-results');
const NAME = 'عبد الرحمن بن خلدون';
const ARABIC_TITLE = 'مقدمة ابن خلدون';

const MIXED = `---
title: "Letters of ${NAME}"
author: "ابن خلدون"
source: "Thought Front"
language: en
---
The historian ${NAME} wrote the Muqaddimah in 1377, far from Tunis.

قال ابن خلدون إن التاريخ في ظاهره لا يزيد على أخبار عن الأيام والدول.

A second English paragraph, about the Muqaddimah and its readers.
`;

const ARABIC = `${ARABIC_TITLE}

اعلم أن فن التاريخ فن عزيز المذهب جم الفوائد شريف الغاية، ذكره ${'Ibn Khaldun'} في المقدمة.
`;

/** Where each character of `text` inside the paragraph `p` is drawn, left to right on screen. */
function charBoxes(page: Page, paragraph: number, text: string) {
  return page.locator('.document-body p').nth(paragraph).evaluate((p, text) => {
    const walker = document.createTreeWalker(p, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = node.nodeValue!.indexOf(text);
      if (at < 0) continue;
      return [...text].map((_, i) => {
        const range = document.createRange();
        range.setStart(node, at + i);
        range.setEnd(node, at + i + 1);
        const r = range.getBoundingClientRect();
        return { left: r.left, top: r.top };
      });
    }
    return null;
  }, text);
}

const direction = (page: Page, selector: string, nth = 0) => page.locator(selector).nth(nth).evaluate((el) => getComputedStyle(el).direction);

describe('left-to-right and right-to-left text, paragraph by paragraph and inline', () => {
  let harness: Harness;
  let page: Page;
  let dir: string;

  beforeAll(async () => {
    fs.mkdirSync(SHOTS, { recursive: true });
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'carrel-mixed-'));
    const sources = path.join(dir, 'sources');
    fs.mkdirSync(sources);
    fs.writeFileSync(path.join(sources, 'letters.md'), MIXED);
    fs.writeFileSync(path.join(sources, 'muqaddimah.txt'), ARABIC);
    buildCorpus({ sourcesDir: sources, outFile: path.join(dir, 'mixed.sqlite'), title: 'Mixed scripts' });
    harness = await launchHarness({ corpusFile: path.join(dir, 'mixed.sqlite') });
    page = harness.page;
    await openApp(harness);
    await page.locator('.document-row').nth(1).waitFor();
  });

  afterAll(async () => {
    await harness?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('sets each title in the library in its own direction', async () => {
    const titles = page.locator('.document-title');
    expect(await titles.allTextContents()).toEqual([`Letters of ${NAME}`, ARABIC_TITLE]);
    expect(await titles.evaluateAll((els) => els.map((el) => [el.getAttribute('dir'), getComputedStyle(el).direction]))).toEqual([
      ['auto', 'ltr'],
      ['auto', 'rtl'],
    ]);
    await page.screenshot({ path: path.join(SHOTS, 'mixed-library.png') });
  });

  it('in the reader, each paragraph takes its own direction, and an Arabic name inside English reads right to left in place', async () => {
    await page.getByRole('button', { name: /Letters of/ }).click();
    await page.locator('.document-body p').nth(2).waitFor();
    const paragraphs = await page.locator('.document-body p').evaluateAll((ps) => ps.map((p) => [p.getAttribute('dir'), getComputedStyle(p).direction, getComputedStyle(p).textAlign]));
    expect(paragraphs).toEqual([
      ['auto', 'ltr', 'start'],
      ['auto', 'rtl', 'right'],
      ['auto', 'ltr', 'start'],
    ]);
    expect(await direction(page, '.reader-title')).toBe('ltr');

    // The English paragraph starts at the left; the name sits between "historian" and "wrote",
    // its first letter at its right end (a right-to-left run inside a left-to-right line).
    const name = (await charBoxes(page, 0, NAME))!;
    const before = (await charBoxes(page, 0, 'historian'))!;
    const after = (await charBoxes(page, 0, 'wrote'))!;
    expect(name.every((c) => c.top === name[0]!.top)).toBe(true);
    expect(name[0]!.left).toBeGreaterThan(name[name.length - 1]!.left);
    const nameLeft = Math.min(...name.map((c) => c.left));
    const nameRight = Math.max(...name.map((c) => c.left));
    expect(before[before.length - 1]!.left).toBeLessThan(nameLeft);
    expect(after[0]!.left).toBeGreaterThan(nameRight);
    // The bundled Arabic face draws it.
    await expect.poll(() => page.evaluate(() => [...document.fonts].some((f) => f.family.replace(/"/g, '') === 'Noto Naskh Arabic' && f.status === 'loaded'))).toBe(true);

    // Source and author each keep their own direction in the line under the title.
    expect(await page.locator('.reader-meta bdi').allTextContents()).toEqual(['Thought Front', 'ابن خلدون']);
    expect(await page.locator('.reader-meta bdi').nth(1).evaluate((el) => getComputedStyle(el).unicodeBidi)).toBe('isolate');
    await page.screenshot({ path: path.join(SHOTS, 'mixed-reader.png') });
  });

  it('keeps directions in a note, the highlight list and the notebook', async () => {
    // Highlight the Arabic paragraph's first words and write an Arabic note with an English word.
    await page.locator('.document-body p').nth(1).evaluate((p) => {
      const node = p.querySelector('[data-offset]')!.firstChild!;
      const range = document.createRange();
      range.setStart(node, 0);
      range.setEnd(node, 'قال ابن خلدون'.length);
      document.getSelection()!.removeAllRanges();
      document.getSelection()!.addRange(range);
    });
    await page.locator('.selection-toolbar').waitFor();
    await page.keyboard.press('2');
    const field = page.locator('.highlight-editor textarea');
    await field.waitFor();
    expect(await field.getAttribute('dir')).toBe('auto');
    await field.click();
    await field.pressSequentially('ملاحظة عن Tunis في النص', { delay: 5 });
    await expect.poll(() => page.locator('.highlight-editor .save-status').textContent()).toBe('Saved');
    expect(await direction(page, '.highlight-editor textarea')).toBe('rtl');
    expect(await direction(page, '.highlight-editor .quote')).toBe('rtl');
    expect(await direction(page, '.highlight-item-text')).toBe('rtl');

    await page.getByRole('button', { name: 'Notebook' }).click();
    await page.locator('.notebook-entry').first().waitFor();
    // The count stays after the title, not pulled into its Arabic end.
    const [titleRight, countLeft] = await page.locator('.notebook-group-title').evaluate((h) => {
      const count = h.querySelector('.count')!;
      const title = document.createRange();
      title.setStart(h, 0);
      title.setEndBefore(count);
      return [title.getBoundingClientRect().right, count.getBoundingClientRect().left];
    });
    expect(countLeft).toBeGreaterThan(titleRight!);
    expect(await direction(page, '.entry-quote')).toBe('rtl');
    const note = page.locator('.notebook-entry .markdown').first();
    expect(await note.textContent()).toContain('ملاحظة عن Tunis');
    expect(await note.locator('p').first().evaluate((el) => getComputedStyle(el).direction)).toBe('rtl');
    await page.screenshot({ path: path.join(SHOTS, 'mixed-notebook.png') });
  });

  it('sets search snippets and result titles in their own direction', async () => {
    await page.keyboard.press('Control+k');
    await page.getByRole('combobox', { name: 'Search the corpus' }).fill('خلدون');
    await page.locator('.search-result').nth(1).waitFor();
    const rows = await page.locator('.search-result').evaluateAll((options) =>
      options.map((o) => [o.querySelector('.search-result-title'), ...o.querySelectorAll('.search-snippet')].map((el) => [el!.textContent!.slice(0, 12), getComputedStyle(el!).direction])),
    );
    // Each result: its title, then its snippets, each in the direction of its own text.
    const rtl = /[\u0600-\u06ff]/;
    for (const row of rows) {
      for (const [text, dir] of row) expect(dir, text).toBe(rtl.test(text!.replace(/^[^\p{L}]+/u, '')[0] ?? '') ? 'rtl' : 'ltr');
    }
    expect(rows.flat().map(([, d]) => d)).toEqual(expect.arrayContaining(['rtl', 'ltr']));
    await page.screenshot({ path: path.join(SHOTS, 'mixed-search.png') });
    await page.keyboard.press('Escape');
  });
});
