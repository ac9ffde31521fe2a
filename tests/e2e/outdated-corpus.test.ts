import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { buildCorpus } from '../../electron/node/corpus/build-corpus';
import { CORPUS_FORMAT_VERSION } from '../../electron/node/corpus/corpus-format';
import { createServices } from '../../electron/node/services/create-services';
import { openDatabase } from '../../electron/node/sqlite/open-database';
import { BUNDLED_SOURCES, FIXTURES, ROOT } from '../harness/paths';
import { launchHarness, openApp, type Harness } from '../harness/renderer-harness';

const poll = expect.poll;
const SHOTS = path.join(ROOT, 'test-results');

/** What an older Carrel left: the same file, an older format number. */
function makeOutdated(file: string): void {
  const db = openDatabase(file);
  try {
    db.pragma('user_version = 5');
  } finally {
    db.close();
  }
}

// Issue 10, item 11 (and item 3's message): a corpus made by an older Carrel, in the window.
describe('a corpus made by an older Carrel, in the app', () => {
  let dir: string;
  let harness: Harness | undefined;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'carrel-outdated-e2e-'));
    fs.mkdirSync(SHOTS, { recursive: true });
  });
  afterEach(async () => {
    await harness?.close();
    harness = undefined;
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('offers Rebuild when its sources are known, rebuilds it with progress, and the notes come back', async () => {
    // Carrel's own layout: corpus/carrel.sqlite beside corpus/sources, as the bundled corpus.
    const corpusDir = path.join(dir, 'known', 'corpus');
    fs.cpSync(BUNDLED_SOURCES, path.join(corpusDir, 'sources'), { recursive: true });
    const file = path.join(corpusDir, 'carrel.sqlite');
    buildCorpus({ sourcesDir: path.join(corpusDir, 'sources'), outFile: file });
    const userDbFile = path.join(dir, 'known', 'user', 'carrel-user.sqlite');
    const before = createServices({ corpusFile: file, userDbFile });
    const doc = before.listDocuments(undefined)[0]!;
    before.createHighlight({ documentId: doc.id, start: 0, end: 20, color: 'blue', note: 'A note from before the update' });
    before.close();
    makeOutdated(file);

    harness = await launchHarness({ corpusFile: file, userDbFile, recentCorporaFile: path.join(dir, 'known', 'user', 'carrel-corpora.json') });
    await openApp(harness);
    const { page } = harness;
    const offer = page.locator('main .outdated-corpus');
    await offer.waitFor();
    expect(await page.locator('.error-panel h2').textContent()).toBe('Carrel cannot open its corpus');
    const message = await page.locator('.error-panel').textContent();
    expect(message).toContain('was made by an older version of Carrel');
    expect(message).not.toMatch(/npx|npm/);
    expect(await offer.locator('h3').textContent()).toBe('“ISIS propaganda and the virtual caliphate” needs to be rebuilt');
    expect(await offer.locator('.outdated-facts').textContent()).toMatch(
      new RegExp(`Made byCarrel’s corpus builder 0\\.3\\.0 on \\d{4}-\\d\\d-\\d\\dFormat5 \\(this version of Carrel reads ${CORPUS_FORMAT_VERSION}\\)`),
    );
    expect(await offer.textContent()).toContain(path.join(corpusDir, 'sources'));
    await page.screenshot({ path: path.join(SHOTS, 'outdated-corpus-rebuild.png'), fullPage: true });

    const rebuild = offer.getByRole('button', { name: 'Rebuild “ISIS propaganda and the virtual caliphate”' });
    await rebuild.focus();
    await page.keyboard.press('Enter');
    // Followed in the Corpora view, like any build.
    // Read in one evaluation with the panel: the build may finish (and open the library) right after.
    const current = await page.waitForFunction(() => (document.querySelector('.build-panel') ? document.querySelector('[aria-current="page"]')?.textContent : null));
    expect(await current.jsonValue()).toBe('Corpora');
    // Done, it opens by itself: no corpus was open to leave.
    await poll(() => page.locator('.document-row').count(), { timeout: 20_000 }).toBe(5);
    expect(await page.locator('.outdated-corpus').count()).toBe(0);
    await page.screenshot({ path: path.join(SHOTS, 'outdated-corpus-rebuilt.png'), fullPage: true });
    expect(await page.locator('.corpus-name').textContent()).toBe('ISIS propaganda and the virtual caliphate');
    await page.locator('.document-row').first().click();
    await poll(() => page.locator('.document-body mark.highlight-blue').count()).toBeGreaterThan(0);
  });

  it('says where it came from and what to do when its sources are not known; an unsaved recent list is said too', async () => {
    const file = path.join(dir, 'unknown', 'field-notes.sqlite');
    buildCorpus({ sourcesDir: path.join(FIXTURES, 'corpus-mixed'), outFile: file });
    makeOutdated(file);
    // The recent list cannot be saved: its path is a folder.
    const recentCorporaFile = path.join(dir, 'unknown', 'user', 'carrel-corpora.json');
    fs.mkdirSync(recentCorporaFile, { recursive: true });
    harness = await launchHarness({ corpusFile: file, recentCorporaFile, userDbFile: path.join(dir, 'unknown', 'user', 'carrel-user.sqlite') });
    await openApp(harness);
    const { page } = harness;
    const offer = page.locator('main .outdated-corpus');
    await offer.waitFor();
    expect(await offer.getByRole('button').count()).toBe(0);
    const advice = await offer.locator('.outdated-advice').textContent();
    expect(advice).toMatch(/^Carrel does not know the folder it was built from\. /);
    expect(advice).toContain('use “Build corpus from a folder…” in Corpora, choose that folder and save over field-notes.sqlite.');
    expect(advice).toContain('keeps its id, corpus-mixed');
    expect(await offer.textContent()).not.toMatch(/npx|npm/);
    await page.screenshot({ path: path.join(SHOTS, 'outdated-corpus-unknown.png'), fullPage: true });

    await page.getByRole('button', { name: 'Corpora' }).click();
    await page.locator('.corpora .outdated-corpus').waitFor();
    const problem = page.locator('[data-fact="recent-save-problem"]');
    await problem.waitFor();
    expect(await problem.textContent()).toBe(
      `Carrel could not save the list of recent corpora: ${recentCorporaFile} is a folder, not a file. Corpora open as usual; the list is kept until Carrel closes.`,
    );
    await page.screenshot({ path: path.join(SHOTS, 'outdated-corpus-corpora-view.png'), fullPage: true });
  });

  it('offers Rebuild for a recent corpus that fails to open, built in the app from a folder it remembers', async () => {
    const small = path.join(dir, 'recent', 'small.sqlite');
    buildCorpus({ sourcesDir: path.join(FIXTURES, 'corpus-small'), outFile: small, title: 'Small' });
    const sourcesDir = path.join(dir, 'recent', 'mixed-sources');
    fs.cpSync(path.join(FIXTURES, 'corpus-mixed'), sourcesDir, { recursive: true });
    const old = path.join(dir, 'recent', 'corpora', 'mixed.sqlite');
    buildCorpus({ sourcesDir, outFile: old });
    makeOutdated(old);
    // As the app wrote it after building that corpus.
    const recentCorporaFile = path.join(dir, 'recent', 'user', 'carrel-corpora.json');
    fs.mkdirSync(path.dirname(recentCorporaFile), { recursive: true });
    const entry = { file: old, corpusId: 'corpus-mixed', title: 'Mixed fixture corpus', documentCount: 5, openedAt: '2026-01-01T00:00:00.000Z', sourcesDir };
    fs.writeFileSync(recentCorporaFile, JSON.stringify({ version: 1, corpora: [entry] }));
    harness = await launchHarness({ corpusFile: small, recentCorporaFile, userDbFile: path.join(dir, 'recent', 'user', 'carrel-user.sqlite') });
    await openApp(harness);
    const { page } = harness;
    await page.locator('.document-row').first().waitFor();
    await page.getByRole('button', { name: 'Corpora' }).click();
    await page.locator('.recent-open', { hasText: 'Mixed fixture corpus' }).click();
    await poll(() => page.locator('.corpora-problem[role="alert"]').textContent()).toContain('mixed.sqlite was made by an older version of Carrel');
    const offer = page.locator('.corpora .outdated-corpus');
    await offer.waitFor();
    expect(await offer.textContent()).toContain(sourcesDir);
    await page.screenshot({ path: path.join(SHOTS, 'outdated-corpus-recent.png'), fullPage: true });
    await offer.getByRole('button', { name: 'Rebuild “Mixed fixture corpus”' }).click();
    const panel = page.locator('.build-panel');
    await poll(() => panel.getAttribute('data-state'), { timeout: 20_000 }).toBe('done');
    await panel.getByRole('button', { name: 'Open “Mixed fixture corpus”' }).click();
    await poll(() => page.locator('.corpus-name').textContent()).toBe('Mixed fixture corpus');
    await poll(() => page.locator('.document-row').count()).toBe(5);
  });
});
