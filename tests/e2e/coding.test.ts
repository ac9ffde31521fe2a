import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUNDLED_CORPUS, ROOT } from '../harness/paths';
import { launchHarness, openApp, sendCommand, type Harness } from '../harness/renderer-harness';

const SHOTS = path.join(ROOT, 'test-results');
const DOC = /ISIS Admits It Is Losing/;

/** Selects `text` in the reader (inside one paragraph) as a user would. */
async function selectText(page: Page, text: string) {
  const found = await page.evaluate((text) => {
    for (const p of document.querySelectorAll('.document-body p')) {
      const walker = document.createTreeWalker(p, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const at = node.nodeValue?.indexOf(text) ?? -1;
        if (at < 0) continue;
        const range = document.createRange();
        range.setStart(node, at);
        range.setEnd(node, at + text.length);
        p.scrollIntoView({ block: 'center' });
        document.getSelection()!.removeAllRanges();
        document.getSelection()!.addRange(range);
        return range.toString();
      }
    }
    return null;
  }, text);
  expect(found).toBe(text);
  await page.locator('.selection-toolbar').waitFor();
}

/** A phrase of the document, as written there (case and all). */
async function phrase(page: Page, pattern: RegExp): Promise<string> {
  const text = (await page.locator('.document-body p').allTextContents()).join('\n');
  const hit = text.match(pattern)?.[0];
  expect(hit).toBeTruthy();
  return hit!;
}

const tree = (page: Page) => page.getByRole('tree', { name: /Codes/ });
const item = (page: Page, name: string) => tree(page).getByRole('treeitem', { name: new RegExp(`^${name}\\b`) });

