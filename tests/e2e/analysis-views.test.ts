import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCorpus } from '../../electron/node/corpus/build-corpus';
import { ServiceError } from '../../electron/node/services/service-error';
import { ROOT } from '../harness/paths';
import { launchHarness, openApp, sendCommand, type Harness } from '../harness/renderer-harness';

const poll = expect.poll;
const SHOTS = path.join(ROOT, 'test-results');

/**
 * Six dated dispatches on drones and prisons, and one undated Arabic note: "drone" is counted by
 * hand in each (occurrences, words), so the chart and its table can be checked against them.
 */
const DISPATCHES: Record<string, string> = {
  'd1.md': '---\ntitle: Drones over the river\ndate: 2015-04-02\n---\n\nA drone crossed the river. The drone came back at night.\n\nThe river rose.',
  'd2.md': '---\ntitle: The prison riot\ndate: 2015-09-10\n---\n\nGuards held the prison yard after the riot. Inmates were moved at dawn.',
  'd3.md': '---\ntitle: Drones and the prison\ndate: 2016-01-15\n---\n\nA drone filmed the prison. Another drone followed, then a third drone.',
  'd4.md': '---\ntitle: Prison guards speak\ndate: 2016-06-30\n---\n\nThe prison guards spoke of the yard, the cells and the long nights.',
  'd5.md': '---\ntitle: River barges\ndate: 2017-03-03\n---\n\nBarges on the river carried grain; one drone watched the river bank.',
  'd6.md': '---\ntitle: Drone footage released\ndate: 2017-08-08\n---\n\nThe media office released drone footage of the river and the prison.',
  'd7.md': '---\ntitle: مذكرة\n---\n\nحلقت طائرة مسيرة فوق النهر في الليل.',
};

