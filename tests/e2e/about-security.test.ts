import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUNDLED_CORPUS, ROOT } from '../harness/paths';
import { launchHarness, openApp, type Harness } from '../harness/renderer-harness';

describe('the About / Security panel', () => {
  let harness: Harness;

  beforeAll(async () => {
    harness = await launchHarness({ corpusFile: BUNDLED_CORPUS });
    await openApp(harness);
  });
  afterAll(async () => {
    await harness?.close();
  });

  it('shows offline status, corpus integrity and where the notes live', async () => {
    const { page } = harness;
    await page.getByRole('button', { name: 'Security' }).click();
    const blocked = page.locator('[data-fact="blocked"]');
    await expect.poll(() => blocked.textContent()).toContain('Refused so far: 0.');
    expect(await page.locator('[data-fact="manifest"]').textContent()).toContain('Intact: all 5 documents match the manifest');
    expect(await page.locator('[data-fact="corpus-sha256"]').textContent()).toMatch(/^[0-9a-f]{64}$/);
    expect(await page.locator('[data-fact="user-db"]').textContent()).toMatch(/carrel-user\.sqlite$/);
    expect(await page.locator('[data-fact="encryption"]').textContent()).toContain('Not encrypted by Carrel');
    fs.mkdirSync(path.join(ROOT, 'test-results'), { recursive: true });
    await page.screenshot({ path: path.join(ROOT, 'test-results', 'about-security.png') });
  });
});
