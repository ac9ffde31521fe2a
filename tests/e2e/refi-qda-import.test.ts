import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { strToU8, zipSync } from 'fflate';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FileDialogs } from '../../electron/node/services/file-dialogs';
import { BUNDLED_CORPUS } from '../harness/paths';
import { launchHarness, openApp, sendCommand, type Harness } from '../harness/renderer-harness';

const DOC_ID = '002-isis-admits-it-is-losing';
const QUOTE = 'the self-proclaimed caliphate is shrinking';
const [CODE, SOURCE, OTHER] = ['A182CD3A-D83C-4D8C-BC80-26D9103EC6D6', '11E0D4D7-4DE8-4501-A82F-653D3E5D1C15', '960CFC96-BC32-46DE-A792-0D17067FED72'];

const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

describe('REFI-QDA import in the app', () => {
  let harness: Harness;
  let page: Page;
  let dir: string;
  let openFile: string | undefined;
  const dialogs: FileDialogs = { chooseSaveFile: async () => undefined, chooseOpenFile: async () => openFile };

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'carrel-refi-e2e-'));
    harness = await launchHarness({ corpusFile: BUNDLED_CORPUS, fileDialogs: dialogs, settingsFile: path.join(dir, 'carrel-settings.json') });
    page = harness.page;
    await openApp(harness);
  }, 60_000);

  afterAll(async () => {
    await harness?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('imports a project from the Notebook and says what matched and what did not', async () => {
    // The source as a Windows tool writes it: CRLF line ends; positions count its code points.
    const text = harness.services.getDocument({ id: DOC_ID }).text.replace(/\n/g, '\r\n');
    const at = [...text.slice(0, text.indexOf(QUOTE))].length;
    const qde = `<?xml version="1.0" encoding="UTF-8"?>
<Project xmlns="urn:QDA-XML:project:1.0" name="Field work" origin="ATLAS.ti">
  <CodeBook><Codes><Code guid="${CODE}" name="Claims of loss" isCodable="true" color="#cc3300"/></Codes></CodeBook>
  <Sources>
    <TextSource guid="${SOURCE}" name="isis-losing.docx" plainTextPath="internal://${SOURCE}.txt">
      <PlainTextSelection guid="${OTHER.replace('96', '97')}" name="${QUOTE}" startPosition="${at}" endPosition="${at + [...QUOTE].length}"><Coding guid="${OTHER.replace('96', '98')}"><CodeRef targetGUID="${CODE}"/></Coding></PlainTextSelection>
    </TextSource>
    <TextSource guid="${OTHER}" name="مقابلة ميدانية"><PlainTextContent>${escape('نص لا يوجد في هذه المجموعة.')}</PlainTextContent>
      <PlainTextSelection guid="${OTHER.replace('96', '99')}" startPosition="0" endPosition="2"/>
    </TextSource>
  </Sources>
</Project>`;
    openFile = path.join(dir, 'field-work.qdpx');
    fs.writeFileSync(openFile, zipSync({ 'project.qde': strToU8(qde), [`sources/${SOURCE}.txt`]: strToU8(text) }));
    await page.getByRole('button', { name: 'Notebook' }).click();
    const exports = page.locator('.notebook-exports');
    await exports.getByRole('button', { name: 'Import REFI-QDA…' }).click();
    const report = exports.locator('.refi-import-report');
    await report.waitFor();
    expect(await report.locator('p').first().textContent()).toBe(
      'Import of field-work.qdpx: codes: 1 added, 0 already here; sources: 1 matched a document, 1 matched none; coded passages: 1 added, 0 already here, 1 code applied.',
    );
    await report.locator('summary').click();
    expect(await report.locator('li').first().textContent()).toBe(
      'Source “مقابلة ميدانية” matched no document: its text is the text of no document of the open corpus (1 coded selection not imported).',
    );
    const coded = harness.services.listDocumentCodings({ documentId: DOC_ID });
    expect(coded).toHaveLength(1);
    const imported = harness.services.listHighlights({ documentId: DOC_ID }).find((h) => h.id === coded[0]!.highlightId);
    expect(imported?.quote.exact).toBe(QUOTE);
    // The code's #cc3300 (a red-orange) gives the orange highlight.
    expect(imported?.color).toBe('orange');
    await page.locator('.notebook-entry', { hasText: QUOTE }).waitFor();
    for (const theme of ['light', 'dark'] as const) {
      await sendCommand(harness, `theme-${theme}`);
      await expect.poll(() => page.evaluate(() => document.documentElement.dataset.theme)).toBe(theme);
      await page.screenshot({ path: `/tmp/y-qda-import-${theme}.png` });
    }
    await sendCommand(harness, 'theme-light');
    const results = await new AxeBuilder({ page: page as never }).include('.notebook-exports').setLegacyMode().withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
    expect(results.violations.map((v) => v.id)).toEqual([]);
  });

  it('refuses a hostile archive with its reason in words', async () => {
    openFile = path.join(dir, 'slip.qdpx');
    fs.writeFileSync(openFile, zipSync({ 'project.qde': strToU8('<Project/>'), '../../evil.txt': strToU8('x') }));
    const exports = page.locator('.notebook-exports');
    await exports.getByRole('button', { name: 'Import REFI-QDA…' }).click();
    const alert = exports.locator('.refi-import [role="alert"]');
    await alert.waitFor();
    expect(await alert.textContent()).toMatch(/slip\.qdpx was not imported: .*“\.\.\/\.\.\/evil\.txt”, which leaves the archive.*Nothing was changed\./);
  });

  it('refuses a project that does not follow the REFI-QDA schema, naming its first errors by line', async () => {
    openFile = path.join(dir, 'invalid.qdpx');
    const qde = `<?xml version="1.0" encoding="UTF-8"?>
<Project xmlns="urn:QDA-XML:project:1.0" name="Field work">
  <CodeBook><Codes><Code guid="${CODE}" name="Claims of loss" color="#cc3300"/></Codes></CodeBook>
  <Sources/>
</Project>`;
    fs.writeFileSync(openFile, zipSync({ 'project.qde': strToU8(qde) }));
    const before = harness.services.listCodebook(undefined).codes.length;
    const exports = page.locator('.notebook-exports');
    await exports.getByRole('button', { name: 'Import REFI-QDA…' }).click();
    const alert = exports.locator('.refi-import [role="alert"]');
    await expect.poll(() => alert.textContent()).toContain('invalid.qdpx');
    expect(await alert.textContent()).toBe(
      "Nothing was imported: invalid.qdpx was not imported: Its project.qde does not follow the REFI-QDA project schema (Project-mrt2019.xsd): line 3: Element 'Code': The attribute 'isCodable' is required but missing; " +
        "line 4: Element 'Sources': Missing child element(s). Expected is one of (TextSource, PictureSource, PDFSource, AudioSource, VideoSource). Nothing was changed.",
    );
    expect(harness.services.listCodebook(undefined).codes).toHaveLength(before);
    await alert.scrollIntoViewIfNeeded();
    await page.screenshot({ path: '/tmp/e-coding-schema-refusal.png' });
  });
});
