import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCorpus } from '../../electron/node/corpus/build-corpus';
import { ROOT } from '../harness/paths';
import { launchHarness, openApp, type Harness } from '../harness/renderer-harness';

const poll = expect.poll;

/** Sixty reports, each naming the media office many times: 3,000 concordance lines. */
function writeReports(dir: string): void {
  fs.mkdirSync(dir, { recursive: true });
  for (let i = 0; i < 60; i++) {
    const sentences = Array.from({ length: 50 }, (_, k) => `Bulletin ${k} of the media office reached channel ${(i * 7 + k) % 13}.`);
    fs.writeFileSync(path.join(dir, `report-${String(i).padStart(2, '0')}.md`), `---\ntitle: Report ${i}\n---\n\n${sentences.join(' ')} Filed as report ${i}.\n\nنشرت وكالة أعماق بيان المكتب الإعلامي.\n`);
  }
}

describe('corpus analysis in the app', () => {
  let dir: string;
  let harness: Harness;

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'carrel-analysis-e2e-'));
    writeReports(path.join(dir, 'sources'));
    const corpusFile = path.join(dir, 'reports.sqlite');
    buildCorpus({ sourcesDir: path.join(dir, 'sources'), outFile: corpusFile, title: 'Reports' });
    harness = await launchHarness({ corpusFile });
    await openApp(harness);
    await harness.page.locator('.document-row').first().waitFor();
  });
  afterAll(async () => {
    await harness?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('shows every line of a concordance, virtualised, aligned on the keyword, and walks it by keyboard', async () => {
    const { page } = harness;
    await page.getByRole('button', { name: 'Analysis' }).click();
    await page.getByLabel('Word, phrase or query').fill('office');
    await page.keyboard.press('Enter');
    await poll(() => page.locator('.analysis-count').textContent()).toBe('3,000 lines in 60 documents');
    const lines = page.locator('.kwic-line .kwic-open');
    await lines.first().waitFor();
    // Only what is in view is in the page.
    expect(await page.locator('.kwic-line').count()).toBeLessThan(100);
    expect(await lines.first().locator('.kwic-keyword').textContent()).toBe('office');
    expect(await lines.first().locator('.kwic-left').textContent()).toBe('Bulletin 0 of the media');
    expect(await lines.first().locator('.kwic-right').textContent()).toBe('reached channel 0. Bulletin 1 of the media');
    // The keywords of all lines in view stand in one column.
    const lefts = await page.locator('.kwic-keyword').evaluateAll((marks) => marks.slice(0, 8).map((m) => Math.round(m.getBoundingClientRect().left)));
    expect(new Set(lefts).size).toBe(1);
    fs.mkdirSync(path.join(ROOT, 'test-results'), { recursive: true });
    await page.screenshot({ path: path.join(ROOT, 'test-results', 'analysis-concordance.png') });

    await lines.first().focus();
    await page.keyboard.press('End');
    await poll(() => page.evaluate(() => document.activeElement?.closest('[data-index]')?.getAttribute('data-index'))).toBe('2999');
    expect(await page.locator('.kwic-line[data-index="2999"] .kwic-title').textContent()).toBe('Report 59');
    await page.keyboard.press('ArrowUp');
    await poll(() => page.evaluate(() => document.activeElement?.closest('[data-index]')?.getAttribute('data-index'))).toBe('2998');
  });

  it('sorts by the word to the right and filters by document', async () => {
    const { page } = harness;
    await page.getByLabel('Sort by').selectOption('right1');
    await page.getByLabel('Document').selectOption({ label: 'Report 3 (50)' });
    await poll(() => page.locator('.analysis-count').textContent()).toBe('50 lines');
    await poll(() => page.locator('.kwic-line .kwic-title').first().textContent()).toBe('Report 3');
    const titles = await page.locator('.kwic-title').allTextContents();
    expect(new Set(titles)).toEqual(new Set(['Report 3']));
    await page.getByLabel('Document').selectOption('');
    await page.getByLabel('Sort by').selectOption('corpus');
    await poll(() => page.locator('.analysis-count').textContent()).toBe('3,000 lines in 60 documents');
  });

  it('highlights a line with H and opens its passage with Enter', async () => {
    const { page } = harness;
    const first = page.locator('.kwic-line[data-index="0"] .kwic-open');
    await first.waitFor({ timeout: 5000 });
    await first.focus({ timeout: 5000 });
    await page.keyboard.press('h');
    await poll(() => page.locator('.analysis-status').textContent()).toBe('Highlighted “office” in Report 0, paragraph 1.');
    const highlights = await harness.services.listHighlights({ documentId: 'report-00' });
    expect(highlights).toHaveLength(1);
    await page.keyboard.press('Enter');
    await poll(() => page.locator('.reader-title').textContent()).toBe('Report 0');
    await poll(() => page.locator('.document-body mark.highlight-yellow').count()).toBe(1);
    await page.screenshot({ path: path.join(ROOT, 'test-results', 'analysis-opened.png') });
  });

  it('lists collocates with their measures; a collocate opens the concordance of the pair', async () => {
    const { page } = harness;
    await page.getByRole('button', { name: 'Analysis' }).click();
    await page.getByLabel('Word, phrase or query').fill('office');
    await page.keyboard.press('Enter');
    await page.getByRole('tab', { name: 'Collocates' }).click();
    const table = page.locator('.collocates-table');
    await table.waitFor();
    await poll(() => table.locator('tbody tr').count()).toBeGreaterThan(3);
    const words = await table.locator('tbody th').allTextContents();
    expect(words).toContain('media');
    expect(words).not.toContain('the'); // function words are hidden by default
    const media = table.locator('tbody tr', { has: page.getByRole('button', { name: 'media', exact: true }) });
    expect(await media.locator('td').first().textContent()).toBe('3,000');
    await page.screenshot({ path: path.join(ROOT, 'test-results', 'analysis-collocates.png') });
    await page.getByRole('button', { name: 'media', exact: true }).click();
    await poll(() => page.getByRole('tab', { name: 'Concordance' }).getAttribute('aria-selected')).toBe('true');
    expect(await page.getByLabel('Word, phrase or query').inputValue()).toBe('office NEAR/5 media');
    await poll(() => page.locator('.analysis-count').textContent()).toMatch(/^6,000 lines/);
  });

  it('gives Arabic lines right to left', async () => {
    const { page } = harness;
    await page.getByLabel('Word, phrase or query').fill('اعماق');
    await page.keyboard.press('Enter');
    await poll(() => page.locator('.analysis-count').textContent()).toBe('60 lines in 60 documents');
    const line = page.locator('.kwic-line').first();
    expect(await line.getAttribute('dir')).toBe('rtl');
    expect(await line.locator('.kwic-keyword').textContent()).toBe('أعماق');
    const [keyword, left] = await Promise.all([line.locator('.kwic-keyword').boundingBox(), line.locator('.kwic-left').boundingBox()]);
    // What comes before the keyword stands to its right in Arabic.
    expect(left!.x).toBeGreaterThan(keyword!.x);
    await page.screenshot({ path: path.join(ROOT, 'test-results', 'analysis-arabic.png') });
  });

  it('made no request outside the app and logged no error', () => {
    expect(harness.foreignRequests).toEqual([]);
    expect(harness.cspViolations).toEqual([]);
    expect(harness.pageErrors).toEqual([]);
  });
});
