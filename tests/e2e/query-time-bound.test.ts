import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SOURCE_WORKERS } from '../../electron/node/query-worker/worker-entry';
import { launchHarness, openApp, type Harness } from '../harness/renderer-harness';
import { BUNDLED_CORPUS, ROOT } from '../harness/paths';

const SHOTS = path.join(ROOT, 'test-results');

// A query that never ends (a test-only hold in the query worker, released by nobody) stands
// for a runaway one: the window says what happened and what to do, and the next search works.
describe('a runaway query in the window', () => {
  let harness: Harness;
  beforeAll(async () => {
    fs.mkdirSync(SHOTS, { recursive: true });
    harness = await launchHarness({
      corpusFile: BUNDLED_CORPUS,
      workers: { ...SOURCE_WORKERS, timeBoundMs: 400, hold: { method: 'search', query: 'held in the worker', release: new SharedArrayBuffer(4) } },
    });
    await openApp(harness);
    await harness.page.locator('.document-row').first().waitFor();
  });
  afterAll(async () => {
    await harness?.close();
  });

  it('is stopped at the time bound with a message saying how to narrow it, and the next search answers', async () => {
    const { page } = harness;
    const input = page.getByRole('combobox', { name: 'Search the corpus' });
    await input.fill('held in the worker');
    const error = page.locator('.search-panel[aria-busy="false"] .search-status.search-error');
    await error.waitFor();
    expect(await error.textContent()).toMatch(/stopped after 0.4 seconds.*Make it narrower/);
    await page.screenshot({ path: path.join(SHOTS, 'search-time-bound.png') });
    await input.fill('caliphate');
    await page.locator('.search-panel[aria-busy="false"] [role="option"]').first().waitFor();
    expect(await page.locator('.search-status.search-error').count()).toBe(0);
    // The library and reader kept working meanwhile (they never waited on search).
    expect(await page.locator('.document-row').count()).toBeGreaterThan(0);
  });
});
