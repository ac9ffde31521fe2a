import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCorpus } from '../../electron/node/corpus/build-corpus';
import { BUNDLED_CORPUS, ROOT } from '../harness/paths';
import { launchHarness, openApp, type Harness } from '../harness/renderer-harness';

const poll = expect.poll;
const SHOTS = path.join(ROOT, 'test-results');

/**
 * Sixty articles on propaganda, dated over five years, from two sites. Each says "propaganda"
 * several times within a few words, so that its snippets overlap: a later snippet shows again
 * words an earlier one showed.
 */
function writeArticles(dir: string): void {
  fs.mkdirSync(dir, { recursive: true });
  for (let i = 0; i < 60; i++) {
    const date = `${2014 + (i % 5)}-${String(1 + (i % 12)).padStart(2, '0')}-15`;
    const source = i % 2 === 0 ? 'Thought Front' : 'Media Watch';
    const body = [
      `Article ${i} looks at propaganda. The propaganda of the group reached the region, and propaganda videos followed within days of the first propaganda leaflets.`,
      `${'Nothing here names it. '.repeat(6 + (i % 5))}Later the propaganda office answered, and the propaganda went on.`,
    ].join('\n\n');
    fs.writeFileSync(
      path.join(dir, `article-${String(i).padStart(2, '0')}.md`),
      `---\ntitle: "Article ${String(i).padStart(2, '0')} on the media war"\nsource: "${source}"\ndate: "${date}"\n---\n\n${body}\n`,
    );
  }
}

describe('search results: every one reachable, filtered, sorted, read one by one', () => {
  let dir: string;
  let harness: Harness;

  beforeAll(async () => {
    fs.mkdirSync(SHOTS, { recursive: true });
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'carrel-search-results-e2e-'));
    writeArticles(path.join(dir, 'sources'));
    const corpusFile = path.join(dir, 'articles.sqlite');
    buildCorpus({ sourcesDir: path.join(dir, 'sources'), outFile: corpusFile, title: 'Articles' });
    harness = await launchHarness({ corpusFile });
    await openApp(harness);
    await harness.page.locator('.document-row').first().waitFor();
  });
  afterAll(async () => {
    await harness?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const input = () => harness.page.getByRole('combobox', { name: 'Search the corpus' });
  const status = () => harness.page.locator('.search-panel .search-status');

  it('counts all 60 results and scrolls every one in, virtualised, down to the last', async () => {
    const { page } = harness;
    await page.keyboard.press('Control+k');
    await page.keyboard.type('propaganda');
    await poll(() => status().textContent()).toMatch(/^60 results · /);
    const options = page.getByRole('listbox', { name: 'Search results' }).getByRole('option');
    await options.first().locator('.search-result-title').waitFor();
    expect(await options.count()).toBeLessThan(30);
    // End of the list by keyboard: the last result is drawn, loaded and active.
    for (let i = 0; i < 6; i++) await page.keyboard.press('PageDown');
    await poll(() => page.locator('[role="option"][aria-posinset="60"] .search-result-title').count()).toBe(1);
    const last = page.locator('[role="option"][aria-posinset="60"]');
    expect(await last.getAttribute('aria-selected')).toBe('true');
    expect(await input().getAttribute('aria-activedescendant')).toBe(await last.getAttribute('id'));
    await page.keyboard.press('ArrowDown'); // wraps to the first
    await poll(() => page.locator('[role="option"][aria-posinset="1"]').getAttribute('aria-selected')).toBe('true');
  });

  it('marks every occurrence of the word in every snippet, the first of later snippets too', async () => {
    const { page } = harness;
    await page.locator('.search-result .search-snippet').first().waitFor();
    const unmarked = await page.locator('.search-snippet').evaluateAll((snippets) =>
      snippets.flatMap((snippet) => {
        const text = snippet.textContent ?? '';
        const marked = [...snippet.querySelectorAll('mark.snippet-hit')].map((m) => m.textContent);
        const words = text.match(/propaganda/gi) ?? [];
        return words.length === marked.length ? [] : [text];
      }),
    );
    expect(await page.locator('.search-snippet').count()).toBeGreaterThan(3);
    expect(unmarked).toEqual([]);
  });

  it('sorts by title and by date, and filters by document, field and date', async () => {
    const { page } = harness;
    const panel = page.locator('.search-panel');
    await panel.getByLabel('Sort by').selectOption('title');
    await poll(() => page.locator('[role="option"][aria-posinset="2"] .search-result-title').textContent()).toBe('Article 01 on the media war');
    expect(await page.locator('[role="option"][aria-posinset="1"] .search-result-title').textContent()).toBe('Article 00 on the media war');
    await panel.getByLabel('Sort by').selectOption('date-newest');
    await poll(() => page.locator('[role="option"][aria-posinset="1"] .search-result-meta').textContent()).toMatch(/· 2018-/);

    await panel.getByRole('button', { name: 'Filters' }).click();
    await panel.getByLabel('Document').fill('media watch');
    await poll(() => status().textContent()).toMatch(/^30 results \(filtered\) · /);
    await panel.getByLabel('Dated from').fill('2016');
    await panel.getByLabel('to').fill('2016-12-31');
    await poll(() => status().textContent()).toMatch(/^6 results \(filtered\) · /);
    for (const meta of await page.locator('.search-result-meta').allTextContents()) expect(meta).toMatch(/^Media Watch · 2016-/);
    await panel.getByLabel('Dated from').fill('16/05');
    await poll(() => panel.locator('.search-filter-hint').textContent()).toMatch(/Write a date as 2016/);
    await panel.getByLabel('Dated from').fill('');
    await panel.getByLabel('to').fill('');
    await panel.getByLabel('Document').fill('');
    await panel.getByLabel('Search in').selectOption('title');
    await poll(() => status().textContent()).toMatch(/^No results \(filtered\) · /);
    await panel.getByLabel('Search in').selectOption('');
    await panel.getByLabel('Sort by').selectOption('title');
    await poll(() => status().textContent()).toMatch(/^60 results · /);
  });

  it('screenshots the results panel, light and dark', async () => {
    const { page } = harness;
    await page.locator('[role="option"][aria-posinset="1"] .search-snippet').first().waitFor();
    for (const theme of ['light', 'dark'] as const) {
      await page.evaluate((t) => (document.documentElement.dataset.theme = t), theme);
      await page.locator('.search-panel').screenshot({ path: path.join(SHOTS, `search-results-panel-${theme}.png`) });
    }
    await page.evaluate(() => delete document.documentElement.dataset.theme);
  });

  it('keeps the results beside the document and steps to the next and previous result', async () => {
    const { page } = harness;
    await input().focus();
    await page.keyboard.press('ArrowDown'); // the second, by title
    await page.keyboard.press('Enter');
    await poll(() => page.locator('.reader-title').textContent()).toBe('Article 01 on the media war');
    const rail = page.getByRole('navigation', { name: 'Search results' });
    await poll(() => rail.locator('.results-rail-status').textContent()).toBe('Result 2 of 60');
    expect(await rail.locator('[aria-current="true"] .results-rail-title').textContent()).toBe('Article 01 on the media war');
    await page.screenshot({ path: path.join(SHOTS, 'search-results-rail.png') });

    await rail.getByRole('button', { name: 'Next →' }).click();
    await poll(() => page.locator('.reader-title').textContent()).toBe('Article 02 on the media war');
    await poll(() => rail.locator('.results-rail-status').textContent()).toBe('Result 3 of 60');
    await page.locator('.reader-title').focus();
    await page.keyboard.press('Alt+ArrowDown');
    await poll(() => page.locator('.reader-title').textContent()).toBe('Article 03 on the media war');
    await page.keyboard.press('Alt+ArrowUp');
    await poll(() => page.locator('.reader-title').textContent()).toBe('Article 02 on the media war');
    await poll(() => rail.locator('[aria-current="true"] .results-rail-title').textContent()).toBe('Article 02 on the media war');

    // The list reaches the last result too; opening it keeps the list.
    await rail.locator('[aria-current="true"]').focus();
    await page.keyboard.press('End');
    await poll(() => page.evaluate(() => document.activeElement?.closest('[data-index]')?.getAttribute('data-index'))).toBe('59');
    await page.keyboard.press('Enter');
    await poll(() => page.locator('.reader-title').textContent()).toBe('Article 59 on the media war');
    await poll(() => rail.locator('.results-rail-status').textContent()).toBe('Result 60 of 60');
    expect(await rail.getByRole('button', { name: 'Next →' }).isDisabled()).toBe(true);
    await poll(() => page.locator('.find-status').textContent()).toMatch(/^hit 1 of \d+$/);
  });

  it('made no request outside the app and logged no error', () => {
    expect(harness.foreignRequests).toEqual([]);
    expect(harness.pageErrors).toEqual([]);
  });
});

