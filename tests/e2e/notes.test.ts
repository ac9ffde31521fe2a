import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCorpus } from '../../electron/node/corpus/build-corpus';
import { BUNDLED_CORPUS, BUNDLED_SOURCES, FIXTURES, ROOT } from '../harness/paths';
import { launchHarness, openApp, type Harness } from '../harness/renderer-harness';

const SHOTS = path.join(ROOT, 'test-results');

/** Notes save about a second after typing stops: wait longer than expect.poll's default second. */
function poll<T>(read: () => T | Promise<T>) {
  return expect.poll(read, { timeout: 5000 });
}
const DOC = /ISIS Admits It Is Losing/;
const LONG_DOC = /^Caliphate under the laws of the Internet/;

async function shot(page: Page, name: string) {
  fs.mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SHOTS, `notes-${name}.png`) });
}

async function openDocument(page: Page, title: RegExp) {
  await page.getByRole('button', { name: 'Library', exact: true }).click();
  await page.getByRole('button', { name: title }).click();
  await page.locator('.document-body p').nth(3).waitFor();
}

/** Selects the n-th occurrence of `text` in the reader (may cross marks, not paragraphs) like a user would. */
async function selectText(page: Page, text: string, occurrence = 0) {
  const found = await page.evaluate(
    ({ text, occurrence }) => {
      const body = document.querySelector('.document-body')!;
      for (const p of body.querySelectorAll('p')) {
        const full = p.textContent ?? '';
        let at = -1;
        for (let i = 0; i <= occurrence; i++) at = full.indexOf(text, at + 1);
        if (at < 0) continue;
        const walker = document.createTreeWalker(p, NodeFilter.SHOW_TEXT);
        const range = document.createRange();
        let seen = 0;
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          const length = node.nodeValue!.length;
          if (seen <= at && at < seen + length) range.setStart(node, at - seen);
          if (seen < at + text.length && at + text.length <= seen + length) {
            range.setEnd(node, at + text.length - seen);
            break;
          }
          seen += length;
        }
        // A reader selects what is on screen.
        p.scrollIntoView({ block: 'center' });
        document.getSelection()!.removeAllRanges();
        document.getSelection()!.addRange(range);
        return range.toString();
      }
      return null;
    },
    { text, occurrence },
  );
  expect(found).toBe(text);
  await page.locator('.selection-toolbar').waitFor();
}

function marks(page: Page, color: string) {
  return page.locator(`.document-body mark.highlight-${color}`);
}

