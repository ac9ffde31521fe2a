import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCorpus } from '../../electron/node/corpus/build-corpus';
import { FIXTURES, ROOT } from '../harness/paths';
import { HARNESS_ORIGIN, launchHarness, openApp, type Harness } from '../harness/renderer-harness';

// Links of documents are data: shown as links, their address offered to read and copy, never
// followed (no navigation, no window, no request; the harness fails on any foreign request).
describe('links in documents', () => {
  let dir: string;
  let harness: Harness;
  const BRIEF = 'briefs/propaganda-brief';
  const HREF = 'https://example.org/report';

  const openBrief = async () => {
    const { page } = harness;
    await page.getByRole('button', { name: /A brief on propaganda videos/ }).click();
    await page.locator('.document-body .doc-link').first().waitFor();
  };
  const backToLibrary = async () => {
    await harness.page.keyboard.press('Escape');
    await harness.page.locator('.document-row').first().waitFor();
  };
  const activeInfo = () =>
    harness.page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      const field = el instanceof HTMLInputElement ? el : null;
      return {
        className: el?.className ?? '',
        text: el?.textContent ?? '',
        selected: field ? field.value.slice(field.selectionStart ?? 0, field.selectionEnd ?? 0) : null,
      };
    });

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'carrel-links-'));
    buildCorpus({ sourcesDir: path.join(FIXTURES, 'corpus-mixed'), outFile: path.join(dir, 'mixed.sqlite'), title: 'Links' });
    harness = await launchHarness({ corpusFile: path.join(dir, 'mixed.sqlite') });
    await openApp(harness);
    await harness.page.locator('.document-row').first().waitFor();
  });

  afterAll(async () => {
    await harness?.close();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('shows link text as a link, with its address on hover, and no <a> at all', async () => {
    const { page } = harness;
    await openBrief();
    const link = page.locator('.document-body .doc-link');
    expect(await link.count()).toBe(1);
    expect(await link.textContent()).toBe('Fixture Institute report');
    expect(await link.getAttribute('title')).toBe(HREF);
    expect(await link.getAttribute('tabindex')).toBe('0');
    expect(await link.evaluate((el) => getComputedStyle(el).textDecorationLine)).toBe('underline');
    expect(await page.locator('.document-body a, a[href]').count()).toBe(0);
    // The link's text still maps to document offsets like any other text.
    expect(await link.locator('span[data-offset]').count()).toBeGreaterThan(0);
  });

  it('clicking the link opens nothing: the address is shown, selected, in a read-only field', async () => {
    const { page, context } = harness;
    const url = page.url();
    await page.locator('.document-body .doc-link').click();
    const dialog = page.getByRole('dialog', { name: 'Link address' });
    await dialog.waitFor();
    const field = dialog.getByRole('textbox', { name: 'Link address' });
    expect(await field.inputValue()).toBe(HREF);
    expect(await field.getAttribute('readonly')).not.toBeNull();
    await expect.poll(() => activeInfo()).toEqual({ className: 'link-address', text: '', selected: HREF });
    expect(await page.locator('.doc-link').getAttribute('aria-expanded')).toBe('true');
    await page.waitForTimeout(200);
    expect(page.url()).toBe(url);
    expect(context.pages()).toHaveLength(1);
    expect(harness.foreignRequests).toEqual([]);
    await page.screenshot({ path: path.join(ROOT, 'test-results', 'document-link-popover.png') });
  });

  it('when the clipboard API is refused (as in the app), Copy still copies the selected address', async () => {
    const { page, context } = harness;
    // The app denies every permission request (clipboard-sanitized-write too); headless Chromium
    // allows a clicked write, so the app's refusal is reproduced here.
    await page.evaluate(() => {
      Object.defineProperty(navigator.clipboard, 'writeText', {
        configurable: true,
        value: () => Promise.reject(new DOMException('Write permission denied.', 'NotAllowedError')),
      });
    });
    await context.grantPermissions(['clipboard-read'], { origin: HARNESS_ORIGIN }); // for the test to read it back
    const dialog = page.getByRole('dialog', { name: 'Link address' });
    await dialog.getByRole('button', { name: 'Copy address' }).click();
    await expect.poll(() => dialog.getByRole('status').textContent()).toBe('Address copied.');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(HREF);
    await context.clearPermissions();
  });

  it('when copying fails altogether, the address stays selected and the box says to press Ctrl+C', async () => {
    const { page } = harness;
    await page.evaluate(() => {
      Object.defineProperty(document, 'execCommand', { configurable: true, value: () => false });
    });
    const dialog = page.getByRole('dialog', { name: 'Link address' });
    await dialog.getByRole('button', { name: 'Copy address' }).click();
    await expect.poll(() => dialog.getByRole('status').textContent()).toContain('press Ctrl+C');
    await expect.poll(() => activeInfo()).toEqual({ className: 'link-address', text: '', selected: HREF });
    await page.evaluate(() => delete (document as unknown as { execCommand?: unknown }).execCommand);
  });

  it('with clipboard permission, Copy copies the address, and so does Ctrl+C in the field', async () => {
    const { page, context } = harness;
    await page.evaluate(() => delete (navigator.clipboard as unknown as { writeText?: unknown }).writeText);
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: HARNESS_ORIGIN });
    const dialog = page.getByRole('dialog', { name: 'Link address' });
    await dialog.getByRole('button', { name: 'Copy address' }).click();
    await expect.poll(() => dialog.getByRole('status').textContent()).toBe('Address copied.');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(HREF);
    await page.evaluate(() => navigator.clipboard.writeText('something else'));
    await dialog.getByRole('textbox', { name: 'Link address' }).focus();
    await dialog.getByRole('textbox', { name: 'Link address' }).selectText();
    await page.keyboard.press('Control+c');
    await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe(HREF);
    await context.clearPermissions();
  });

  it('Escape closes the address and returns focus to the link; the reader stays open', async () => {
    const { page } = harness;
    await page.getByRole('dialog', { name: 'Link address' }).getByRole('textbox').focus();
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByRole('dialog').count()).toBe(0);
    expect(await page.locator('.reader-title').textContent()).toBe('A brief on propaganda videos');
    await expect.poll(() => activeInfo()).toMatchObject({ className: 'doc-link', text: 'Fixture Institute report' });
    expect(await page.locator('.doc-link').getAttribute('aria-expanded')).toBeNull();
    await backToLibrary();
  });

  it('is reachable by keyboard: Tab reaches the link, Enter and Space open its address', async () => {
    const { page } = harness;
    await openBrief();
    for (let i = 0; i < 5 && !(await activeInfo()).className.includes('doc-link'); i++) await page.keyboard.press('Tab');
    expect(await activeInfo()).toMatchObject({ className: 'doc-link', text: 'Fixture Institute report' });
    await page.keyboard.press('Enter');
    await expect.poll(() => activeInfo()).toEqual({ className: 'link-address', text: '', selected: HREF });
    // Tab moves through the popover's controls; Escape on a button closes it too.
    await page.keyboard.press('Tab');
    expect((await activeInfo()).text).toBe('Copy address');
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByRole('dialog').count()).toBe(0);
    await expect.poll(() => activeInfo()).toMatchObject({ className: 'doc-link' });
    await page.keyboard.press(' ');
    await page.getByRole('dialog', { name: 'Link address' }).waitFor();
    await page.keyboard.press('Escape');
    await backToLibrary();
  });

  it('keeps highlights and find-in-document hits over link text, and the link still opens', async () => {
    const { page, services } = harness;
    const doc = services.getDocument({ id: BRIEF });
    const link = doc.links[0]!;
    // A highlight from the middle of the link to past its end, so marks and link boundaries cross.
    services.createHighlight({ documentId: BRIEF, start: link.start + 8, end: link.end + 10, color: 'yellow' });
    await openBrief();
    const linkText = page.locator('.document-body .doc-link');
    await expect.poll(() => linkText.locator('mark.highlight').count()).toBeGreaterThan(0);
    expect(await linkText.textContent()).toBe('Fixture Institute report');
    await page.keyboard.press('Control+f');
    await page.getByRole('textbox', { name: 'Find in this document' }).fill('Institute');
    await expect.poll(() => linkText.locator('mark.hit').count()).toBe(1);
    expect(await linkText.locator('mark.hit').textContent()).toBe('Institute');
    await page.screenshot({ path: path.join(ROOT, 'test-results', 'document-link-marks.png') });
    await page.locator('.doc-link mark.hit').click();
    await page.getByRole('dialog', { name: 'Link address' }).waitFor();
    await page.keyboard.press('Escape'); // closes the address
    await expect.poll(() => page.getByRole('dialog').count()).toBe(0);
    await page.keyboard.press('Escape'); // closes the hits
    await backToLibrary();
  });

  it('drops javascript: links at build time and shows the normal link of a hostile page', async () => {
    const { page } = harness;
    await page.getByRole('button', { name: /Hostile page about propaganda/ }).click();
    const body = page.locator('.document-body');
    await body.locator('p').first().waitFor();
    const links = body.locator('.doc-link');
    expect(await links.count()).toBe(1);
    expect(await links.textContent()).toBe('normal link');
    expect(await links.getAttribute('title')).toBe(HREF);
    expect(await body.textContent()).toContain('A script link, an obfuscated one and a normal link.');
    await links.click();
    await page.getByRole('dialog', { name: 'Link address' }).waitFor();
    await page.keyboard.press('Escape');
    await page.waitForTimeout(200);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned)).toBeUndefined();
    await backToLibrary();
  });

  it('made no request outside the app and logged no error', () => {
    expect(harness.foreignRequests).toEqual([]);
    expect(harness.cspViolations).toEqual([]);
    expect(harness.pageErrors).toEqual([]);
  });
});
