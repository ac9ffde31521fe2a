import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../harness/paths';
import { withBundledApp } from '../harness/with-bundled-app';

describe('Empty deleted items now (Security panel)', () => {
  const app = withBundledApp();

  it('asks first, then erases every deleted item and says what it erased', async () => {
    const { page, services, userDbFile } = app();
    const marker = `erase-me-${randomUUID()}`;
    const [doc] = services.listDocuments(undefined);
    const note = services.createDocumentNote({ documentId: doc!.id, body: `Secret ${marker}` });
    services.deleteDocumentNote({ id: note.id });
    const holding = () => [userDbFile, `${userDbFile}-wal`].filter((f) => fs.existsSync(f) && fs.readFileSync(f).includes(Buffer.from(marker)));
    expect(holding()).not.toEqual([]);

    await page.getByRole('button', { name: 'Security' }).click();
    const open = page.getByRole('button', { name: 'Empty deleted items now…' });
    await open.click();
    const confirm = page.getByRole('alertdialog');
    await expect.poll(() => confirm.textContent()).toContain('They can no longer be undone.');
    // Cancel has the focus, Esc cancels, and focus comes back to the button.
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Cancel');
    fs.mkdirSync(path.join(ROOT, 'test-results'), { recursive: true });
    await page.screenshot({ path: path.join(ROOT, 'test-results', 'deleted-items-confirm.png'), fullPage: true });
    await page.keyboard.press('Escape');
    await expect.poll(() => confirm.count()).toBe(0);
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('Empty deleted items now…');
    expect(holding()).not.toEqual([]);

    await open.click();
    await page.getByRole('button', { name: 'Erase for good' }).click();
    const result = page.locator('[data-fact="deleted-items-result"]');
    await expect.poll(() => result.textContent()).toContain('Erased for good: 1 note. They can no longer be undone.');
    expect(await result.getAttribute('role')).toBe('status');
    expect(holding()).toEqual([]);
    await page.screenshot({ path: path.join(ROOT, 'test-results', 'deleted-items-done.png'), fullPage: true });
  });
});
