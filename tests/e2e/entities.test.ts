import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCorpus } from '../../electron/node/corpus/build-corpus';
import { BUNDLED_SOURCES, ROOT } from '../harness/paths';
import { launchHarness, openApp, type Harness } from '../harness/renderer-harness';

const poll = expect.poll;
const SHOTS = path.join(ROOT, 'test-results');

// Issue 16: the entity index and an entity's page, by keyboard, on the bundled articles.
describe('the entity index in the app', () => {
  let dir: string;
  let harness: Harness;

  beforeAll(async () => {
    fs.mkdirSync(SHOTS, { recursive: true });
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'carrel-entities-e2e-'));
    const corpusFile = path.join(dir, 'bundled.sqlite');
    buildCorpus({ sourcesDir: BUNDLED_SOURCES, outFile: corpusFile });
    harness = await launchHarness({ corpusFile });
    await openApp(harness);
    await harness.page.locator('.document-row').first().waitFor();
  });
  afterAll(async () => {
    await harness?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('lists suggested entities by kind, filters as you type, and opens an entry by keyboard', async () => {
    const { page } = harness;
    await page.getByRole('button', { name: 'Analysis' }).click();
    await page.getByRole('tab', { name: 'Concordance' }).focus();
    await page.keyboard.press('End');
    await poll(() => page.getByRole('tab', { name: 'Entities' }).getAttribute('aria-selected')).toBe('true');
    const table = page.locator('.entity-table');
    // The group most mentioned first, its spellings merged.
    await poll(() => table.locator('tbody tr').first().locator('th').textContent()).toBe('Islamic State');
    await expect(table.locator('tbody tr').first().locator('td').last().textContent()).resolves.toBe('Daesh · IS · ISIL · ISIS · Islamic State');
    await page.getByLabel('Kind').selectOption('person');
    await page.getByLabel('Filter').fill('winter');
    await poll(() => page.locator('.analysis-count').textContent()).toBe('1 suggested entry');
    await page.screenshot({ path: path.join(SHOTS, 'entities-index.png') });
    await table.getByRole('button', { name: 'Charlie Winter' }).focus();
    await page.keyboard.press('Enter');
    const title = page.getByRole('heading', { level: 2, name: 'Charlie Winter' });
    await title.waitFor();
    await poll(() => page.evaluate(() => document.activeElement?.id)).toBe('entity-title');
    await poll(() => page.locator('.entity-mention').count()).toBe(4);
    await expect(page.locator('.entity-mention mark').allTextContents()).resolves.toEqual(['Charlie Winter', 'Charlie Winter', 'Charlie Winter', 'Winter']);
    await expect(page.locator('.entity-cooccurring').getByRole('button', { name: 'King’s College' }).count()).resolves.toBe(1);
    await page.screenshot({ path: path.join(SHOTS, 'entities-page.png'), fullPage: true });
  });

  it('splits a spelling off, undoes it, and opens a mention in the reader', async () => {
    const { page } = harness;
    await page.getByRole('button', { name: 'Split off “Winter”' }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 2, name: 'Winter', exact: true }).waitFor();
    await poll(() => page.locator('.entity-mention').count()).toBe(1);
    await page.getByRole('button', { name: 'Undo the last change' }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 2, name: 'Charlie Winter' }).waitFor();
    await poll(() => page.locator('.entity-mention').count()).toBe(4);
    await page.locator('.entity-mention').first().focus();
    await page.keyboard.press('Enter');
    await poll(() => page.locator('.reader-title').textContent()).toBe('Caliphate under the laws of the Internet: from the twitter revolution to digital jihad. What will happen to the "virtual caliphate" after the end of the');
  });
});