describe('search results name the author the library names', () => {
  let harness: Harness;
  beforeAll(async () => {
    harness = await launchHarness({ corpusFile: BUNDLED_CORPUS });
    await openApp(harness);
    await harness.page.locator('.document-row').first().waitFor();
  });
  afterAll(async () => {
    await harness?.close();
  });

  it('shows Charlie Winter as the byline in the library, the search results and the reader', async () => {
    const { page } = harness;
    const row = page.locator('.document-open[data-doc-id="001-caliphate-under-the-laws-of-the-internet"]');
    expect(await row.locator('.document-byline').textContent()).toBe('Charlie Winter');
    await page.keyboard.press('Control+k');
    await page.keyboard.type('"laws of the internet"');
    const result = page.locator('.search-result[data-doc-id="001-caliphate-under-the-laws-of-the-internet"]');
    await poll(() => result.locator('.search-result-meta').textContent()).toMatch(/^Charlie Winter · \d+ hits?$/);
    await page.keyboard.press('Enter');
    await poll(() => page.locator('.reader-meta').textContent()).toMatch(/^Charlie Winter · /);
  });

  it('shows no folded line (site navigation, the title again) in a snippet', async () => {
    const { page } = harness;
    const input = page.getByRole('combobox', { name: 'Search the corpus' });
    await input.fill('');
    await input.pressSequentially('propaganda image');
    const snippets = page.locator('.search-result[data-doc-id="004-as-isis-loses-territory-it-seeks-to-survive-online"] .search-snippet');
    await poll(() => snippets.count()).toBeGreaterThan(0);
    const texts = (await snippets.allTextContents()).join('\n');
    for (const chrome of ['Select Page', 'Media ID', 'ASHARQ AL-AWSAT English Archive']) expect(texts).not.toContain(chrome);
  });
});
