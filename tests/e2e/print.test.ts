import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCorpus } from '../../electron/node/corpus/build-corpus';
import { FIXTURES, ROOT } from '../harness/paths';
import { pdfPageTexts, pdfToPngs } from '../harness/pdf-pages';
import { launchHarness, openApp, sendCommand, type Harness } from '../harness/renderer-harness';

const SHOTS = path.join(ROOT, 'test-results');
const NOTE = 'Compare with the 1987 catalogue.';
const ARABIC_NOTE = 'ملاحظة عن الفهرس';

// Printing goes through the print stylesheet: Electron's printToPDF in the app, page.pdf() here.
describe('printing a document with its highlights and notes', () => {
  let dir: string;
  let harness: Harness;
  let pdf: Buffer;

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'carrel-print-e2e-'));
    fs.mkdirSync(SHOTS, { recursive: true });
    buildCorpus({ sourcesDir: path.join(FIXTURES, 'corpus-contents'), outFile: path.join(dir, 'c.sqlite'), title: 'Contents fixture' });
    harness = await launchHarness({ corpusFile: path.join(dir, 'c.sqlite') });
    const doc = harness.services.getDocument({ id: 'field-guide' });
    const span = (passage: string, from = 0) => {
      const start = doc.text.indexOf(passage, from);
      return { start, end: start + passage.length };
    };
    harness.services.createHighlight({ documentId: 'field-guide', ...span('minutes of meetings'), color: 'yellow', note: NOTE });
    harness.services.createHighlight({ documentId: 'field-guide', ...span('pencil marks in the margins'), color: 'blue' });
    harness.services.createHighlight({ documentId: 'field-guide', ...span('the light is best', 2000), color: 'green', note: ARABIC_NOTE });
    await openApp(harness);
    await harness.page.getByRole('button', { name: /A field guide to the archive/ }).click();
    await harness.page.locator('.document-body mark.highlight-yellow').first().waitFor();
    // Whatever the theme on screen, paper is black on white.
    await sendCommand(harness, 'theme-dark');
    await harness.page.waitForFunction(() => document.documentElement.dataset.theme === 'dark');
  });

  afterAll(async () => {
    await harness?.close();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('lays the page out for paper: the text and its marks only, each note in the margin beside its paragraph', async () => {
    const { page } = harness;
    expect(await page.locator('.print-note').first().isVisible()).toBe(false);
    await page.emulateMedia({ media: 'print' });
    try {
      for (const hidden of ['.app-header', '.reader-aside', '.reading-progress', '.reader-nav']) {
        expect(await page.locator(hidden).first().isVisible(), hidden).toBe(false);
      }
      const note = page.locator('.print-note', { hasText: NOTE });
      expect(await note.isVisible()).toBe(true);
      const geometry = await note.evaluate((el) => {
        const paragraph = el.parentElement!.nextElementSibling!.getBoundingClientRect();
        const box = el.getBoundingClientRect();
        return { gapLeft: box.left - paragraph.right, topDelta: Math.abs(box.top - paragraph.top), paper: getComputedStyle(document.body).backgroundColor };
      });
      expect(geometry.gapLeft).toBeGreaterThan(0);
      expect(geometry.topDelta).toBeLessThan(4);
      expect(geometry.paper).toBe('rgb(255, 255, 255)');
      expect(await page.locator('.print-note', { hasText: ARABIC_NOTE }).evaluate((el) => getComputedStyle(el).direction)).toBe('rtl');
      pdf = await page.pdf({ format: 'A4', printBackground: true });
    } finally {
      await page.emulateMedia({ media: 'screen' });
    }
  });

  it('gives a PDF with the text and the notes, and pages that can be looked at', async () => {
    const texts = await pdfPageTexts(pdf);
    const all = texts.join(' ');
    expect(all).toContain('A field guide to the archive');
    expect(all).toContain(NOTE);
    expect(all).not.toContain('Bookmarks');
    expect(all).not.toContain('min left');
    const pngs = await pdfToPngs(harness.browser, pdf, path.join(SHOTS, 'print-page'));
    expect(pngs.length).toBe(texts.length);
    expect(fs.statSync(pngs[0]!).size).toBeGreaterThan(10_000);
  });
});