describe('highlights, notes, tags, bookmarks and the notebook', () => {
  let harness: Harness;
  let page: Page;

  beforeAll(async () => {
    harness = await launchHarness({ corpusFile: BUNDLED_CORPUS });
    page = harness.page;
    await openApp(harness);
    await openDocument(page, DOC);
  });

  afterAll(async () => {
    await harness?.close();
  });

  it('highlights a word selected with the mouse, from the toolbar', async () => {
    const word = page.locator('.document-body p').nth(0); // "As Thought Front…" (the title is not repeated as a paragraph)
    // Double-click selects a word, as a reader would.
    const box = (await word.boundingBox())!;
    await page.mouse.dblclick(box.x + 30, box.y + 10);
    const selected = await page.evaluate(() => document.getSelection()!.toString().trim());
    expect(selected.length).toBeGreaterThan(1);
    await page.locator('.selection-toolbar').waitFor();
    await shot(page, 'toolbar');
    await page.getByRole('button', { name: /Highlight green/ }).click();
    await poll(() => marks(page, 'green').count()).toBe(1);
    expect((await marks(page, 'green').first().textContent())?.trim()).toBe(selected);
    expect(await page.evaluate(() => document.getSelection()!.isCollapsed)).toBe(true);
  });

  it('highlights a phrase by keyboard shortcut, and the stored quote is the exact document text', async () => {
    await selectText(page, 'the Islamic State has been losing');
    await page.keyboard.press('1'); // yellow
    await poll(() => marks(page, 'yellow').count()).toBeGreaterThan(0);
    expect(await marks(page, 'yellow').allTextContents()).toEqual(['the Islamic State has been losing']);
    // The editor of the new highlight opened with its quote.
    await poll(() => page.locator('.highlight-editor .quote').textContent()).toBe('the Islamic State has been losing');
  });

  it('reaches the toolbar by keyboard: T focuses it, arrows move, Escape closes it and stays in the reader', async () => {
    await selectText(page, 'Iraq and Syria');
    await page.keyboard.press('t');
    await poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Highlight yellow (1)');
    await page.keyboard.press('ArrowRight');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Highlight green (2)');
    await page.keyboard.press('Escape');
    await poll(() => page.locator('.selection-toolbar').count()).toBe(0);
    expect(await page.locator('.reader-title').count()).toBe(1);
    expect(await page.locator('.document-body mark.highlight').count()).toBe(2);
  });

  it('maps a selection that starts inside an existing highlight and ends after it', async () => {
    await selectText(page, 'State has been losing substantial');
    await page.keyboard.press('3'); // blue, overlapping the yellow one: marks nest
    await poll(() => marks(page, 'blue').count()).toBeGreaterThan(0);
    expect((await marks(page, 'blue').allTextContents()).join('')).toBe('State has been losing substantial');
    expect(await page.locator('mark.highlight-blue mark.highlight-yellow, mark.highlight-yellow mark.highlight-blue').count()).toBeGreaterThan(0);
  });

  it('adds a Markdown note and a tag that save by themselves', async () => {
    await marks(page, 'yellow').first().click();
    await poll(() => page.locator('.highlight-editor .quote').textContent()).toBe('the Islamic State has been losing');
    const field = page.locator('.highlight-editor textarea');
    await field.click();
    await field.pressSequentially('A **key** claim.\n\n- first\n- second', { delay: 5 });
    await poll(() => page.locator('.highlight-editor .save-status').textContent()).toBe('Saved');
    const tag = page.locator('.highlight-editor .tag-field');
    await tag.fill('evidence');
    await tag.press('Enter');
    await poll(() => page.locator('.highlight-editor .tag').allTextContents()).toEqual(['evidence×']);
    await shot(page, 'note-editing');
  });

  it('saves a note typed just before the window closes (flushed on pagehide)', async () => {
    await marks(page, 'green').first().click();
    const field = page.locator('.highlight-editor textarea');
    await field.click();
    await field.pressSequentially('typed at the last moment', { delay: 5 });
    await page.reload(); // no wait for the 1-second autosave
    await openDocument(page, DOC);
    await marks(page, 'green').first().click();
    await poll(async () => (await page.locator('.highlight-editor .note-preview').textContent())?.trim()).toBe('typed at the last moment');
  });

  it('restores highlights, notes and tags after a reload', async () => {
    await page.reload();
    await openDocument(page, DOC);
    await poll(() => marks(page, 'yellow').count()).toBeGreaterThan(0);
    expect(await marks(page, 'green').count()).toBe(1);
    await marks(page, 'yellow').first().click();
    const preview = page.locator('.highlight-editor .note-preview');
    await poll(() => preview.locator('strong').textContent()).toBe('key');
    expect(await preview.locator('li').count()).toBe(2);
    expect(await page.locator('.highlight-editor .tag').allTextContents()).toEqual(['evidence×']);
    await shot(page, 'restored');
  });

  it('suggests existing tags when tagging another highlight', async () => {
    await marks(page, 'green').first().click();
    const tag = page.locator('.highlight-editor .tag-field');
    await tag.fill('ev');
    const listId = await tag.getAttribute('list');
    await poll(() => page.locator(`datalist[id="${listId}"] option`).evaluateAll((o) => o.map((x) => (x as HTMLOptionElement).value))).toEqual(['evidence']);
    await tag.fill('');

    // A tag the store refuses is reported, not silently dropped.
    await tag.fill('x'.repeat(80));
    await tag.press('Enter');
    await poll(() => page.locator('.highlight-editor [role="alert"]').textContent()).toMatch(/^The tags were not saved: .*64 characters/);
    expect(await page.locator('.highlight-editor .tag').count()).toBe(0);
  });

  it('deletes a highlight and brings it back with the Undo toast and with Ctrl+Z', async () => {
    await marks(page, 'green').first().click();
    await page.getByRole('button', { name: 'Delete highlight' }).click();
    await poll(() => marks(page, 'green').count()).toBe(0);
    const toast = page.locator('.toast');
    await poll(() => toast.textContent()).toContain('Deleted: Highlight');
    await shot(page, 'undo-toast');
    await toast.getByRole('button', { name: 'Undo' }).click();
    await poll(() => marks(page, 'green').count()).toBe(1);

    await marks(page, 'green').first().click();
    await page.getByRole('button', { name: 'Delete highlight' }).click();
    await poll(() => marks(page, 'green').count()).toBe(0);
    await page.locator('.reader-title').focus();
    await page.keyboard.press('Control+z');
    await poll(() => marks(page, 'green').count()).toBe(1);
    expect(await toast.textContent()).toContain('Restored');
  });

  it('bookmarks a place with a label, restores the reading position on reopening, and jumps back', async () => {
    await openDocument(page, LONG_DOC);
    const target = page.locator('.document-body p').nth(12);
    await target.evaluate((p) => p.scrollIntoView({ block: 'start' }));
    await page.mouse.wheel(0, 1); // a real scroll event
    const start = Number(await target.getAttribute('data-start'));
    await page.locator('.bookmark-label-field').fill('Losing ground');
    await page.getByRole('button', { name: 'Bookmark here' }).click();
    await poll(() => page.locator('.bookmark-jump').allTextContents()).toEqual([expect.stringContaining('Losing ground')]);
    const bookmarkY = await page.evaluate(() => window.scrollY);

    // Read further down, leave, and come back: the document opens where it was left.
    await page.locator('.document-body p').nth(30).evaluate((p) => p.scrollIntoView({ block: 'start' }));
    await page.mouse.wheel(0, 1);
    await page.waitForTimeout(1800); // the reading position is saved at most every 1.5 s
    const leftAt = await page.evaluate(() => window.scrollY);
    // Left by its key where the reading is: the "← Library" button stands at the top of the text,
    // and clicking it would first scroll there (as Playwright does to click it), which is a place read.
    await page.keyboard.press('Escape');
    await page.locator('.document-row').first().waitFor();
    await openDocument(page, LONG_DOC);
    await poll(() => page.evaluate(() => window.scrollY)).toBeGreaterThan(leftAt - 40);
    expect(await page.evaluate(() => window.scrollY)).toBeLessThan(leftAt + 40);

    await page.locator('.bookmark-jump').first().click();
    await poll(() => page.evaluate(() => window.scrollY)).toBeLessThan(bookmarkY + 40);
    expect(await page.evaluate(() => window.scrollY)).toBeGreaterThan(bookmarkY - 40);
    expect(start).toBeGreaterThan(0);
    await shot(page, 'bookmarks');
    await openDocument(page, DOC);
  });

  it('renders a hostile note inert: no script, no remote image, no live link, no request', async () => {
    await page.evaluate(() => window.scrollTo(0, 0));
    await selectText(page, 'Thought Front');
    await page.keyboard.press('n'); // highlight in the last colour and open its note
    const field = page.locator('.highlight-editor textarea');
    await poll(() => field.evaluate((el) => el === document.activeElement)).toBe(true);
    const hostile = [
      '<script>window.__pwned = 1</script>',
      '<img src="http://evil.invalid/x.png" onerror="window.__pwned = 2">',
      '![pixel](http://evil.invalid/pixel.gif)',
      '[click](javascript:window.__pwned=3) <a href="http://evil.invalid/">away</a>',
      '<p style="background:url(http://evil.invalid/bg.png)">styled</p>',
      '<form action="http://evil.invalid/"><button>send</button></form>',
    ].join('\n\n');
    await field.fill(hostile);
    await poll(() => page.locator('.highlight-editor .save-status').textContent()).toBe('Saved');
    await page.locator('.reader-title').focus(); // blur: the note shows rendered
    const preview = page.locator('.highlight-editor .note-preview .markdown');
    await preview.waitFor();
    expect(await preview.locator('script, img, form, button, [style], [href], [src]').count()).toBe(0);
    // Raw HTML shows as text; the Markdown link is shown without an address to follow.
    expect(await preview.textContent()).toContain('<script>window.__pwned = 1</script>');
    expect(await preview.locator('a').count()).toBe(1);
    await preview.locator('a').first().click();
    expect(page.url()).toMatch(/^https:\/\/carrel\.test\//);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(harness.foreignRequests).toEqual([]);
    expect(harness.cspViolations).toEqual([]);
    await shot(page, 'hostile-note');
  });

  it('writes a document note with a tag', async () => {
    await page.getByRole('button', { name: 'New note' }).click();
    const field = page.locator('.document-note textarea');
    await field.fill('Compare with the **2016** figures.');
    await poll(() => page.locator('.document-note .save-status').textContent()).toBe('Saved');
    await page.locator('.document-note .tag-field').fill('follow-up');
    await page.locator('.document-note .tag-field').press('Enter');
    await poll(() => page.locator('#document-notes-title').textContent()).toContain('1');
  });

  it('lists everything in the notebook, filters by colour, tag and text, and opens an entry in place', async () => {
    await page.getByRole('button', { name: 'Notebook', exact: true }).click();
    const entries = page.locator('.notebook-entry');
    await poll(() => entries.count()).toBe(6); // 4 highlights, 1 document note here; 1 bookmark in another document
    expect(await page.locator('.notebook-group-title').allTextContents()).toEqual([expect.stringMatching(LONG_DOC), expect.stringMatching(DOC)]);
    await shot(page, 'notebook');

    await page.getByRole('button', { name: 'Only green' }).click();
    await poll(() => entries.locator('.entry-quote').allTextContents()).toEqual(['Thought']);
    await page.getByRole('button', { name: 'Only green' }).click();

    await page.getByLabel('Tag').selectOption('evidence');
    await poll(() => entries.locator('.entry-quote').allTextContents()).toEqual(['the Islamic State has been losing']);
    await page.getByLabel('Tag').selectOption('');

    await page.getByLabel('Document').selectOption({ label: 'Caliphate under the laws of the Internet: from the twitter revolution to digital jihad. What will happen to the "virtual caliphate" after the end of the' });
    await poll(() => entries.allTextContents()).toEqual([expect.stringContaining('Losing ground')]);
    await page.getByLabel('Document').selectOption('');
    await page.getByLabel('Show').selectOption('note');
    await poll(() => entries.count()).toBe(1);
    await page.getByLabel('Show').selectOption('');

    // Anything deleted from the notebook comes back with Ctrl+Z.
    await poll(() => entries.count()).toBe(6);
    await entries.filter({ hasText: 'Losing ground' }).getByRole('button', { name: 'Delete this bookmark' }).click();
    await poll(() => entries.count()).toBe(5);
    await page.locator('.notebook-title, #notebook-title').first().click();
    await page.keyboard.press('Control+z');
    await poll(() => entries.count()).toBe(6);

    await page.getByRole('searchbox', { name: 'Search the notebook' }).fill('2016');
    await poll(() => entries.allTextContents()).toEqual([expect.stringContaining('Compare with the 2016 figures.')]);
    expect(await entries.first().textContent()).toContain('Document note');
    await page.getByRole('searchbox', { name: 'Search the notebook' }).fill('losing substantial');
    await poll(() => entries.allTextContents()).toEqual([expect.stringContaining('State has been losing substantial')]);
    await shot(page, 'notebook-search');

    // Enter on the entry opens the reader at the highlight and selects it.
    await entries.first().locator('.entry-open').focus();
    await page.keyboard.press('Enter');
    await poll(() => page.locator('.highlight-editor .quote').textContent()).toBe('State has been losing substantial');
    const markBox = await marks(page, 'blue').first().boundingBox();
    expect(markBox!.y).toBeGreaterThan(0);
    expect(markBox!.y).toBeLessThan(800);
    await shot(page, 'opened-from-notebook');

    // Back goes back to the notebook; a document note opens its document with the note shown.
    await page.locator('.reader-title').focus();
    await page.keyboard.press('Escape');
    expect(await page.getByRole('searchbox', { name: 'Search the notebook' }).inputValue()).toBe('losing substantial');
    await page.getByRole('searchbox', { name: 'Search the notebook' }).fill('2016');
    await poll(() => entries.allTextContents()).toEqual([expect.stringContaining('Compare with the 2016 figures.')]);
    await entries.first().locator('.entry-open').click();
    await poll(() => page.locator('.document-note.revealed').textContent()).toContain('Compare with the 2016 figures.');
  });

  it('made no request outside the app and logged no error', () => {
    expect(harness.foreignRequests).toEqual([]);
    expect(harness.pageErrors).toEqual([]);
  });
});

describe('highlights on right-to-left Arabic text', () => {
  let harness: Harness;
  let dir: string;

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'carrel-notes-arabic-'));
    const corpusFile = path.join(dir, 'small.sqlite');
    buildCorpus({ sourcesDir: path.join(FIXTURES, 'corpus-small'), outFile: corpusFile, title: 'Small' });
    harness = await launchHarness({ corpusFile });
    await openApp(harness);
  });

  afterAll(async () => {
    await harness?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('highlights Arabic words exactly, in every colour, nested with a search hit', async () => {
    const { page } = harness;
    await page.getByRole('button', { name: /الدولة الإسلامية/ }).click();
    // Two paragraphs: the title stands above them, not again as the first.
    await page.locator('.document-body p').nth(1).waitFor();
    const phrases = ['مجلة دابق', 'باللغة الإنجليزية', 'مجلة رومية', 'خسارة الأراضي', 'الخلافة الأموية', 'سياق الدعاية'];
    for (const [i, phrase] of phrases.entries()) {
      await selectText(page, phrase);
      await page.keyboard.press(String(i + 1));
      await poll(() => page.locator('.document-body mark.highlight').count()).toBe(i + 1);
    }
    const texts = await page.locator('.document-body mark.highlight').evaluateAll((els) => els.map((el) => [el.className.split(' ')[1], el.textContent]));
    expect(texts).toEqual([
      ['highlight-yellow', 'مجلة دابق'],
      ['highlight-green', 'باللغة الإنجليزية'],
      ['highlight-blue', 'مجلة رومية'],
      ['highlight-pink', 'خسارة الأراضي'],
      ['highlight-purple', 'الخلافة الأموية'],
      ['highlight-orange', 'سياق الدعاية'],
    ]);
    await page.keyboard.press('Control+f');
    await page.keyboard.type('الأموية');
    await poll(() => page.locator('.document-body mark.hit').count()).toBe(1);
    expect(await page.locator('mark.highlight mark.hit, mark.hit mark.highlight').count()).toBe(1);
    await page.locator('.reader-title').focus();
    await shot(page, 'arabic');
  });

  it('selects and highlights with the keyboard alone (F7), arrows following the right-to-left text', async () => {
    const { page } = harness;
    await page.keyboard.press('Escape'); // close the find bar
    await page.locator('.reader-title').focus();
    await page.keyboard.press('F7');
    await page.locator('.keyboard-selection-hint').waitFor();
    await poll(() => page.locator('mark.keyboard-caret').count()).toBe(1);
    // The caret starts on the first paragraph (the title is not repeated as one).
    await page.keyboard.press('Control+Shift+ArrowLeft');
    await page.keyboard.press('Control+Shift+ArrowLeft');
    await poll(() => page.evaluate(() => document.getSelection()!.toString())).toBe('نشر التنظيم');
    await page.locator('.selection-toolbar').waitFor();
    await shot(page, 'keyboard-selection');
    await page.keyboard.press('6');
    await poll(() => page.locator('.document-body mark.highlight-orange').allTextContents()).toEqual(['نشر التنظيم', 'سياق الدعاية']);
    await page.keyboard.press('Escape');
    await poll(() => page.locator('.keyboard-selection-hint').count()).toBe(0);
    expect(await page.locator('.reader-title').count()).toBe(1);
  });
});

