import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FileDialogs } from '../../electron/node/services/file-dialogs';
import { BUNDLED_CORPUS } from '../harness/paths';
import { launchHarness, openApp, sendCommand, type Harness } from '../harness/renderer-harness';

const DOC = /ISIS Admits It Is Losing/;
const DOC_ID = '002-isis-admits-it-is-losing';
const QUOTE = 'the self-proclaimed caliphate is shrinking';

/** Selects `text` in the reader as a user would (it may cross marks, not paragraphs). */
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

describe('citations, exports and import in the app', () => {
  let harness: Harness;
  let page: Page;
  let dir: string;
  /** What the fake save and open dialogs answer next. */
  let saveAs: string | undefined;
  let openFile: string | undefined;
  /** The name the last save dialog suggested. */
  let suggested: string | undefined;
  const dialogs: FileDialogs = {
    chooseSaveFile: async ({ suggestedName }) => ((suggested = suggestedName), saveAs),
    chooseOpenFile: async () => openFile,
  };

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'carrel-exports-e2e-'));
    harness = await launchHarness({ corpusFile: BUNDLED_CORPUS, fileDialogs: dialogs, settingsFile: path.join(dir, 'carrel-settings.json') });
    page = harness.page;
    await openApp(harness);
    await page.getByRole('button', { name: DOC }).click();
    await page.locator('.document-body p').nth(3).waitFor();
  }, 60_000);

  afterAll(async () => {
    await harness?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('cites a selection with its paragraph in the style the user picks, remembered, and copies the quote with its citation', async () => {
    await selectText(page, QUOTE);
    await page.locator('.selection-toolbar').getByRole('button', { name: 'Cite' }).click();
    const panel = page.locator('.citation-panel');
    // The panel's first citation (asked when the document opened) may still be parsing the default style.
    await expect.poll(() => panel.locator('.citation-quote').textContent(), { timeout: 45_000 }).toContain(QUOTE);
    await panel.getByLabel('Style').selectOption('apa');
    // The first APA citation parses the style in the citation worker: ~10 s under load. The
    // harness's loop (and the poll's clock) now runs meanwhile; in-process it stood still.
    await expect.poll(() => panel.locator('.citation-quote').textContent(), { timeout: 45_000 }).toMatch(/\(“ISIS Admits It Is Losing,” n\.d\., para\. \d+\)/);
    await expect.poll(() => harness.services.getCitationStyle(undefined)).toBe('apa');
    await panel.getByRole('button', { name: 'Copy quote with citation' }).click();
    const output = panel.locator('.citation-output textarea');
    await expect.poll(() => output.inputValue()).toMatch(new RegExp(`^“${QUOTE}” \\(“ISIS Admits It Is Losing,” n\\.d\\., para\\. \\d+\\)\\n\\nISIS Admits It Is Losing\\. \\(n\\.d\\\.\\)\\. Thought Front\\.$`));
    await page.screenshot({ path: '/tmp/r2-citation-light.png' });
  }, 120_000);

  it('reads an English-style reference left to right when its author is written in Arabic (n.d. is not mirrored)', async () => {
    const panel = page.locator('.citation-panel');
    await panel.getByRole('button', { name: 'Edit details…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Edit details' });
    await dialog.getByLabel(/^Authors/).fill('عبد الباري عطوان');
    await dialog.getByRole('button', { name: 'Save details' }).click();
    await dialog.waitFor({ state: 'detached' });
    const reference = panel.locator('.citation-reference');
    await expect.poll(() => reference.textContent()).toMatch(/^عبد الباري عطوان\. \(n\.d\.\)/);
    // The styles are en-US: the reference's own punctuation reads left to right around the Arabic name.
    expect(await reference.evaluate((el) => getComputedStyle(el).direction)).toBe('ltr');
    expect(await panel.locator('.citation-quote').evaluate((el) => getComputedStyle(el).direction)).toBe('ltr');
    await page.screenshot({ path: '/tmp/citation-arabic-author.png' });
  });

  it('edits the details of a document in a dialog, kept with the notes, and cites with them', async () => {
    const panel = page.locator('.citation-panel');
    await panel.getByRole('button', { name: 'Edit details…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Edit details' });
    await dialog.getByLabel(/^Authors/).fill('Winter, Charlie\nعبد الباري عطوان');
    await dialog.getByLabel(/^Date/).fill('2016-07-01');
    for (const theme of ['light', 'dark'] as const) {
      await sendCommand(harness, `theme-${theme}`);
      await expect.poll(() => page.evaluate(() => document.documentElement.dataset.theme)).toBe(theme);
      await page.screenshot({ path: `/tmp/r2-details-${theme}.png` });
    }
    await sendCommand(harness, 'theme-light');
    await dialog.getByRole('button', { name: 'Save details' }).click();
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(() => panel.locator('.citation-quote').textContent()).toMatch(/\(Winter & عبد الباري عطوان, 2016, para\. \d+\)/);
    expect(harness.services.getDocumentDetails({ documentId: DOC_ID }).edited).toBe(true);
  });

  it('exports the notebook as Markdown through the save dialog, and imports a W3C file with a summary', async () => {
    // A highlight to export.
    await selectText(page, 'likely the loss of Mosul soon');
    await page.keyboard.press('2');
    await page.locator('.document-body mark.highlight-green').first().waitFor();
    await page.getByRole('button', { name: 'Notebook' }).click();
    await page.locator('.notebook-entry').first().waitFor();
    const exports = page.locator('.notebook-exports');
    // The section holds two live regions: the exports' (first) and the REFI-QDA import's.
    saveAs = path.join(dir, 'notebook.md');
    await exports.getByRole('button', { name: 'Export…' }).click();
    await expect.poll(() => exports.locator('.exports-status').first().textContent()).toBe(`1 entry saved to ${saveAs}.`);
    const md = fs.readFileSync(saveAs, 'utf8');
    expect(md).toMatch(/> likely the loss of Mosul soon\n>\n> — \(Winter & عبد الباري عطوان, 2016, para\. \d+\)/);

    saveAs = path.join(dir, 'corpus.bib');
    await exports.getByLabel('Format').selectOption('bibtex');
    await exports.getByLabel('Of').selectOption('corpus');
    await exports.getByRole('button', { name: 'Export…' }).click();
    await expect.poll(() => exports.locator('.exports-status').first().textContent()).toBe(`5 references saved to ${saveAs}.`);
    expect(fs.readFileSync(saveAs, 'utf8')).toContain('author = {Winter, Charlie and {عبد الباري عطوان}}');

    saveAs = path.join(dir, 'notebook.jsonld');
    await exports.getByLabel('Format').selectOption('jsonld');
    await exports.getByRole('button', { name: 'Export…' }).click();
    await expect.poll(() => exports.locator('.exports-status').first().textContent()).toBe(`1 entry saved to ${saveAs}.`);
    const collection = JSON.parse(fs.readFileSync(saveAs, 'utf8'));
    const lost = structuredClone(collection.first.items[0]);
    lost.id = 'urn:uuid:00000000-0000-4000-8000-00000000abcd';
    lost.target.selector = [{ type: 'TextQuoteSelector', exact: 'a passage this article never had', prefix: '', suffix: '' }];
    collection.first.items.push(lost);
    openFile = path.join(dir, 'import.jsonld');
    fs.writeFileSync(openFile, JSON.stringify(collection));
    await exports.getByRole('button', { name: 'Import W3C annotations…' }).click();
    const report = exports.locator('.import-report');
    await report.waitFor();
    expect(await report.textContent()).toContain(
      'Import of import.jsonld: 0 imported, 1 already here, 1 could not be placed (its quote is not in the current text of its document; it is kept in the list of highlights to review).',
    );
    await report.locator('summary').click();
    await page.screenshot({ path: '/tmp/r2-import-light.png' });
    await sendCommand(harness, 'theme-dark');
    await expect.poll(() => page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
    await page.screenshot({ path: '/tmp/r2-import-dark.png' });
    await sendCommand(harness, 'theme-light');
    // The unplaced one waits in the review list.
    await page.getByText('a passage this article never had').first().waitFor();
  });

  it('exports Markdown with highlights only, grouped by colour, chosen by keyboard, and the options reach the file', async () => {
    const exports = page.locator('.notebook-exports');
    await exports.getByLabel('Format').selectOption('markdown');
    // By keyboard from the format: Of, then Holds and Grouped (shown for Markdown only), then Export….
    await exports.getByLabel('Format').focus();
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe(await exports.getByLabel('Holds').getAttribute('id'));
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Tab');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    expect(await exports.getByLabel('Holds').inputValue()).toBe('highlights');
    expect(await exports.getByLabel('Grouped').inputValue()).toBe('colour');
    await expect.poll(() => exports.locator('.exports-hint').textContent()).toBe(
      'The quotations with their citation, colour, place and tags; no notes, no bookmarks. Colours in the palette’s order, then what has no colour.',
    );
    expect(await exports.getByLabel('Holds').getAttribute('aria-describedby')).toBe(await exports.locator('.exports-hint').getAttribute('id'));
    // A note on the highlight, which "Highlights only" leaves out (taken off again after, for the backup test's counts).
    const mosul = harness.services.listHighlights({ documentId: DOC_ID }).find((h) => h.quote.exact === 'likely the loss of Mosul soon')!;
    harness.services.updateHighlight({ id: mosul.id, note: 'A note the highlights-only export leaves out.' });
    saveAs = path.join(dir, 'highlights-by-colour.md');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await expect.poll(() => exports.locator('.exports-status').first().textContent()).toMatch(/^\d+ entries saved to /);
    expect(suggested).toBe('carrel-notebook-highlights-by-colour.md');
    const md = fs.readFileSync(saveAs, 'utf8');
    expect(md).toContain('\nHighlights only: the quotations with their citation, colour, place and tags; notes and bookmarks are left out.\n');
    expect(md).toContain('\n## Green\n\n### ISIS Admits It Is Losing\n\n');
    expect(md.slice(md.indexOf('\n## Green\n'))).toContain('\n> likely the loss of Mosul soon\n>\n> — (Winter & عبد الباري عطوان, 2016, para. 3)\n\nColour: Green · Place: paragraph 3\n');
    expect(md).toMatch(/\n## References\n\n- .*ISIS Admits It Is Losing/);
    expect(md).not.toContain('A note the highlights-only export leaves out.');
    for (const theme of ['light', 'dark', 'sepia'] as const) {
      await sendCommand(harness, `theme-${theme}`);
      await expect.poll(() => page.evaluate(() => document.documentElement.dataset.theme)).toBe(theme);
      await exports.screenshot({ path: `/tmp/b-exports-markdown-options-${theme}.png` });
    }
    await sendCommand(harness, 'theme-light');
    harness.services.updateHighlight({ id: mosul.id, note: '' });
  });

  it('backs up now from the Security view, then restores that backup after a confirmation, keeping the notes as they were aside', async () => {
    page.setDefaultTimeout(10_000);
    await page.getByRole('button', { name: 'Security' }).click();
    const section = page.locator('.backups-section');
    await section.getByRole('button', { name: 'Back up now' }).click();
    await expect.poll(() => section.locator('[role="status"]').textContent()).toMatch(/^Backed up at .*: Checked, usable: 2 highlights, 0 notes, 0 bookmarks\.$/);
    const first = section.locator('.backup-item').first();
    expect(await first.textContent()).toContain('Backup you made (Back up now)');
    // A change after the backup, which the restore takes back.
    harness.services.createDocumentNote({ documentId: DOC_ID, body: 'Written after the backup.' });
    await first.getByRole('button', { name: /^Restore the backup of / }).click();
    await page.screenshot({ path: '/tmp/r2-restore-light.png' });
    await section.getByRole('button', { name: 'Restore this backup' }).click();
    await expect.poll(() => section.locator('[role="status"]').textContent()).toMatch(/^Your notes were restored from the backup you made of .*kept in backups\/ as carrel-user-aside-/);
    expect(harness.services.queryNotebook({ kinds: ['note'] }).total).toBe(0);
    await section.locator('.backup-item', { hasText: 'Set aside' }).first().waitFor();
    await sendCommand(harness, 'theme-dark');
    await expect.poll(() => page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
    await page.screenshot({ path: '/tmp/r2-backups-dark.png' });
    await sendCommand(harness, 'theme-light');
  });
});
