import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCorpus } from '../../electron/node/corpus/build-corpus';
import { FIXTURES, ROOT } from '../harness/paths';
import { launchHarness, openApp, sendCommand, type Harness } from '../harness/renderer-harness';

const poll = expect.poll;

/** A folder big enough that its build is seen in progress: many small reports. */
function writeManyReports(dir: string, count: number): void {
  fs.mkdirSync(dir, { recursive: true });
  const paragraph = 'The propaganda apparatus published videos, magazines and radio bulletins in many languages. ';
  for (let i = 0; i < count; i++) {
    const body = `Report ${i} on the online caliphate\n\n${paragraph.repeat(20 + (i % 7))}\n\nFiled as number ${i}.\n`;
    fs.writeFileSync(path.join(dir, `report-${String(i).padStart(5, '0')}.txt`), body);
  }
}

// Opening another corpus, the recent list, building one from a folder in the app, and notes kept per corpus.
describe('corpora in the app', () => {
  let dir: string;
  let harness: Harness;
  let small: string;
  let mixed: string;
  let chosenFile: string | undefined;
  let chosenFolder: string | undefined;
  let chosenOutput: string | undefined;
  // Read by the build service at each start: the cancel test slows its build so the click lands first.
  const buildPacing: { sliceMs?: number; pauseMs?: number } = {};

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'carrel-corpora-e2e-'));
    small = path.join(dir, 'small.sqlite');
    mixed = path.join(dir, 'mixed.sqlite');
    buildCorpus({ sourcesDir: path.join(FIXTURES, 'corpus-small'), outFile: small, title: 'Small' });
    buildCorpus({ sourcesDir: path.join(FIXTURES, 'corpus-mixed'), outFile: mixed });
    writeManyReports(path.join(dir, 'reports'), 6000);
    harness = await launchHarness({
      corpusFile: small,
      recentCorporaFile: path.join(dir, 'carrel-corpora.json'),
      corporaDir: path.join(dir, 'corpora'),
      buildPacing,
      dialogs: {
        chooseCorpusFile: async () => chosenFile,
        chooseSourcesFolder: async () => chosenFolder,
        chooseBuildOutput: async (suggested) => chosenOutput ?? suggested,
      },
    });
    await openApp(harness);
    await harness.page.locator('.document-row').first().waitFor();
  });

  afterAll(async () => {
    await harness?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('opens the corpus file chosen from the menu, and the header and library follow', async () => {
    const { page } = harness;
    // A highlight in the first corpus, to see it come back later.
    const notes = await harness.services.getDocument({ id: 'notes' });
    harness.services.createHighlight({ documentId: 'notes', start: notes.paragraphs[1]!.start, end: notes.paragraphs[1]!.start + 12, color: 'green' });
    expect(await page.locator('.corpus-name').textContent()).toBe('Small');
    chosenFile = mixed;
    await sendCommand(harness, 'open-corpus');
    await poll(() => page.locator('.corpus-name').textContent()).toBe('Mixed fixture corpus');
    await poll(() => page.locator('.document-row').count()).toBe(5);
    expect(await page.locator('[aria-current="page"]').textContent()).toBe('Library');
  });

  it('refuses a file that is not a corpus with a message, keeping the open one', async () => {
    const { page } = harness;
    chosenFile = path.join(dir, 'notes.txt');
    fs.writeFileSync(chosenFile, 'just some notes');
    await page.getByRole('button', { name: 'Corpora' }).click();
    await page.getByRole('button', { name: 'Open corpus file…' }).click();
    await poll(() => page.locator('.corpora-problem[role="alert"]').textContent()).toMatch(/notes\.txt cannot be read as a corpus/);
    expect(await page.locator('.corpus-name').textContent()).toBe('Mixed fixture corpus');
    expect(await page.locator('[data-fact="current-corpus"]').textContent()).toContain('Mixed fixture corpus');
  });

  it('lists recent corpora and switches back by keyboard; the first corpus’s highlight is there again', async () => {
    const { page } = harness;
    const recent = page.locator('.recent-open');
    await poll(() => recent.count()).toBe(2);
    expect(await recent.nth(0).textContent()).toContain('open now');
    expect(await recent.nth(0).isDisabled()).toBe(true);
    await recent.nth(1).focus();
    await page.keyboard.press('Enter');
    await poll(() => page.locator('.corpus-name').textContent()).toBe('Small');
    await page.getByRole('button', { name: /Notes on the caliphate/ }).click();
    await poll(() => page.locator('.document-body mark.highlight-green').count()).toBe(1);
    await page.keyboard.press('Escape');
  });

  it('builds a corpus from a folder with a progress bar, then opens it', async () => {
    const { page } = harness;
    chosenFolder = path.join(dir, 'reports');
    chosenOutput = undefined; // take the suggested place
    await sendCommand(harness, 'build-corpus');
    const panel = page.locator('.build-panel');
    await panel.waitFor();
    await poll(() => panel.getAttribute('data-state')).toBe('running');
    const bar = panel.locator('progress.build-progress');
    await poll(() => bar.evaluate((el) => (el as HTMLProgressElement).value), { timeout: 20_000 }).toBeGreaterThan(0);
    expect(await panel.locator('.build-figures').textContent()).toMatch(/(Reading: [\d,]+ of 6,000 files|Indexing: [\d,]+ of [\d,]+ documents)/);
    fs.mkdirSync(path.join(ROOT, 'test-results'), { recursive: true });
    await page.screenshot({ path: path.join(ROOT, 'test-results', 'corpora-building.png') });
    // Reading goes on meanwhile: the library answers, and the header shows how far the build is.
    await page.getByRole('button', { name: 'Library' }).click();
    await poll(() => page.locator('.document-row').count()).toBe(3);
    const indicator = page.locator('.build-indicator');
    await poll(() => indicator.textContent(), { timeout: 60_000 }).toBe('Corpus built');
    await indicator.click();
    await poll(() => panel.getAttribute('data-state')).toBe('done');
    expect(await panel.locator('.build-state').textContent()).toMatch(/Done: 6,000 documents added/);
    expect(await panel.locator('.build-skipped').count()).toBe(0);
    await page.screenshot({ path: path.join(ROOT, 'test-results', 'corpora-built.png') });
    expect(fs.existsSync(path.join(dir, 'corpora', 'reports.sqlite'))).toBe(true);
    await panel.getByRole('button', { name: /^Open “reports”/ }).click();
    await poll(() => page.locator('.corpus-name').textContent()).toBe('reports');
    await poll(() => page.locator('.library .count').textContent()).toMatch(/6,?000 documents/);
  });

  it('shows every skipped file with its reason when a build leaves files out', async () => {
    const { page } = harness;
    await page.getByRole('button', { name: 'Corpora' }).click();
    chosenFolder = path.join(FIXTURES, 'corpus-mixed');
    chosenOutput = path.join(dir, 'mixed-again.sqlite');
    await page.getByLabel(/Title for a new corpus/).fill('Mixed, built again');
    await page.keyboard.press('Enter');
    const panel = page.locator('.build-panel');
    // The build worker loads first (here from TypeScript, through tsx), which can take seconds on a loaded machine.
    await poll(() => panel.getAttribute('data-state'), { timeout: 20_000 }).toBe('done');
    const skipped = panel.locator('.build-skipped');
    expect(await skipped.locator('summary').textContent()).toBe('4 files skipped');
    const text = await skipped.textContent();
    expect(text).toContain('invalid UTF-8 (1)');
    expect(text).toContain('plain/latin1-notes.txt');
    expect(text).toContain('duplicate of another file (1)');
    await page.screenshot({ path: path.join(ROOT, 'test-results', 'corpora-skipped.png'), fullPage: true });
    expect(await panel.getByRole('button', { name: /^Open/ }).textContent()).toBe('Open “Mixed, built again”');
    await panel.getByRole('button', { name: 'Close' }).click();
    await poll(() => panel.count()).toBe(0);
    await poll(() => page.locator('.recent-open').count()).toBe(4);
    expect(await page.locator('.recent-title').first().textContent()).toBe('Mixed, built again');
    // Built, never opened: the list says so (issue 18).
    expect(await page.locator('.recent-detail').first().textContent()).toMatch(/^\d+ documents · built \d{4}-\d\d-\d\d$/);
    await page.getByLabel(/Title for a new corpus/).fill('');
    // A corpus can be taken off the list; its file stays.
    await page.getByRole('button', { name: 'Remove “Mixed, built again” from the list' }).click();
    await poll(() => page.locator('.recent-open').count()).toBe(3);
    expect(fs.existsSync(chosenOutput)).toBe(true);
    expect(await page.getByRole('button', { name: /Remove “reports”/ }).count()).toBe(0);
  });

  it('cancels a build, leaving nothing behind', async () => {
    const { page } = harness;
    chosenFolder = path.join(dir, 'reports');
    chosenOutput = path.join(dir, 'cancelled.sqlite');
    // About 500 slices of 2 ms with 50 ms rests: half a minute, far longer than a click takes.
    Object.assign(buildPacing, { sliceMs: 2, pauseMs: 50 });
    await page.getByRole('button', { name: 'Build corpus from a folder…' }).click();
    const panel = page.locator('.build-panel');
    await poll(() => panel.getAttribute('data-state')).toBe('running');
    await panel.getByRole('button', { name: 'Cancel build' }).click();
    await poll(() => panel.getAttribute('data-state'), { timeout: 20_000 }).toBe('cancelled');
    expect(await panel.locator('.build-state').textContent()).toBe('Cancelled. Nothing was written.');
    expect(fs.readdirSync(dir).filter((name) => name.startsWith('cancelled.sqlite'))).toEqual([]);
  });

  it('made no request outside the app and logged no error', () => {
    expect(harness.foreignRequests).toEqual([]);
    expect(harness.cspViolations).toEqual([]);
    expect(harness.pageErrors).toEqual([]);
  });
});
