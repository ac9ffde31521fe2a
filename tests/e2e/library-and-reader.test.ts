import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchHarness, openApp, type Harness } from '../harness/renderer-harness';
import { BUNDLED_CORPUS, ROOT } from '../harness/paths';

const SEED_TITLES = [
  'ISIS has virtually abandoned notions of a ‘caliphate’',
  'Caliphate under the laws of the Internet',
  'ISIS Admits It Is Losing',
  'Terrorism, Isis launches a propaganda campaign on jihadists prisoners',
  'As ISIS Loses Territory, it Seeks to Survive Online',
];

describe('library and reader on the bundled corpus', () => {
  let harness: Harness;

  beforeAll(async () => {
    harness = await launchHarness({ corpusFile: BUNDLED_CORPUS });
    await openApp(harness);
  });

  afterAll(async () => {
    await harness?.close();
  });

  it('lists every document with its title, source, word count and reading time', async () => {
    const { page } = harness;
    const rows = page.locator('.document-row');
    await expect.poll(() => rows.count()).toBe(5);
    const titles = await page.locator('.document-title').allTextContents();
    for (const title of SEED_TITLES) expect(titles.some((t) => t.startsWith(title))).toBe(true);
    const first = rows.first();
    await expect.poll(() => first.locator('.document-byline').textContent()).toBe('DailyMail.co.uk');
    expect(await first.locator('.document-stats').textContent()).toMatch(/^[\d,]+ words · \d+ min read · added \d{1,2} [A-Z][a-z]{2,3} \d{4}$/);
    expect(await page.locator('.corpus-name').textContent()).toBe('ISIS propaganda and the virtual caliphate');
  });

  it('opens a document, shows its paragraphs with dir=auto, and goes back', async () => {
    const { page } = harness;
    await page.getByRole('button', { name: /ISIS Admits It Is Losing/ }).click();
    const title = page.locator('.reader-title');
    await expect.poll(() => title.textContent()).toBe('ISIS Admits It Is Losing');
    const paragraphs = page.locator('.document-body p');
    expect(await paragraphs.count()).toBeGreaterThan(5);
    // The title stands above the text, not again as its first paragraph.
    expect(await paragraphs.nth(0).textContent()).toMatch(/^As Thought Front has discussed before, the Islamic State has been losing/);
    expect(await paragraphs.allTextContents()).not.toContain('ISIS Admits It Is Losing');
    expect(await paragraphs.nth(0).getAttribute('dir')).toBe('auto');
    expect(await page.locator('.reader-meta').textContent()).toContain('Thought Front');

    fs.mkdirSync(path.join(ROOT, 'test-results'), { recursive: true });
    await page.screenshot({ path: path.join(ROOT, 'test-results', 'reader.png'), fullPage: false });

    await page.getByRole('button', { name: '← Library' }).click();
    await expect.poll(() => page.locator('.document-row').count()).toBe(5);
    // Focus returns to the document just read, so keyboard users keep their place.
    expect(await page.evaluate(() => document.activeElement?.textContent ?? '')).toContain('ISIS Admits It Is Losing');
  });

  it('folds site navigation away behind one button, and shows it on request', async () => {
    const { page } = harness;
    await page.getByRole('button', { name: /As ISIS Loses Territory/ }).click();
    await expect.poll(() => page.locator('.reader-title').textContent()).toBe('As ISIS Loses Territory, it Seeks to Survive Online');
    const body = page.locator('.document-body');
    await expect.poll(() => body.locator('p').first().textContent()).toMatch(/^A 2014 image taken from a propaganda video/);
    for (const chrome of ['Select Page', 'Media ID', 'Middle-east Arab News Opinion', 'ASHARQ AL-AWSAT English Archive']) {
      expect(await body.textContent()).not.toContain(chrome);
    }
    const toggle = body.getByRole('button', { name: /lines left out: site navigation, the title again/ });
    expect(await toggle.getAttribute('aria-expanded')).toBe('false');
    await page.screenshot({ path: path.join(ROOT, 'test-results', 'reader-folded.png') });
    await toggle.click();
    await expect.poll(() => body.locator('.folded-line').allTextContents()).toEqual([
      'Middle-east Arab News Opinion | Asharq Al-awsat',
      'As ISIS Loses Territory, it Seeks to Survive Online | ASHARQ AL-AWSAT English Archive 2005 -2017',
      'Select Page\nMedia ID: 55367487',
    ]);
    await page.screenshot({ path: path.join(ROOT, 'test-results', 'reader-unfolded.png') });
    // The article's own text, to its last line, is all there.
    expect(await body.locator('p').last().textContent()).toBe('The Washington Post');
    await page.getByRole('button', { name: '← Library' }).click();
    await expect.poll(() => page.locator('.document-row').count()).toBe(5);
  });

  it('works by keyboard: arrows move between documents, Enter opens, Escape returns', async () => {
    const { page } = harness;
    await page.locator('.document-open').first().focus();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('.reader-title').textContent()).toMatch(/^Caliphate under the laws of the Internet/);
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('.document-row').count()).toBe(5);
    await page.screenshot({ path: path.join(ROOT, 'test-results', 'library.png') });
  });

  it('made no request outside the app and logged no error', () => {
    expect(harness.foreignRequests).toEqual([]);
    expect(harness.pageErrors).toEqual([]);
  });
});

describe('a missing corpus', () => {
  it('shows a clear message in the window instead of a blank screen', async () => {
    const harness = await launchHarness({ corpusFile: path.join(ROOT, 'tests', 'fixtures', 'no-such-corpus.sqlite') });
    try {
      await openApp(harness);
      const alert = harness.page.getByRole('alert');
      await expect.poll(() => alert.textContent()).toContain('Carrel cannot open its corpus');
      expect(await alert.textContent()).toContain('no-such-corpus.sqlite was not found');
      expect(await alert.textContent()).toContain('npm run corpus:build');
    } finally {
      await harness.close();
    }
  });
});