describe('word list, distribution chart and related documents in the app', () => {
  let dir: string;
  let harness: Harness;
  let exported: string | undefined;

  beforeAll(async () => {
    fs.mkdirSync(SHOTS, { recursive: true });
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'carrel-analysis-views-'));
    fs.mkdirSync(path.join(dir, 'sources'));
    for (const [name, body] of Object.entries(DISPATCHES)) fs.writeFileSync(path.join(dir, 'sources', name), body);
    const corpusFile = path.join(dir, 'dispatches.sqlite');
    buildCorpus({ sourcesDir: path.join(dir, 'sources'), outFile: corpusFile, title: 'Dispatches' });
    harness = await launchHarness({ corpusFile, fileDialogs: { chooseSaveFile: async () => exported, chooseOpenFile: async () => undefined } });
    await openApp(harness);
    await harness.page.locator('.document-row').first().waitFor();
  });
  afterAll(async () => {
    await harness?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('exports the concordance shown as CSV through the save dialog', async () => {
    const { page } = harness;
    await page.getByRole('button', { name: 'Analysis' }).click();
    await page.getByLabel('Word, phrase or query').fill('drone');
    await page.keyboard.press('Enter');
    await poll(() => page.locator('.analysis-count').textContent()).toBe('7 lines in 4 documents');
    exported = path.join(dir, 'drone.csv');
    await page.getByRole('button', { name: 'Export CSV…' }).click();
    await poll(() => page.locator('.analysis-status').textContent()).toBe(`Saved 7 lines to ${exported}.`);
    const csv = fs.readFileSync(exported, 'utf8');
    expect(csv.startsWith('\uFEFFdocument,title,paragraph,left,keyword,right,start,end\r\n')).toBe(true);
    expect(csv.trimEnd().split('\r\n')).toHaveLength(8);
    // Cancelled: nothing said, nothing written.
    exported = undefined;
    await page.getByRole('button', { name: 'Export CSV…' }).click();
    expect(fs.readdirSync(dir).filter((f) => f.endsWith('.csv'))).toEqual(['drone.csv']);
  });

  it('lists words and n-grams by keyboard, hides function words, sorts, and opens a concordance', async () => {
    const { page } = harness;
    const tab = page.getByRole('tab', { name: 'Concordance' });
    await tab.focus();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await poll(() => page.getByRole('tab', { name: 'Word list' }).getAttribute('aria-selected')).toBe('true');
    const count = page.locator('.word-list-count');
    await poll(() => count.textContent()).toMatch(/in 7 documents, function words hidden$/);
    const first = page.locator('.word-line[data-index="0"] .word-open');
    await poll(() => first.locator('.word-words').textContent()).toBe('drone');
    expect(await first.locator('.word-count').textContent()).toBe('7');
    expect(await first.locator('.word-docs').textContent()).toBe('4');
    const words = await page.locator('.word-words').allTextContents();
    expect(words).not.toContain('the');
    await page.screenshot({ path: path.join(SHOTS, 'analysis-word-list.png') });

    // Function words on, then trigrams sorted by word.
    await page.getByLabel('Hide function words (the, of, في, من…)').uncheck();
    await poll(() => first.locator('.word-words').textContent()).toBe('the');
    await page.getByLabel('Count', { exact: false }).and(page.locator('select')).selectOption('2');
    await poll(() => count.textContent()).toMatch(/distinct 2-grams/);
    expect(await page.locator('.word-words').allTextContents()).not.toContain('rose a');
    await page.getByLabel('Sort by').selectOption('word');
    await poll(() => first.locator('.word-words').textContent()).toBe('a drone');

    // Only one document counted.
    await page.getByText('All documents').click();
    await page.getByLabel('Drones and the prison').check();
    await poll(() => count.textContent()).toMatch(/in 1 document$/);
    await poll(() => first.locator('.word-words').textContent()).toBe('a drone');
    expect(await first.locator('.word-count').textContent()).toBe('1');

    // The keyboard walks the rows; Enter opens the concordance of the phrase.
    await first.focus();
    await page.keyboard.press('End');
    await poll(() => page.evaluate(() => document.activeElement?.closest('[data-index]')?.getAttribute('data-index'))).not.toBe('0');
    await page.keyboard.press('Home');
    await poll(() => page.evaluate(() => document.activeElement?.closest('[data-index]')?.getAttribute('data-index'))).toBe('0');
    await page.keyboard.press('Enter');
    await poll(() => page.getByRole('tab', { name: 'Concordance' }).getAttribute('aria-selected')).toBe('true');
    expect(await page.getByLabel('Word, phrase or query').inputValue()).toBe('"a drone"');
    await poll(() => page.locator('.analysis-count').textContent()).toBe('2 lines in 2 documents');
  });

  it('draws the distribution per document with the figures of its table, and over time', async () => {
    const { page } = harness;
    await page.getByLabel('Word, phrase or query').fill('drone');
    await page.keyboard.press('Enter');
    await page.getByRole('tab', { name: 'Distribution' }).click();
    const bars = page.locator('.chart-bar');
    await poll(() => bars.count()).toBe(7);
    await poll(() => page.locator('.distribution-count').textContent()).toBe('7 occurrences of drone');
    // Hand counts: d1 2 in 14 words, d3 3 in 12, d5 1 in 12, d6 1 in 12, d2, d4, d7 none.
    const table = await page.locator('.distribution-table tbody tr').evaluateAll((rows) => rows.map((r) => [...r.children].map((c) => c.textContent)));
    expect(table).toEqual([
      ['Drones over the river', '2015-04-02', '14', '2', '1,428.57'],
      ['The prison riot', '2015-09-10', '13', '0', '0'],
      ['Drones and the prison', '2016-01-15', '12', '3', '2,500'],
      ['Prison guards speak', '2016-06-30', '13', '0', '0'],
      ['River barges', '2017-03-03', '12', '1', '833.33'],
      ['Drone footage released', '2017-08-08', '12', '1', '833.33'],
      ['مذكرة', '—', '7', '0', '0'],
    ]);
    // Each bar says the figure of its row, and its length is in proportion to it.
    const drawn = await bars.evaluateAll((gs) => gs.map((g) => [g.getAttribute('aria-label'), Number(g.querySelector('.chart-bar-fill')!.getAttribute('width'))] as const));
    drawn.forEach(([label, width], i) => {
      expect(label).toContain(`${table[i]![0]}: ${table[i]![4]} per 10,000 words (${table[i]![3]} in ${table[i]![2]} words)`);
      const value = Number(table[i]![4]!.replace(/,/g, ''));
      expect(width / drawn[2]![1]).toBeCloseTo(value / 2500, 2);
    });
    const periods = await page.locator('.period-table tbody tr').evaluateAll((rows) => rows.map((r) => [...r.children].map((c) => c.textContent)));
    expect(periods).toEqual([
      ['2015', '2', '27', '2', '740.74'],
      ['2016', '2', '25', '3', '1,200'],
      ['2017', '2', '24', '2', '833.33'],
    ]);
    expect(await page.locator('.chart-point').count()).toBe(3);
    for (const theme of ['light', 'dark', 'sepia'] as const) {
      await sendCommand(harness, `theme-${theme}`);
      await poll(() => page.evaluate(() => document.documentElement.dataset.theme)).toBe(theme);
      await page.locator('.chart-frame').first().screenshot({ path: path.join(SHOTS, `analysis-chart-${theme}.png`) });
    }
    const fills = await page.locator('.chart-bar-fill').first().evaluate((el) => getComputedStyle(el).fill);
    await sendCommand(harness, 'theme-dark');
    await poll(() => page.locator('.chart-bar-fill').first().evaluate((el) => getComputedStyle(el).fill)).not.toBe(fills);
    await page.screenshot({ path: path.join(SHOTS, 'analysis-distribution-dark.png'), fullPage: true });
    await sendCommand(harness, 'theme-light');
  });

  it('opens the concordance of the term in a document from its bar, by keyboard', async () => {
    const { page } = harness;
    // One Tab stop for the chart; the arrows walk its bars.
    expect(await page.locator('.chart-bar[tabindex="0"]').count()).toBe(1);
    await page.locator('.chart-bar').first().focus();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-document'))).toBe('d3');
    await page.keyboard.press('Enter');
    await poll(() => page.getByRole('tab', { name: 'Concordance' }).getAttribute('aria-selected')).toBe('true');
    await poll(() => page.locator('.analysis-count').textContent()).toBe('3 lines');
    expect(await page.getByLabel('Document').inputValue()).toBe('d3');
    expect(new Set(await page.locator('.kwic-title').allTextContents())).toEqual(new Set(['Drones and the prison']));
  });

  it('lists related documents beside the reader; one opens by keyboard', async () => {
    const { page } = harness;
    await page.getByRole('button', { name: 'Library', exact: true }).click();
    await page.locator('.document-open', { hasText: 'Prison guards speak' }).click();
    await poll(() => page.locator('.reader-title').textContent()).toBe('Prison guards speak');
    const related = page.locator('.related-list .related-open');
    await related.first().waitFor();
    // The other prison dispatch shares yard and guards: it comes first.
    expect(await related.first().locator('.related-title').textContent()).toBe('The prison riot');
    expect(await related.allTextContents()).not.toContain(expect.stringContaining('Prison guards speak'));
    await page.screenshot({ path: path.join(SHOTS, 'reader-related.png') });
    await related.first().focus();
    await page.keyboard.press('Enter');
    await poll(() => page.locator('.reader-title').textContent()).toBe('The prison riot');
  });

  it('shows how far a long word list has got, and cancels it by keyboard, with Count again', async () => {
    const { page, services } = harness;
    // The count's own progress and cancelling are tested on the real service (word-list.test.ts);
    // here a count held open by the test shows what the window does while one runs.
    const real = { wordList: services.wordList, wordListProgress: services.wordListProgress, cancelWordList: services.cancelWordList };
    const calls: string[] = [];
    let reject: ((error: unknown) => void) | undefined;
    services.wordList = (input) => {
      calls.push(`wordList ${JSON.stringify(input)}`);
      return new Promise((_, no) => (reject = no));
    };
    services.wordListProgress = () => ({ running: reject !== undefined, documentsDone: 64, documentsTotal: 200 });
    services.cancelWordList = () => {
      calls.push('cancelWordList');
      reject?.(new ServiceError('cancelled', 'The word list was cancelled before it was counted. Count it again when you need it.'));
      reject = undefined;
      return { cancelled: true };
    };
    try {
      await page.getByRole('button', { name: 'Analysis' }).click();
      await page.getByRole('tab', { name: 'Word list' }).click();
      await page.getByLabel('Count', { exact: false }).and(page.locator('select')).selectOption('3');
      await poll(() => page.locator('.word-list-progress [role="status"]').textContent()).toBe('Counting the words… 64 of 200 documents');
      expect(await page.getByLabel('Word list progress').evaluate((el) => [(el as HTMLProgressElement).value, (el as HTMLProgressElement).max])).toEqual([64, 200]);
      // The list counted last stays in view meanwhile, named as what it is (words), not as the trigrams asked for.
      await poll(() => page.locator('.word-list-count').textContent()).toMatch(/^\d+ distinct words,/);
      await page.screenshot({ path: path.join(SHOTS, 'analysis-word-list-progress.png') });
      const cancel = page.locator('.word-list-progress').getByRole('button', { name: 'Cancel' });
      await cancel.focus();
      await page.keyboard.press('Enter');
      await poll(() => page.locator('.word-list-cancelled [role="status"]').textContent()).toBe('The word list was cancelled before it was counted. Count it again when you need it.');
      expect(await page.locator('.word-list-progress').count()).toBe(0);
      expect(calls.filter((c) => c === 'cancelWordList')).toHaveLength(1);
      Object.assign(services, real);
      await page.locator('.word-list-cancelled').getByRole('button', { name: 'Count again' }).click();
      await poll(() => page.locator('.word-list-count').textContent()).toMatch(/distinct 3-grams/);
      expect(await page.locator('.word-list-cancelled').count()).toBe(0);
    } finally {
      Object.assign(services, real);
    }
  });

  it('made no request outside the app and logged no error', () => {
    expect(harness.foreignRequests).toEqual([]);
    expect(harness.cspViolations).toEqual([]);
    expect(harness.pageErrors).toEqual([]);
  });
});
