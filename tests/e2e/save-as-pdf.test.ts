import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, expect as poll } from 'vitest';
import { buildCorpus } from '../../electron/node/corpus/build-corpus';
import type { DocumentPrinter } from '../../electron/node/services/print-service';
import { FIXTURES, ROOT } from '../harness/paths';
import { launchHarness, openApp, sendCommand, type Harness } from '../harness/renderer-harness';

const SHOTS = path.join(ROOT, 'test-results');

// Save as PDF from the window, with the shell's part stood in for: the file the user picks in
// the dialog, and the page rendered through its print stylesheet (page.pdf(), as printToPDF does
// in the app). What the user sees: where it was saved, or why it was not.
describe('save as PDF from the window', () => {
  let dir: string;
  let harness: Harness;
  let chosen: string | undefined;

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'carrel-save-pdf-e2e-'));
    buildCorpus({ sourcesDir: path.join(FIXTURES, 'corpus-contents'), outFile: path.join(dir, 'c.sqlite'), title: 'Contents fixture' });
    const printer: DocumentPrinter = {
      choosePdfFile: async () => chosen,
      renderPdf: async () => new Uint8Array(await harness.page.pdf({ printBackground: true, format: 'A4' })),
    };
    harness = await launchHarness({ corpusFile: path.join(dir, 'c.sqlite'), printer });
    await openApp(harness);
    await harness.page.getByRole('button', { name: /A field guide to the archive/ }).click();
    await harness.page.locator('.document-body').first().waitFor();
  });

  afterAll(async () => {
    await harness?.close();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('replaces the file the dialog confirmed with the whole PDF, leaves no temporary file, and says where it went', async () => {
    const folder = path.join(dir, 'pdfs');
    fs.mkdirSync(folder);
    chosen = path.join(folder, 'guide.pdf');
    fs.writeFileSync(chosen, 'an older PDF');
    await sendCommand(harness, 'print-document');
    await poll.poll(() => harness.page.getByText(`Saved as ${chosen}`).count()).toBe(1);
    expect(fs.readFileSync(chosen).subarray(0, 5).toString()).toBe('%PDF-');
    expect(fs.readdirSync(folder)).toEqual(['guide.pdf']);
  });

  it('says in the window, in words, that the PDF was not saved because the folder is gone', async () => {
    const gone = path.join(dir, 'unplugged');
    chosen = path.join(gone, 'guide.pdf');
    await sendCommand(harness, 'print-document');
    const toast = harness.page.locator('.toast-text');
    await poll.poll(() => toast.last().textContent()).toBe(`The PDF was not saved: the folder ${gone} no longer exists. Choose another place and try again.`);
    fs.mkdirSync(SHOTS, { recursive: true });
    await harness.page.screenshot({ path: path.join(SHOTS, 'save-as-pdf-failed.png') });
    expect(fs.existsSync(gone)).toBe(false);
  });
});