describe('the review list after the corpus is rebuilt from edited sources', () => {
  let dir: string;
  let sources: string;
  let userDbFile: string;

  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'carrel-notes-review-'));
    sources = path.join(dir, 'sources');
    fs.cpSync(BUNDLED_SOURCES, sources, { recursive: true });
    userDbFile = path.join(dir, 'user.sqlite');
  });

  afterAll(() => {
    fs.rmSync(dir, { recursive: true, force: true });
  });

  async function withHarness(corpusFile: string, run: (harness: Harness) => Promise<void>) {
    const harness = await launchHarness({ corpusFile, userDbFile });
    try {
      await openApp(harness);
      await run(harness);
    } finally {
      await harness.close();
    }
  }

  it('shows a changed highlight with its old and new text, and places it when accepted', async () => {
    const v1 = path.join(dir, 'v1.sqlite');
    buildCorpus({ sourcesDir: sources, outFile: v1 });
    await withHarness(v1, async ({ page }) => {
      await openDocument(page, DOC);
      await selectText(page, 'the increase in terrorist attacks outside of their territory');
      await page.keyboard.press('4');
      await poll(() => marks(page, 'pink').count()).toBe(1);
      await selectText(page, 'Neither these leaflets nor the accompanying document');
      await page.keyboard.press('5');
      await poll(() => marks(page, 'purple').count()).toBe(1);
    });

    // An editor fixed typos around the passage and changed a word inside it.
    const file = path.join(sources, '002-isis-admits-it-is-losing.txt');
    const text = fs.readFileSync(file, 'utf8');
    const paragraph = text.split('\n').find((line) => line.startsWith('Neither these leaflets'))!;
    fs.writeFileSync(
      file,
      text.replace('the increase in terrorist attacks outside of their territory', 'the rise in terrorist attacks outside of its territory').replace(`${paragraph}\n`, ''),
    );
    const v2 = path.join(dir, 'v2.sqlite');
    buildCorpus({ sourcesDir: sources, outFile: v2 });

    await withHarness(v2, async ({ page }) => {
      await page.getByRole('button', { name: 'Notebook', exact: true }).click();
      const review = page.locator('.review-item', { hasText: 'terrorist attacks' });
      await poll(() => page.locator('.review-item').count()).toBe(2);
      expect(await review.locator('.review-exact').allTextContents()).toEqual([
        'the increase in terrorist attacks outside of their territory',
        expect.stringContaining('terrorist attacks outside of its'),
      ]);
      await shot(page, 'review');
      await review.getByRole('button', { name: 'Accept the new place' }).click();
      await poll(() => page.locator('.review-item').count()).toBe(1);

      // The deleted paragraph's highlight: placed again by hand, with its note kept.
      const orphan = page.locator('.review-item');
      expect(await orphan.textContent()).toContain('Not found in the new text');
      await orphan.getByRole('button', { name: 'Place it myself' }).click();
      await poll(() => page.locator('.highlight-editor .anchor-note').textContent()).toMatch(/was not found/);
      await selectText(page, 'evidence that Islamic State is losing');
      await page.getByRole('button', { name: 'Move highlight here' }).click();
      await poll(() => marks(page, 'purple').allTextContents()).toEqual(['evidence that Islamic State is losing']);
      await poll(() => marks(page, 'pink').allTextContents()).toEqual([expect.stringContaining('terrorist attacks outside of its')]);
      await page.getByRole('button', { name: 'Notebook', exact: true }).click();
      await page.locator('.notebook-entry').first().waitFor();
      expect(await page.locator('.review-item').count()).toBe(0);
    });
  });
});
