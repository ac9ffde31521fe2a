import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCorpus } from '../../electron/node/corpus/build-corpus';
import { epub2, NAV_CONTENTS, NCX_CONTENTS, REPORT_TITLE } from '../harness/format-fixtures';
import { writeMixedFormats } from '../harness/mixed-formats';
import { FIXTURES, ROOT } from '../harness/paths';
import AxeBuilder from '@axe-core/playwright';
import { launchHarness, openApp, sendCommand, type Harness } from '../harness/renderer-harness';

const poll = expect.poll;

// PDF, EPUB and Word documents built into a corpus in the app, and a PDF read by its pages.
describe('a corpus of PDF, EPUB and Word documents', () => {
  let dir: string;
  let harness: Harness;
  let chosenFolder: string | undefined;
  let chosenOutput: string | undefined;

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'carrel-formats-e2e-'));
    const small = path.join(dir, 'small.sqlite');
    buildCorpus({ sourcesDir: path.join(FIXTURES, 'corpus-small'), outFile: small, title: 'Small' });
    writeMixedFormats(path.join(dir, 'sources'));
    harness = await launchHarness({
      corpusFile: small,
      recentCorporaFile: path.join(dir, 'carrel-corpora.json'),
      corporaDir: path.join(dir, 'corpora'),
      dialogs: {
        chooseCorpusFile: async () => undefined,
        chooseSourcesFolder: async () => chosenFolder,
        chooseBuildOutput: async (suggested) => chosenOutput ?? suggested,
      },
    });
    await openApp(harness);
    await harness.page.locator('.document-row').first().waitFor();
    fs.mkdirSync(path.join(ROOT, 'test-results'), { recursive: true });
  });

  afterAll(async () => {
    await harness?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('builds the folder in the app, listing each hostile file with its reason', async () => {
    const { page } = harness;
    await page.getByRole('button', { name: 'Corpora' }).click();
    chosenFolder = path.join(dir, 'sources');
    chosenOutput = path.join(dir, 'formats.sqlite');
    await page.getByLabel(/Title for a new corpus/).fill('Formats');
    await page.keyboard.press('Enter');
    const panel = page.locator('.build-panel');
    await poll(() => panel.getAttribute('data-state'), { timeout: 30_000 }).toBe('done');
    expect(await panel.locator('.build-state').textContent()).toMatch(/Done: 6 documents added/);
    const skipped = panel.locator('.build-skipped');
    expect(await skipped.locator('summary').textContent()).toBe('6 files skipped');
    await skipped.evaluate((details) => ((details as HTMLDetailsElement).open = true));
    const text = (await skipped.textContent()) ?? '';
    for (const [reason, file] of [
      ['password-protected (1)', 'hostile/encrypted.pdf'],
      ['no text layer (scanned) (1)', 'hostile/scanned.pdf'],
      ['damaged or malformed (1)', 'hostile/truncated.pdf'],
      ['unsafe archive entry (1)', 'hostile/zip-slip.epub'],
      ['XML with entity declarations (1)', 'hostile/billion-laughs.epub'],
      ['too large (1)', 'hostile/zip-bomb.docx'],
    ]) {
      expect(text).toContain(reason);
      expect(text).toContain(file);
    }
    expect(text).toContain('run OCR on it first');
    await page.screenshot({ path: path.join(ROOT, 'test-results', 'formats-skipped.png'), fullPage: true });
    await panel.getByRole('button', { name: 'Open “Formats”' }).click();
    await poll(() => page.locator('.corpus-name').textContent()).toBe('Formats');
    await poll(() => page.locator('.document-row').count()).toBe(6);
  });

  it('reads a PDF with its page markers, follows the page being read, and goes to a page with Ctrl+G', async () => {
    const { page } = harness;
    await page.getByRole('button', { name: new RegExp(REPORT_TITLE) }).click();
    const markers = page.locator('.document-body .page-marker');
    await poll(() => markers.allTextContents()).toEqual(['p. i', 'p. 1', 'p. 2', 'p. 3']);
    const body = (await page.locator('.document-body').textContent()) ?? '';
    expect(body).toContain('The spread of propaganda online was a well-known concern');
    expect(body).not.toContain('Carrel Working Paper Series');
    // In the margin, beside the first paragraph of its page.
    const [marker, paragraph] = await Promise.all([
      markers.nth(1).boundingBox(),
      page.locator('.document-body p', { hasText: /^Introduction$/ }).boundingBox(),
    ]);
    expect(marker!.x + marker!.width).toBeLessThanOrEqual(paragraph!.x);
    expect(Math.abs(marker!.y - paragraph!.y)).toBeLessThan(8);
    await page.screenshot({ path: path.join(ROOT, 'test-results', 'formats-pdf-pages.png') });
    // A narrow window has no margin to spare: the marker sits above its page's first paragraph.
    const size = page.viewportSize()!;
    await page.setViewportSize({ width: 400, height: 800 });
    await poll(async () => {
      const [m, p] = await Promise.all([markers.nth(1).boundingBox(), page.locator('.document-body p', { hasText: /^Introduction$/ }).boundingBox()]);
      return m!.y + m!.height <= p!.y + 1;
    }).toBe(true);
    await page.screenshot({ path: path.join(ROOT, 'test-results', 'formats-pdf-narrow.png') });
    await page.setViewportSize(size);

    await page.locator('.reader-title').focus();
    await page.keyboard.press('Control+g');
    const box = page.getByRole('form', { name: 'Go to page' });
    await box.waitFor();
    expect(await box.locator('[role="status"]').textContent()).toBe('Pages i–3');
    await page.keyboard.type('9');
    await page.keyboard.press('Enter');
    await poll(() => box.locator('[role="status"]').textContent()).toBe('There is no page “9” in this document: its pages run i–3.');
    await page.getByRole('textbox', { name: 'Go to page' }).fill('3');
    await page.screenshot({ path: path.join(ROOT, 'test-results', 'formats-go-to-page.png') });
    await page.keyboard.press('Enter');
    await poll(() => box.count()).toBe(0);
    const three = page.locator('.page-marker[data-page="3"]');
    await poll(() => three.evaluate((el) => el === document.activeElement)).toBe(true);
    await poll(() => page.locator('.reader-page').textContent()).toBe('p. 3');
    // Escape in the box closes it, not the document.
    await page.keyboard.press('Control+g');
    await box.waitFor();
    await page.keyboard.press('Escape');
    await poll(() => box.count()).toBe(0);
    expect(await page.locator('.reader-title').count()).toBe(1);
    await page.keyboard.press('Escape');
    await page.locator('.document-row').first().waitFor();
  });

  it('shows the page of each hit in search results and in find', async () => {
    const { page } = harness;
    await page.getByRole('combobox', { name: 'Search the corpus' }).fill('revenge');
    const result = page.locator('.search-result', { hasText: REPORT_TITLE });
    await result.waitFor();
    expect(await result.locator('.search-snippet-page').textContent()).toBe(' (p. 1)');
    await result.click();
    const status = page.locator('.find-bar [role="status"]');
    await poll(() => status.textContent()).toBe('hit 1 of 1 · p. 1');
    await page.keyboard.press('Control+f');
    await page.keyboard.type('volunteers');
    await poll(() => status.textContent()).toBe('hit 1 of 1 · p. 2');
    await page.keyboard.press('Escape');
    await page.keyboard.press('Escape');
    await page.locator('.document-row').first().waitFor();
  });

  it('shows the page beside a highlight made in a PDF, and passes the axe scan with Go to page open, light and dark', async () => {
    const { page } = harness;
    await page.getByRole('button', { name: new RegExp(REPORT_TITLE) }).click();
    await page.locator('.page-marker').first().waitFor();
    const selected = await page.evaluate((phrase) => {
      for (const p of document.querySelectorAll('.document-body p')) {
        const walker = document.createTreeWalker(p, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          const at = node.nodeValue?.indexOf(phrase) ?? -1;
          if (at < 0) continue;
          const range = document.createRange();
          range.setStart(node, at);
          range.setEnd(node, at + phrase.length);
          document.getSelection()!.removeAllRanges();
          document.getSelection()!.addRange(range);
          return range.toString();
        }
      }
      return null;
    }, 'Encrypted messaging');
    expect(selected).toBe('Encrypted messaging');
    await page.locator('.selection-toolbar').waitFor();
    await page.keyboard.press('1');
    const item = page.locator('.highlight-item', { hasText: 'Encrypted messaging' });
    await item.waitFor();
    expect(await item.locator('.badge-page').textContent()).toBe('p. 2');

    await page.locator('.reader-title').focus();
    await page.keyboard.press('Control+g');
    await page.getByRole('form', { name: 'Go to page' }).waitFor();
    await page.keyboard.type('x');
    await page.keyboard.press('Enter');
    await page.locator('.go-to-page-error').waitFor();
    for (const theme of ['light', 'dark'] as const) {
      await sendCommand(harness, `theme-${theme}`);
      await poll(() => page.evaluate(() => document.documentElement.dataset.theme)).toBe(theme);
      await page.screenshot({ path: path.join(ROOT, 'test-results', `formats-pdf-${theme}.png`) });
      const results = await new AxeBuilder({ page: page as never }).setLegacyMode().withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
      const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
      expect(serious, theme).toEqual([]);
    }
    await sendCommand(harness, 'theme-light');
    await page.getByRole('button', { name: 'Cancel' }).click();
    await page.keyboard.press('Escape');
    await page.locator('.document-row').first().waitFor();
  });

  it('shows the page of a PDF highlight in the notebook', async () => {
    const { page } = harness;
    await page.getByRole('button', { name: 'Notebook' }).click();
    const entry = page.locator('.notebook-entry', { hasText: 'Encrypted messaging' });
    await entry.waitFor();
    expect(await entry.locator('.badge-page').textContent()).toBe('p. 2');
    await page.getByRole('button', { name: 'Library', exact: true }).click();
    await page.locator('.document-row').first().waitFor();
  });

  it('reads an Arabic PDF right to left, its page markers on the right', async () => {
    const { page } = harness;
    await page.getByRole('button', { name: /الخلافة الافتراضية في الفضاء/ }).first().click();
    // The first page's only text is the document's title (no larger text to take it from): it stands
    // above the text and is not repeated in it. Page 1 has no text left to mark, so only page 2's
    // marker stands (the two stood on one line).
    await expect.poll(() => page.locator('h1').textContent()).toBe('الخلافة الافتراضية في الفضاء الرقمي اليوم.');
    const paragraph = page.locator('.document-body p', { hasText: 'الصفحة الثانية' });
    await paragraph.waitFor();
    expect(await paragraph.textContent()).toBe('الصفحة الثانية من التقرير.');
    expect(await page.locator('.document-body p', { hasText: 'الخلافة الافتراضية' }).count()).toBe(0);
    expect(await paragraph.evaluate((p) => getComputedStyle(p).direction)).toBe('rtl');
    const markers = page.locator('.document-body .page-marker');
    await poll(() => markers.allTextContents()).toEqual(['p. 2']);
    const [marker, text] = await Promise.all([markers.last().boundingBox(), paragraph.boundingBox()]);
    expect(marker!.x).toBeGreaterThanOrEqual(text!.x + text!.width - 1);
    await page.screenshot({ path: path.join(ROOT, 'test-results', 'formats-arabic-pdf.png') });
    await page.keyboard.press('Escape');
    await page.locator('.document-row').first().waitFor();
  });

  it('reads an EPUB chapter by chapter, its Arabic chapter right to left, and a Word table as rows', async () => {
    const { page } = harness;
    await page.getByRole('button', { name: /Media Strategy & Its Audiences/ }).click();
    const arabic = page.locator('.document-body p', { hasText: 'الخلافة الافتراضية' });
    await arabic.waitFor();
    expect(await arabic.evaluate((p) => getComputedStyle(p).direction)).toBe('rtl');
    expect(await page.locator('.document-body .page-marker').count()).toBe(0);
    await page.keyboard.press('Escape');
    await page.locator('.document-row').first().waitFor();
    await page.getByRole('button', { name: /Field Notes/ }).click();
    await page.locator('.document-body p', { hasText: 'Telegram' }).waitFor();
    expect(await page.locator('.document-body p', { hasText: 'Telegram' }).textContent()).toBe('Telegram\t120');
    await page.keyboard.press('Escape');
    await page.locator('.document-row').first().waitFor();
  });

  it("shows an EPUB's contents from its navigation document, nested, and goes to an entry inside a chapter", async () => {
    const { page } = harness;
    await page.getByRole('button', { name: /Media Strategy & Its Audiences/ }).click();
    const entries = page.locator('.contents-panel .contents-entry');
    await entries.first().waitFor();
    // The nav's own labels (not the chapters' headings: "Chapter One", "A section"…), in its nesting.
    expect(await entries.allTextContents()).toEqual(NAV_CONTENTS.map(([, title]) => title));
    const levels = await page.locator('.contents-panel .contents-item').evaluateAll((items) => items.map((li) => /contents-level-(\d)/.exec(li.className)?.[1]));
    expect(levels).toEqual(NAV_CONTENTS.map(([level]) => String(level)));
    await page.locator('.contents-panel').screenshot({ path: path.join(ROOT, 'test-results', 'formats-epub-contents.png') });
    // "1.1 A section" points at #sec inside the first chapter: the reader goes to that heading, not the chapter's start.
    await entries.nth(1).click();
    await poll(() => page.evaluate(() => `${document.activeElement?.tagName} ${document.activeElement?.textContent}`)).toBe('P A section');
    // (The book is too short to scroll its section to the top, so the entry marked as current is not checked here.)
    await page.keyboard.press('Escape');
    await page.locator('.document-row').first().waitFor();
  });

  it('builds a corpus without the PDFs\' originals when the box is unchecked, and its PDF says so', async () => {
    const { page } = harness;
    await page.getByRole('button', { name: 'Corpora' }).click();
    chosenOutput = path.join(dir, 'lean.sqlite');
    await page.getByLabel(/Title for a new corpus/).fill('Lean');
    const keep = page.getByRole('checkbox', { name: /Keep a copy of each PDF/ });
    expect(await keep.isChecked()).toBe(true);
    // By keyboard: Tab from the title to the box, Space unchecks it.
    await page.keyboard.press('Tab');
    expect(await keep.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.press('Space');
    expect(await keep.isChecked()).toBe(false);
    await page.locator('.corpora-build').screenshot({ path: path.join(ROOT, 'test-results', 'formats-build-no-originals.png') });
    await page.getByRole('button', { name: 'Build corpus from a folder…' }).click();
    const panel = page.locator('.build-panel');
    await poll(() => panel.getAttribute('data-state'), { timeout: 30_000 }).toBe('done');
    await panel.getByRole('button', { name: 'Open “Lean”' }).click();
    await poll(() => page.locator('.corpus-name').textContent()).toBe('Lean');
    expect(fs.statSync(chosenOutput).size).toBeLessThan(fs.statSync(path.join(dir, 'formats.sqlite')).size);
    await page.getByRole('button', { name: new RegExp(REPORT_TITLE) }).click();
    const button = page.getByRole('button', { name: 'Show original' });
    await poll(() => button.getAttribute('title')).toMatch(/built without originals/);
    await page.keyboard.press('Escape');
    await page.locator('.document-row').first().waitFor();
  });

  it('made no request outside the app and logged no error', () => {
    expect(harness.foreignRequests).toEqual([]);
    expect(harness.cspViolations).toEqual([]);
    expect(harness.pageErrors).toEqual([]);
  });
});

// An EPUB 2 has no navigation document: its NCX is the contents, with the NCX's own nesting.
describe('an EPUB 2 book in the reader', () => {
  let dir: string;
  let harness: Harness;

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'carrel-epub2-e2e-'));
    const sources = path.join(dir, 'sources');
    fs.mkdirSync(sources);
    fs.writeFileSync(path.join(sources, 'older.epub'), epub2());
    const corpusFile = path.join(dir, 'epub2.sqlite');
    buildCorpus({ sourcesDir: sources, outFile: corpusFile, title: 'Older books' });
    harness = await launchHarness({ corpusFile });
    await openApp(harness);
    fs.mkdirSync(path.join(ROOT, 'test-results'), { recursive: true });
  });

  afterAll(async () => {
    await harness?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("shows the NCX's nested contents and goes to an entry's target inside a chapter", async () => {
    const { page } = harness;
    await page.getByRole('button', { name: /An Older Book/ }).click();
    const entries = page.locator('.contents-panel .contents-entry');
    await entries.first().waitFor();
    // The NCX's labels in its nesting (the entry leaving the archive, "Escaping", is not listed).
    expect(await entries.allTextContents()).toEqual(NCX_CONTENTS.map(([, title]) => title));
    const levels = await page.locator('.contents-panel .contents-item').evaluateAll((items) => items.map((li) => /contents-level-(\d)/.exec(li.className)?.[1]));
    expect(levels).toEqual(NCX_CONTENTS.map(([level]) => String(level)));
    await page.locator('.contents-panel').screenshot({ path: path.join(ROOT, 'test-results', 'formats-epub2-contents.png') });
    // "Its reading" points at part2.html#reading: the reader goes to that paragraph, not its part's heading.
    await entries.nth(1).click();
    await poll(() => page.evaluate(() => `${document.activeElement?.tagName} ${document.activeElement?.textContent}`)).toBe('P Read first, by the spine.');
    // "The first part": the start of part1.html, read second by the spine.
    await entries.nth(2).click();
    await poll(() => page.evaluate(() => `${document.activeElement?.tagName} ${document.activeElement?.textContent}`)).toBe('P Part one');
    expect(harness.pageErrors).toEqual([]);
  });
});
