import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BuildSummary } from '../../electron/node/corpus/build-corpus';
import { buildHostileCorpus } from '../harness/hostile-corpus';
import { ROOT } from '../harness/paths';
import { launchHarness, openApp, type Harness } from '../harness/renderer-harness';

// Documents are untrusted. Each hostile fixture must render as readable text with no script
// run, no request made and no CSP violation (the harness fails on the last two by itself).
describe('hostile documents', () => {
  let dir: string;
  let summary: BuildSummary;
  let harness: Harness;

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'carrel-hostile-'));
    const built = buildHostileCorpus(dir);
    summary = built.summary;
    harness = await launchHarness({ corpusFile: built.file });
    await openApp(harness);
    await harness.page.locator('.document-row').first().waitFor();
  });

  afterAll(async () => {
    await harness?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('refuses unreadable files with a reason and keeps the rest', () => {
    const reasons = Object.fromEntries(summary.skipped.map((s) => [s.path, s.reason]));
    expect(reasons['35-invalid-utf8.txt']).toBe('invalid-utf8');
    expect(reasons['36-zero-byte.txt']).toBe('empty');
    expect(summary.documents).toBe(36);
  });

  it('renders every document as readable text without running anything from it', async () => {
    const { page } = harness;
    const ids = await page.locator('button.document-open').evaluateAll((buttons) => buttons.map((b) => b.getAttribute('data-doc-id')!));
    expect(ids).toHaveLength(36);
    for (const id of ids) {
      await page.locator(`button[data-doc-id="${id.replace(/["\\]/g, '\\$&')}"]`).click();
      const body = page.locator('.document-body');
      await body.waitFor();
      const number = /^(\d\d)-/.exec(id)?.[1] ?? '37';
      expect(await body.textContent(), id).toContain(`Readable text ${number} survives`);
      expect(await page.locator('.document-body script, .document-body img, .document-body iframe, .document-body a[href^="javascript"]').count(), id).toBe(0);
      await page.keyboard.press('Escape');
      await page.locator('.document-row').first().waitFor();
    }
    await page.waitForTimeout(300);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned)).toBeUndefined();
    expect(harness.pageErrors).toEqual([]);
  });

  it('shows a bidi-override title in its real order, so it cannot pose as another file type', async () => {
    const title = harness.page.locator('.document-title', { hasText: 'Invoice' });
    expect(await title.getAttribute('dir')).toBe('auto');
    expect(await title.textContent()).toBe('Invoice fdp.exe');
    fs.mkdirSync(path.join(ROOT, 'test-results'), { recursive: true });
    await harness.page.screenshot({ path: path.join(ROOT, 'test-results', 'hostile-library.png'), fullPage: true });
  });
});
