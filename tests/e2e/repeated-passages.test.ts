import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCorpus } from '../../electron/node/corpus/build-corpus';
import { ROOT } from '../harness/paths';
import { launchHarness, openApp, type Harness } from '../harness/renderer-harness';

const poll = expect.poll;
const SHOTS = path.join(ROOT, 'test-results');

const HARBOUR =
  'The harbour authority reopened the northern pier on Tuesday after three months of repairs to the sea wall, and the first ferry from the islands docked shortly before noon with about two hundred passengers and a cargo of fresh fish for the market.';
// The same dispatch as another desk printed it: three words changed.
const HARBOUR_COPY =
  'The port authority reopened the northern pier on Tuesday after three months of repairs to the sea wall, and the first ferry from the islands arrived shortly before noon with about two hundred passengers and a cargo of fresh fish for the traders.';
const CAPTION = 'Volunteers fill sandbags by the river in the early morning';

const SOURCES: Record<string, string> = {
  'a-harbour.md': `---\ntitle: The harbour reopens\n---\n\n${HARBOUR}\n\nThe orchestra will perform the complete symphonies of the composer over six evenings in the spring.\n`,
  'b-coast.md': `---\ntitle: News from the coast\n---\n\nHeavy rain flooded the lower streets of the old town overnight, cutting power to several hundred homes.\n\n${CAPTION}\n\n${HARBOUR_COPY}\n\n${CAPTION}\n`,
  'c-maps.md': '---\ntitle: Maps of the caravan road\n---\n\nA small museum in the mountains has put on show a collection of hand-drawn maps made by travelling merchants.\n',
};

describe('repeated passages in the app', () => {
  let dir: string;
  let harness: Harness;

  beforeAll(async () => {
    fs.mkdirSync(SHOTS, { recursive: true });
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'carrel-repeated-e2e-'));
    fs.mkdirSync(path.join(dir, 'sources'));
    for (const [name, body] of Object.entries(SOURCES)) fs.writeFileSync(path.join(dir, 'sources', name), body);
    const corpusFile = path.join(dir, 'coast.sqlite');
    buildCorpus({ sourcesDir: path.join(dir, 'sources'), outFile: corpusFile, title: 'Coast' });
    harness = await launchHarness({ corpusFile });
    await openApp(harness);
    await harness.page.locator('.document-row').first().waitFor();
  });
  afterAll(async () => {
    await harness?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('marks a paragraph that stands elsewhere; by keyboard the mark says where and how alike, and opens the other passage', async () => {
    const { page } = harness;
    await page.getByRole('button', { name: 'News from the coast' }).click();
    await page.getByRole('heading', { level: 1, name: 'News from the coast' }).waitFor();
    // The caption twice and the copied dispatch: three marks; the unique paragraph has none.
    const marks = page.locator('.repeat-mark');
    await poll(() => marks.count()).toBe(3);
    const copyMark = page.locator('.repeat-mark[data-paragraph="3"]');
    expect(await copyMark.getAttribute('aria-label')).toBe('Also in 1 other place');
    expect(await page.locator('.repeat-mark[data-paragraph="3"] + p').textContent()).toBe(HARBOUR_COPY);
    await copyMark.focus();
    await page.keyboard.press('Enter');
    const places = page.getByRole('group', { name: 'Also in' });
    await places.waitFor();
    expect(await copyMark.getAttribute('aria-expanded')).toBe('true');
    const place = places.getByRole('button');
    await poll(() => place.textContent()).toMatch(/^The harbour reopens \(¶ 1\) — \d\d % similar$/);
    const similar = Number(/(\d\d) %/.exec((await place.textContent())!)![1]);
    expect(similar).toBeGreaterThan(50);
    expect(similar).toBeLessThan(100);
    await page.screenshot({ path: path.join(SHOTS, 'repeated-also-in.png') });
    // Escape closes the list, the mark keeps the focus.
    await page.keyboard.press('Escape');
    await poll(() => places.count()).toBe(0);
    await poll(() => page.evaluate(() => document.activeElement?.className)).toBe('repeat-mark');

    // The caption's other place is in this document: "this document", 100 %, and opening it moves there.
    const captionMark = marks.first();
    await captionMark.focus();
    await page.keyboard.press('Enter');
    await poll(() => places.getByRole('button').textContent()).toBe('this document (¶ 4) — 100 % similar');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await poll(() => page.evaluate(() => (document.activeElement as HTMLElement | null)?.textContent)).toBe(CAPTION);

    // The copy's original, in the other document, opens there.
    await copyMark.focus();
    await page.keyboard.press('Enter');
    await places.getByRole('button').click();
    await page.getByRole('heading', { level: 1, name: 'The harbour reopens' }).waitFor();
    // Scrolled to and flashed.
    await poll(() => page.locator('.document-body mark.flash').first().textContent()).toBe(HARBOUR);
    expect(await page.locator('.repeat-mark').count()).toBe(1);
  });

  it('lists the repeated passages in a tab of the analysis, by keyboard, each place opening its passage', async () => {
    const { page } = harness;
    await page.getByRole('button', { name: 'Analysis' }).click();
    await page.getByRole('tab', { name: 'Concordance' }).focus();
    // The last tab is Entities; Repeated passages stands just before it.
    await page.keyboard.press('End');
    await page.keyboard.press('ArrowLeft');
    await poll(() => page.getByRole('tab', { name: 'Repeated passages' }).getAttribute('aria-selected')).toBe('true');
    await poll(() => page.locator('.repeated-count').textContent()).toBe('2 passages of 8 words or more stand in more than one place');
    const groups = page.locator('.repeated-group');
    await poll(() => groups.count()).toBe(2);
    // Sorted by places: each group has two; the exact caption (100 %) before the edited copy.
    expect(await groups.nth(0).locator('.repeated-summary').textContent()).toBe('2 places in 1 document · word for word');
    expect(await groups.nth(0).locator('.repeated-place').allTextContents()).toEqual(['News from the coast (¶ 2) — 100 %', 'News from the coast (¶ 4) — 100 %']);
    expect(await groups.nth(1).locator('.repeated-summary').textContent()).toMatch(/^2 places in 2 documents · \d\d % alike or more$/);
    const preview = (await groups.nth(1).locator('.repeated-preview').textContent())!;
    expect(preview.endsWith(' …')).toBe(true);
    expect(HARBOUR.startsWith(preview.slice(0, -2))).toBe(true);
    await page.screenshot({ path: path.join(SHOTS, 'repeated-passages.png') });
    // Longer passages only: the caption (10 words) goes.
    await page.getByLabel('Passages of').selectOption('15');
    await poll(() => page.locator('.repeated-count').textContent()).toBe('1 passage of 15 words or more stands in more than one place');
    const copy = groups.first().locator('.repeated-place').nth(1);
    await poll(() => copy.textContent()).toMatch(/^News from the coast \(¶ 3\) — \d\d %$/);
    await copy.focus();
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'News from the coast' }).waitFor();
    await poll(() => page.locator('.document-body mark.flash').first().textContent()).toBe(HARBOUR_COPY);
  });
});
