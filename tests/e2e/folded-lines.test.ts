import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCorpus } from '../../electron/node/corpus/build-corpus';
import { BUNDLED_SOURCES, ROOT } from '../harness/paths';
import { launchHarness, openApp, type Harness } from '../harness/renderer-harness';

const poll = expect.poll;
const DOC = '004-as-isis-loses-territory-it-seeks-to-survive-online';
const TITLE_LINE = 'As ISIS Loses Territory, it Seeks to Survive Online | ASHARQ AL-AWSAT English Archive 2005 -2017';
const ARTICLE = 'A 2014 image taken from a propaganda video';

/** Calls the app's API from the page, as the renderer does. */
async function call<T>(harness: Harness, method: string, input: unknown): Promise<T> {
  const result = await harness.page.evaluate(
    ([m, i]) => (window as unknown as { carrel: Record<string, (input: unknown) => Promise<unknown>> }).carrel[m as string]!(i),
    [method, input] as const,
  );
  const r = result as { ok: boolean; value?: T; error?: unknown };
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value!;
}

describe('folded lines and the highlights made before', () => {
  let dir: string;
  let sources: string;
  let userDbFile: string;

  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'carrel-folded-e2e-'));
    sources = path.join(dir, 'sources');
    fs.cpSync(BUNDLED_SOURCES, sources, { recursive: true });
    userDbFile = path.join(dir, 'user.sqlite');
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  async function withHarness(corpusFile: string, run: (harness: Harness) => Promise<void>) {
    const harness = await launchHarness({ corpusFile, userDbFile });
    try {
      await openApp(harness);
      await harness.page.locator('.document-row').first().waitFor();
      await run(harness);
      expect(harness.pageErrors).toEqual([]);
    } finally {
      await harness.close();
    }
  }

  it('still shows a highlight on a folded line and one on the article after a rebuild that shifts every paragraph', async () => {
    const v1 = path.join(dir, 'v1.sqlite');
    buildCorpus({ sourcesDir: sources, outFile: v1 });
    await withHarness(v1, async (harness) => {
      const doc = await call<{ text: string }>(harness, 'getDocument', { id: DOC });
      // One on the title line the reader folds (made where it was shown, or by an older Carrel), one on the article.
      for (const [quote, color] of [
        [TITLE_LINE, 'yellow'],
        [ARTICLE, 'green'],
      ] as const) {
        const start = doc.text.indexOf(quote);
        await call(harness, 'createHighlight', { documentId: DOC, start, end: start + quote.length, color });
      }
    });

    // The source gains a skip link at its top: every offset after it moves.
    const file = path.join(sources, `${DOC}.txt`);
    const text = fs.readFileSync(file, 'utf8');
    const body = text.indexOf('---\n', 4) + 4;
    fs.writeFileSync(file, `${text.slice(0, body)}Skip to main content\n\n${text.slice(body)}`);
    const v2 = path.join(dir, 'v2.sqlite');
    buildCorpus({ sourcesDir: sources, outFile: v2 });

    await withHarness(v2, async ({ page }) => {
      await page.getByRole('button', { name: /As ISIS Loses Territory/ }).click();
      const reader = page.locator('.document-body');
      await poll(() => reader.locator('mark.highlight-green').allTextContents()).toEqual([ARTICLE]);
      // The folded line holding a highlight is shown, its highlight on it; the new skip link is folded away.
      await poll(() => reader.locator('mark.highlight-yellow').allTextContents()).toEqual([TITLE_LINE]);
      expect(await reader.textContent()).not.toContain('Skip to main content');
      expect(await reader.textContent()).not.toContain('Media ID');
      await page.screenshot({ path: path.join(ROOT, 'test-results', 'reader-folded-highlight.png') });
    });
  });
});
