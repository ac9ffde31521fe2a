import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Highlight } from '../../../../electron/common/notes/notes-types';
import type { HandlerTable } from '../../../../electron/node/ipc/handler-table';
import { BUNDLED_SOURCES } from '../../../harness/paths';
import { errorCode, makeWorkspace, value } from './user-data-fixture';

const DOC = '000-isis-abandoned-caliphate';
const CAPTION = 'ISIS fighter with an American accent delivers a propaganda message';
const TYPO = 'it appears the group is attempting to retreat to smaller cells';
const GONE = 'There’s still have a heavy fight going on';
const MOVED = 'a wheelchair-bound suicide bomber';
const INSERTED = 'Editor’s note: this article was updated after publication with figures from the coalition.\n\n';

const workspace = makeWorkspace('carrel-anchor-review-');
let v1: HandlerTable;
let v2: HandlerTable;
let oldText: string;
let newText: string;
const ids: Record<string, string> = {};

function nth(text: string, passage: string, n: number): number {
  let at = -1;
  for (let i = 0; i <= n; i++) at = text.indexOf(passage, at + 1);
  return at;
}

beforeAll(async () => {
  const original = workspace.corpus('v1', BUNDLED_SOURCES);
  const edited = workspace.corpus('v2', BUNDLED_SOURCES, (dir) => {
    const file = path.join(dir, `${DOC}.txt`);
    let source = fs.readFileSync(file, 'utf8');
    source = source.replace('Islamic State have all but', `${INSERTED}Islamic State have all but`);
    source = source.replace('attempting to retreat', 'attemting to retreat');
    source = source.replace(/‘There’s still have a heavy fight going on,’ said[^\n]*\n\n/, '');
    fs.writeFileSync(file, source);
    fs.rmSync(path.join(dir, '002-isis-admits-it-is-losing.txt'));
  });
  v1 = workspace.services(original).table;
  oldText = value(await v1.getDocument({ id: DOC })).text;
  const highlight = async (name: string, documentId: string, start: number, end: number, note: string) => {
    ids[name] = value(await v1.createHighlight({ documentId, start, end, color: 'yellow', note })).id;
  };
  const caption = nth(oldText, CAPTION, 1);
  await highlight('caption', DOC, caption, caption + CAPTION.length, 'second copy of the caption');
  await highlight('typo', DOC, oldText.indexOf(TYPO), oldText.indexOf(TYPO) + TYPO.length, 'retreat');
  await highlight('gone', DOC, oldText.indexOf(GONE), oldText.indexOf(GONE) + GONE.length, 'a quote that will be cut');
  await highlight('moved', DOC, oldText.indexOf(MOVED), oldText.indexOf(MOVED) + MOVED.length, '');
  await highlight('removed-doc', '002-isis-admits-it-is-losing', 0, 10, 'its document goes');
  const bookmarkAt = oldText.indexOf('The terror group has been rolling');
  ids.bookmark = value(await v1.createBookmark({ documentId: DOC, offset: bookmarkAt, label: 'Rolling out' })).id;
  value(await v1.setReadingPosition({ documentId: DOC, offset: oldText.length - 5 }));
  v2 = workspace.services(edited).table;
  newText = value(await v2.getDocument({ id: DOC })).text;
});
afterAll(() => workspace.close());

const byId = (list: Highlight[]) => new Map(list.map((h) => [h.id, h] as const));

