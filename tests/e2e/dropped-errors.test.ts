import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AnchorReview } from '../../electron/common/notes/anchor-review-types';
import { ServiceError } from '../../electron/node/services/service-error';
import { BUNDLED_CORPUS } from '../harness/paths';
import { launchHarness, openApp, type Harness } from '../harness/renderer-harness';

const DOC_ID = '002-isis-admits-it-is-losing';
const REFUSAL = 'Your notes database is read-only: nothing can be changed (a test refusal).';

type Services = Harness['services'];

/** Makes one service method fail as a read-only notes file would, until the returned function is called. */
function failing<K extends keyof Services>(services: Services, method: K): () => void {
  const original = services[method];
  (services as Record<K, unknown>)[method] = () => {
    throw new ServiceError('user-data-read-only', REFUSAL);
  };
  return () => {
    services[method] = original;
  };
}

/** A failed save or delete is said to the user in every view, never dropped. */
describe('a failed change is never swallowed', () => {
  let harness: Harness;
  let page: Page;

  beforeAll(async () => {
    harness = await launchHarness({ corpusFile: BUNDLED_CORPUS });
    page = harness.page;
    const { services } = harness;
    services.createHighlight({ documentId: DOC_ID, start: 0, end: 20, color: 'green', note: 'A highlight to keep' });
    services.createDocumentNote({ documentId: DOC_ID, body: 'A document note to keep' });
    services.createBookmark({ documentId: DOC_ID, offset: 40, label: 'A bookmark to keep' });
    await openApp(harness);
  });

  afterAll(async () => {
    await harness?.close();
  });

  const toast = () => page.locator('.toast-region');
  const notebookEntries = () => page.locator('.notebook-entries > li');

  it('says so when a delete from the notebook fails, and keeps the entry', async () => {
    await page.getByRole('button', { name: 'Notebook', exact: true }).click();
    await expect.poll(() => notebookEntries().count()).toBe(3);
    for (const [kind, method, words] of [
      ['highlight', 'deleteHighlight', 'The highlight was not deleted'],
      ['note', 'deleteDocumentNote', 'The note was not deleted'],
      ['bookmark', 'deleteBookmark', 'The bookmark was not deleted'],
    ] as const) {
      const restore = failing(harness.services, method);
      try {
        await page.getByRole('button', { name: `Delete this ${kind}` }).click();
        await expect.poll(() => toast().textContent()).toContain(`${words}: ${REFUSAL}`);
        expect(await notebookEntries().count()).toBe(3);
      } finally {
        restore();
      }
    }
    await page.screenshot({ path: '/tmp/dropped-errors-notebook.png' });
  });

  it('says so when a decision in the review list fails', async () => {
    const highlight = harness.services.listHighlights({ documentId: DOC_ID })[0]!;
    const review: AnchorReview = { highlight: { ...highlight, needsReview: true }, documentTitle: 'A changed document', reason: 'not-found', proposal: null };
    const { services } = harness;
    const originalList = services.listAnchorReviews;
    services.listAnchorReviews = () => [review];
    const restore = failing(services, 'resolveAnchorReview');
    try {
      await page.getByRole('button', { name: 'Library', exact: true }).click();
      await page.getByRole('button', { name: 'Notebook', exact: true }).click();
      const list = page.locator('.review-list');
      await list.waitFor();
      await list.getByRole('button', { name: 'Keep without a place' }).click();
      await expect.poll(async () => `${await toast().textContent()} ${await list.textContent()}`).toContain(REFUSAL);
      await list.getByRole('button', { name: 'Delete' }).click();
      await expect.poll(async () => `${await toast().textContent()} ${await list.textContent()}`).toContain(REFUSAL);
      expect(await list.count()).toBe(1);
      await list.screenshot({ path: '/tmp/dropped-errors-review.png' });
    } finally {
      restore();
      services.listAnchorReviews = originalList;
    }
  });

  it('says so when a document note cannot be deleted in the reader', async () => {
    await page.getByRole('button', { name: 'Library', exact: true }).click();
    await page.getByRole('button', { name: /ISIS Admits It Is Losing/ }).click();
    const card = page.locator('.document-note').first();
    await card.waitFor();
    const restore = failing(harness.services, 'deleteDocumentNote');
    try {
      await card.getByRole('button', { name: 'Delete note' }).click();
      await expect.poll(() => card.locator('.inline-error').textContent()).toContain(`The note was not deleted: ${REFUSAL}`);
      expect(await page.locator('.document-note').count()).toBe(1);
    } finally {
      restore();
    }
  });
});