describe('qualitative coding: the codebook, coding in the reader, coded passages and the matrix', () => {
  let harness: Harness;
  let page: Page;
  let dir: string;
  let saveAs: string | undefined;

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'carrel-coding-e2e-'));
    fs.mkdirSync(SHOTS, { recursive: true });
    harness = await launchHarness({ corpusFile: BUNDLED_CORPUS, fileDialogs: { chooseSaveFile: async () => saveAs, chooseOpenFile: async () => undefined } });
    page = harness.page;
    await openApp(harness);
    await page.locator('.document-row').first().waitFor();
  }, 60_000);

  afterAll(async () => {
    await harness?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('creates codes, nests one under another by keyboard, and renames it with F2', async () => {
    await page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: 'Codebook' }).click();
    await page.getByRole('heading', { level: 1, name: 'Codebook' }).waitFor();
    for (const name of ['Recruitment', 'Women', '=Victory']) {
      await page.getByLabel('New code').fill(name);
      await page.getByLabel('New code').press('Enter');
      await item(page, name === '=Victory' ? '=Victory' : name).waitFor();
    }
    // Women goes under Recruitment (the code above it) with Alt+Right.
    await item(page, 'Women').click();
    await page.keyboard.press('Alt+ArrowRight');
    await expect.poll(() => item(page, 'Women').getAttribute('aria-level')).toBe('2');
    await expect.poll(() => item(page, 'Recruitment').getAttribute('aria-expanded')).toBe('true');
    // Left on the parent closes it; Right opens it again.
    await item(page, 'Recruitment').focus();
    await page.keyboard.press('ArrowLeft');
    await expect.poll(() => item(page, 'Women').count()).toBe(0);
    await page.keyboard.press('ArrowRight');
    await item(page, 'Women').waitFor();
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toMatch(/^Women/);
    await page.keyboard.press('F2');
    await expect.poll(() => page.evaluate(() => (document.activeElement as HTMLInputElement).value)).toBe('Women');
    await page.keyboard.press('Control+a');
    await page.keyboard.type('Women recruiters');
    await page.keyboard.press('Enter');
    await item(page, 'Women recruiters').waitFor();
    await page.getByLabel('Memo (your thinking about this code)').fill('Appeals aimed at women, by women.');
    await page.getByRole('button', { name: 'Save description and memo' }).click();
    await expect.poll(() => page.getByRole('button', { name: 'Save description and memo' }).isDisabled()).toBe(true);
    await page.screenshot({ path: path.join(SHOTS, 'coding-codebook.png') });
  });

  it('codes a fresh selection and a highlight through the code palette by keyboard only, and shows the codes in the margin', async () => {
    await page.getByRole('button', { name: 'Library', exact: true }).click();
    await page.getByRole('button', { name: DOC }).click();
    await page.locator('.document-body p').nth(3).waitFor();
    const first = await phrase(page, /propaganda/i);
    await selectText(page, first);
    await page.keyboard.press('c');
    // Once coded, the selection is a highlight: the palette then says so.
    const palette = page.getByRole('dialog', { name: /^Codes for the (selection|highlight)/ });
    await palette.waitFor();
    await page.keyboard.type('recruiters');
    await page.keyboard.press('Shift+Enter');
    await palette.getByRole('option', { name: /Women recruiters/, checked: true }).waitFor();
    await page.keyboard.type('victory');
    await page.keyboard.press('Enter');
    await palette.waitFor({ state: 'detached' });
    const margin = page.locator('.margin-marks .margin-mark');
    await margin.filter({ hasText: '=Victory' }).waitFor();
    expect(await margin.allTextContents()).toEqual(['Women recruiters', '=Victory']);
    await page.screenshot({ path: path.join(SHOTS, 'coding-reader-margin.png') });

    // An existing highlight: select it, C opens the palette for it.
    const second = await phrase(page, /fighters/i);
    await selectText(page, second);
    await page.keyboard.press('1');
    await page.locator('.highlight-editor').waitFor();
    await page.locator('.highlight-editor blockquote').getByText(second).waitFor();
    await page.locator('.highlight-editor').focus();
    await page.keyboard.press('c');
    const forHighlight = page.getByRole('dialog', { name: /Codes for the highlight/ });
    await forHighlight.waitFor();
    await page.screenshot({ path: path.join(SHOTS, 'coding-palette.png') });
    await page.keyboard.type('Recruitment');
    await page.keyboard.press('Enter');
    await forHighlight.waitFor({ state: 'detached' });
    await page.locator('.highlight-codes .code-chip').filter({ hasText: 'Recruitment' }).waitFor();
    await margin.filter({ hasText: 'Recruitment' }).waitFor();
    // A new name makes a code from the palette; the chip's button removes a code from the passage.
    await page.keyboard.press('c');
    await forHighlight.waitFor();
    await page.keyboard.type('Martyrdom');
    await forHighlight.getByRole('option', { name: /Create the code “Martyrdom”/ }).waitFor();
    await page.keyboard.press('Enter');
    await page.locator('.highlight-codes .code-chip').filter({ hasText: 'Martyrdom' }).waitFor();
    await page.getByRole('button', { name: 'Remove the code Martyrdom' }).click();
    await expect.poll(() => page.locator('.highlight-codes .code-chip').filter({ hasText: 'Martyrdom' }).count()).toBe(0);
  });

  it('lists a code’s passages, with its sub-codes on request, each opening in the reader', async () => {
    await sendCommand(harness, 'go-codebook');
    await item(page, 'Recruitment').click();
    await page.getByRole('button', { name: 'Coded passages (1)' }).click();
    await page.getByRole('heading', { level: 1, name: /Coded passages: Recruitment/ }).waitFor();
    const passages = page.getByRole('list', { name: 'Coded passages' }).locator('.passage');
    await expect.poll(() => passages.count()).toBe(1);
    await page.getByLabel('Include its sub-codes').check();
    await expect.poll(() => passages.count()).toBe(2);
    await expect.poll(() => passages.first().locator('.passage-title').textContent()).toMatch(DOC);
    await expect.poll(() => passages.first().locator('.passage-quote').textContent()).toMatch(/propaganda/i);
    expect(await passages.first().locator('.passage-text').textContent()).toMatch(/^….+propaganda.+…$/is);
    await page.screenshot({ path: path.join(SHOTS, 'coding-passages.png') });
    await passages.first().getByRole('button', { name: 'Open in the reader' }).click();
    await page.locator('.highlight-editor .highlight-codes').waitFor();
    await expect.poll(() => page.locator('.highlight-editor blockquote').textContent()).toMatch(/propaganda/i);
  });

  it('counts passages per code and document in the matrix, each cell opening exactly its passages', async () => {
    await page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: 'Codebook' }).click();
    await page.getByRole('button', { name: 'Code × document matrix' }).click();
    await page.getByRole('heading', { level: 1, name: 'Code × document matrix' }).waitFor();
    const cells = page.locator('.matrix-table button.heat-cell');
    await expect.poll(() => cells.count()).toBe(3);
    const matrix = await harness.services.getCodingMatrix(undefined);
    for (const label of await cells.evaluateAll((all) => all.map((b) => b.getAttribute('aria-label')!))) {
      const cell = page.getByRole('button', { name: label, exact: true });
      const count = Number(await cell.textContent());
      await cell.click();
      await page.getByRole('heading', { level: 1, name: /Coded passages/ }).waitFor();
      await expect.poll(() => page.getByRole('list', { name: 'Coded passages' }).locator('.passage').count()).toBe(count);
      await page.getByRole('button', { name: '← Back to the matrix' }).click();
      await page.getByRole('heading', { level: 1, name: 'Code × document matrix' }).waitFor();
    }
    expect(matrix.counts.reduce((n, c) => n + c.count, 0)).toBe(3);
    // The two codes on the first passage meet once.
    await expect.poll(() => page.locator('.cooccurrence-table tbody tr').allTextContents()).toEqual(['Recruitment / Women recruiters=Victory1']);
    await page.screenshot({ path: path.join(SHOTS, 'coding-matrix.png') });
  });

  it('exports the matrix, the co-occurrence table and all coded passages as CSV', async () => {
    const read = (file: string) => {
      const text = fs.readFileSync(file, 'utf8');
      expect(text.startsWith('\uFEFF')).toBe(true);
      return parse(text.slice(1)) as string[][];
    };
    saveAs = path.join(dir, 'matrix.csv');
    await page.getByRole('button', { name: 'Export the matrix (CSV)' }).click();
    await page.getByRole('status').filter({ hasText: /Saved 4 rows/ }).waitFor();
    const matrix = read(saveAs);
    expect(matrix[0]![0]).toBe('code');
    expect(matrix[0]![1]).toMatch(DOC);
    expect(matrix.slice(1).map((r) => [r[0], r.at(-1)])).toEqual([
      ['Recruitment', '1'],
      ['Recruitment / Women recruiters', '1'],
      ["'=Victory", '1'],
      ['Martyrdom', '0'],
    ]);
    saveAs = path.join(dir, 'cooccurrence.csv');
    await page.getByRole('button', { name: 'Export the co-occurrence table (CSV)' }).click();
    await page.getByRole('status').filter({ hasText: /Saved 1 rows/ }).waitFor();
    expect(read(saveAs)).toEqual([
      ['code_a', 'code_b', 'passages'],
      ['Recruitment / Women recruiters', "'=Victory", '1'],
    ]);
    saveAs = path.join(dir, 'passages.csv');
    await page.getByRole('button', { name: 'Export all coded passages (CSV)' }).click();
    await page.getByRole('status').filter({ hasText: /Saved 3 rows/ }).waitFor();
    const passages = read(saveAs);
    expect(passages[0]).toEqual(['document', 'document_title', 'start', 'end', 'text', 'code', 'code_path', 'passage_note', 'coded_at']);
    expect(passages.slice(1).map((r) => r[6]).sort()).toEqual(["'=Victory", 'Recruitment', 'Recruitment / Women recruiters']);
  });

  it('merges a code into another (its passages follow), deletes one, and undoes both', async () => {
    await page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: 'Codebook' }).click();
    await item(page, '=Victory').click();
    await page.getByLabel('Merge into').selectOption({ label: 'Recruitment' });
    await page.getByRole('button', { name: 'Merge', exact: true }).click();
    await page.getByRole('status').filter({ hasText: /Merged “=Victory” into “Recruitment”/ }).waitFor();
    await expect.poll(() => item(page, '=Victory').count()).toBe(0);
    await expect.poll(() => item(page, 'Recruitment').getAttribute('aria-label').catch(() => null)).toBe(null);
    await expect.poll(() => page.getByRole('button', { name: /^Coded passages/ }).textContent()).toBe('Coded passages (2)');
    await page.getByRole('button', { name: 'Undo' }).click();
    await item(page, '=Victory').waitFor();
    await item(page, 'Recruitment').click();
    await expect.poll(() => page.getByRole('button', { name: /^Coded passages/ }).textContent()).toBe('Coded passages (1)');

    // Delete (the key) takes the code with its sub-code; Undo brings both back with their codings.
    await item(page, 'Recruitment').focus();
    await page.keyboard.press('Delete');
    await page.getByRole('status').filter({ hasText: /Deleted the code “Recruitment”/ }).waitFor();
    await expect.poll(() => tree(page).getByRole('treeitem').count()).toBe(2);
    await page.getByRole('button', { name: 'Undo' }).click();
    await item(page, 'Women recruiters').waitFor();
    await item(page, 'Women recruiters').click();
    await expect.poll(() => page.getByRole('button', { name: /^Coded passages/ }).textContent()).toBe('Coded passages (1)');
    expect(harness.pageErrors).toEqual([]);
  });
});