describe('highlights after the corpus was rebuilt from edited sources', () => {
  it('places confident ones, marks doubtful ones and orphans lost ones, changing nothing else', async () => {
    const listed = value(await v2.listHighlights({ documentId: DOC }));
    const starts = listed.map((h) => (h.anchor.status === 'orphaned' ? Infinity : h.anchor.start));
    expect(starts).toEqual([...starts].sort((a, b) => a - b));
    expect(listed.at(-1)!.anchor.status).toBe('orphaned');
    const list = byId(listed);
    const caption = nth(newText, CAPTION, 1);
    expect(list.get(ids.caption!)!.anchor).toEqual({ status: 'moved', start: caption, end: caption + CAPTION.length });
    expect(list.get(ids.caption!)!.needsReview).toBe(false);
    expect(list.get(ids.moved!)!.anchor).toMatchObject({ status: 'moved', start: newText.indexOf(MOVED) });
    const typo = list.get(ids.typo!)!;
    expect(typo.anchor.status).toBe('fuzzy');
    expect(typo.needsReview).toBe(true);
    if (typo.anchor.status === 'fuzzy') {
      expect(newText.slice(typo.anchor.start, typo.anchor.end)).toBe(TYPO.replace('attempting', 'attemting'));
      expect(typo.anchor.score).toBeGreaterThan(0.9);
    }
    expect(list.get(ids.gone!)!.anchor).toEqual({ status: 'orphaned' });
    expect(list.get(ids.gone!)!.needsReview).toBe(true);
    // The stored selectors still describe what the user highlighted, on the old text.
    expect(typo.quote.exact).toBe(TYPO);
    expect(typo.position.start).toBe(oldText.indexOf(TYPO));
  });

  it('lists the doubtful and orphaned ones for review with old and new text', async () => {
    const reviews = value(await v2.listAnchorReviews(undefined));
    const byHighlight = new Map(reviews.map((r) => [r.highlight.id, r] as const));
    expect([...byHighlight.keys()].sort()).toEqual([ids.typo, ids.gone, ids['removed-doc']].sort());
    const typo = byHighlight.get(ids.typo!)!;
    expect(typo.reason).toBe('fuzzy');
    expect(typo.documentTitle).toContain('ISIS has virtually abandoned');
    expect(typo.highlight.quote.exact).toBe(TYPO);
    expect(typo.proposal?.text).toBe(TYPO.replace('attempting', 'attemting'));
    expect(byHighlight.get(ids.gone!)!.reason).toBe('not-found');
    expect(byHighlight.get(ids['removed-doc']!)).toMatchObject({ reason: 'document-missing', proposal: null, documentTitle: '' });
  });

  it('accepts a proposal: the highlight is re-made on the new text and leaves the review list', async () => {
    const outcome = value(await v2.resolveAnchorReview({ highlightId: ids.typo!, action: 'accept' }));
    expect(outcome.kind).toBe('updated');
    if (outcome.kind !== 'updated') return;
    expect(outcome.highlight.quote.exact).toBe(TYPO.replace('attempting', 'attemting'));
    expect(outcome.highlight.anchor.status).toBe('exact');
    expect(outcome.highlight.documentSha256).toBe(value(await v2.getDocument({ id: DOC })).sha256);
    expect(outcome.highlight.note).toBe('retreat');
    const reviews = value(await v2.listAnchorReviews(undefined)).map((r) => r.highlight.id);
    expect(reviews).not.toContain(ids.typo);
  });

  it('re-attaches an orphan to text the user selected', async () => {
    const target = newText.indexOf('We are continuing to go after those guys');
    const outcome = value(await v2.resolveAnchorReview({ highlightId: ids.gone!, action: 'reattach', start: target, end: target + 20 }));
    expect(outcome.kind === 'updated' && outcome.highlight.anchor).toEqual({ status: 'exact', start: target, end: target + 20 });
    expect(outcome.kind === 'updated' && outcome.highlight.note).toBe('a quote that will be cut');
  });

  it('keeps an orphan without a place when the user says so, in the notebook but not in the review list', async () => {
    expect(errorCode(await v2.resolveAnchorReview({ highlightId: ids['removed-doc']!, action: 'accept' }))).toBe('not-found');
    value(await v2.resolveAnchorReview({ highlightId: ids['removed-doc']!, action: 'keep-orphaned' }));
    expect(value(await v2.listAnchorReviews(undefined))).toEqual([]);
    const notebook = value(await v2.queryNotebook({ text: 'its document goes' }));
    expect(notebook.groups).toHaveLength(1);
    expect(notebook.groups[0]).toMatchObject({ documentId: '002-isis-admits-it-is-losing', documentAvailable: false, documentTitle: '' });
    expect(errorCode(await v2.resolveAnchorReview({ highlightId: ids.caption!, action: 'keep-orphaned' }))).toBe('invalid-argument');
  });

  it('deletes through the review list, undoably', async () => {
    const outcome = value(await v2.resolveAnchorReview({ highlightId: ids['removed-doc']!, action: 'delete' }));
    expect(outcome.kind).toBe('deleted');
    if (outcome.kind !== 'deleted') return;
    expect(value(await v2.queryNotebook({ text: 'its document goes' })).total).toBe(0);
    value(await v2.undoDeletion({ deletionId: outcome.deletion.deletionId }));
    expect(value(await v2.queryNotebook({ text: 'its document goes' })).total).toBe(1);
  });

  it('moves bookmarks with their text and keeps the reading position within the new text', async () => {
    const [bookmark] = value(await v2.listBookmarks({ documentId: DOC }));
    expect(bookmark).toMatchObject({ id: ids.bookmark, label: 'Rolling out', offset: newText.indexOf('The terror group has been rolling') });
    const position = value(await v2.getReadingPosition({ documentId: DOC }))!;
    expect(position.offset).toBeLessThanOrEqual(newText.length);
  });

  it('shows the old corpus unchanged when it is opened again', async () => {
    const list = byId(value(await v1.listHighlights({ documentId: DOC })));
    expect(list.get(ids.caption!)!.anchor).toMatchObject({ status: 'exact', start: nth(oldText, CAPTION, 1) });
    // Accepted on the new text: on the old text it is now the one that changed, and is found again.
    expect(list.get(ids.typo!)!.anchor.status).toBe('fuzzy');
  });
});
