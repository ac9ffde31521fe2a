import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openCipherDatabase, type CipherDb } from '../../electron/node/sqlite/open-cipher-database';
import { BUNDLED_CORPUS, ROOT } from '../harness/paths';
import { launchHarness, openApp, type Harness } from '../harness/renderer-harness';

const SHOTS = path.join(ROOT, 'test-results');
const DOC = /ISIS Admits It Is Losing/;
const DOC_ID = '002-isis-admits-it-is-losing';

/** A failed try takes the notes database's busy timeout (5 s) before it fails: wait long enough for a few. */
function poll<T>(read: () => T | Promise<T>, timeout = 30_000) {
  return expect.poll(read, { timeout, interval: 200 });
}

async function shot(page: Page, name: string) {
  fs.mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SHOTS, `failed-saves-${name}.png`) });
}

/**
 * Another program holding the notes database's write lock: a real SQLite failure (SQLITE_BUSY
 * after the busy timeout) of every save the app tries, until it lets go.
 */
function holdWriteLock(file: string): { release(): void } {
  const other: CipherDb = openCipherDatabase(file);
  other.exec('BEGIN IMMEDIATE');
  return {
    release() {
      other.exec('ROLLBACK');
      other.close();
    },
  };
}

describe('a note that cannot be saved', () => {
  let harness: Harness;
  let page: Page;

  beforeAll(async () => {
    harness = await launchHarness({ corpusFile: BUNDLED_CORPUS });
    page = harness.page;
    await openApp(harness);
    await page.getByRole('button', { name: 'Library', exact: true }).click();
    await page.getByRole('button', { name: DOC }).click();
    await page.locator('.document-body p').nth(3).waitFor();
  });

  afterAll(async () => {
    await harness?.close();
  });

  it('stays in the editor marked Not saved with the reason, is retried, and says when it is saved', async () => {
    await page.getByRole('button', { name: 'New note' }).click();
    const card = page.locator('.document-note').last();
    const field = card.locator('textarea');
    await field.pressSequentially('First words are kept.', { delay: 5 });
    await poll(() => card.locator('.save-status').textContent()).toBe('Saved');

    const lock = holdWriteLock(harness.userDbFile);
    await field.pressSequentially(' These words must not be lost.', { delay: 5 });
    const problem = card.locator('.save-problem');
    await poll(() => problem.textContent()).toContain('Not saved. Your notes database is in use by another program: your last change was not saved yet.');
    expect(await card.locator('.save-status').textContent()).toMatch(/^Not saved/);
    expect(await field.getAttribute('aria-invalid')).toBe('true');
    expect(await field.getAttribute('class')).toContain('note-field-unsaved');

    // Leaving the field does not turn unsaved text into a rendered note that looks kept.
    await page.locator('.reader-title').focus();
    await page.waitForTimeout(300);
    expect(await card.locator('.note-preview').count()).toBe(0);
    expect(await field.inputValue()).toBe('First words are kept. These words must not be lost.');
    await poll(() => problem.textContent()).toMatch(/Carrel tries again|Trying again now/);
    await problem.scrollIntoViewIfNeeded();
    await shot(page, 'unsaved');
    // Nothing of the second sentence is stored yet.
    const stored = () => harness.services.listDocumentNotes({ documentId: DOC_ID }).map((note) => note.body);
    expect(stored()).toEqual(['First words are kept.']);

    lock.release();
    await poll(() => card.locator('.save-problem-over').textContent()).toBe('Saved now: the problem is over and everything you wrote here is kept.');
    expect(await card.locator('.save-status').textContent()).toBe('Saved now');
    expect(stored()).toEqual(['First words are kept. These words must not be lost.']);
    // Saved, and left: now it shows rendered.
    await poll(() => card.locator('.note-preview').count()).toBe(1);
    await shot(page, 'saved-after-all');
  });

  it('is kept when its editor closes, said in a banner meanwhile, and comes back when the editor opens again', async () => {
    await page.locator('.document-body p').nth(1).dblclick();
    await page.locator('.selection-toolbar').waitFor();
    await page.getByRole('button', { name: /Highlight yellow/ }).click();
    const editor = page.locator('.highlight-editor');
    await editor.waitFor();
    const lock = holdWriteLock(harness.userDbFile);
    const field = editor.locator('textarea');
    await field.click();
    await field.pressSequentially('A note typed while the file is locked.', { delay: 5 });
    await poll(() => editor.locator('.save-problem').textContent()).toContain('in use by another program');

    await editor.getByRole('button', { name: 'Close the highlight' }).click();
    const banner = page.locator('.unsaved-banner');
    await poll(() => banner.textContent()).toMatch(/^The note on the highlight “.+” is not saved\. Your notes database is in use by another program/);
    expect(await banner.textContent()).toContain('open the note again to see or copy it');
    await shot(page, 'banner');

    await page.locator('.highlight-list button').first().click();
    await poll(() => editor.locator('textarea').inputValue()).toBe('A note typed while the file is locked.');
    expect(await banner.count()).toBe(0); // on screen again: its own editor says it
    expect(await editor.locator('.save-status').textContent()).toMatch(/^Not saved/);
    await shot(page, 'reopened');

    lock.release();
    await poll(() => editor.locator('.save-status').textContent()).toBe('Saved now');
    const highlights = harness.services.listHighlights({ documentId: DOC_ID });
    expect(highlights.map((h) => h.note)).toContain('A note typed while the file is locked.');
  });

  it('does not take a tag made only of invisible characters, and says why', async () => {
    const editor = page.locator('.highlight-editor');
    const tag = editor.locator('.tag-field');
    await tag.fill('\u200B\u202E');
    await tag.press('Enter');
    await poll(() => editor.locator('.tag-hint').textContent()).toBe(
      'Not added: a tag needs at least one visible letter, digit or symbol, and this one had only invisible characters.',
    );
    expect(await editor.locator('.tag').count()).toBe(0);
    await tag.fill('\u200Bevidence\u200F');
    await tag.press('Enter');
    await poll(() => editor.locator('.tag').allTextContents()).toEqual(['evidence×']);
    expect(await editor.locator('.tag-hint').count()).toBe(0);
  });
});
