import path from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { FIXTURES } from '../../../../harness/paths';
import { makeWorkspace, value } from '../user-data-fixture';

// Listing the marks of a document the corpus has not changed needs no text: a book's text is
// megabytes, and these lists are asked on main's thread each time the document opens.

const workspace = makeWorkspace('carrel-highlight-view-');
afterAll(() => workspace.close());

describe('the marks of an unchanged document', () => {
  it('are listed in place without reading the document', async () => {
    const corpusFile = workspace.corpus('a', path.join(FIXTURES, 'corpus-small'));
    const { services, table } = workspace.services(corpusFile);
    const text = value(await table.getDocument({ id: 'notes' })).text;
    const start = text.indexOf('Dabiq');
    value(await table.createHighlight({ documentId: 'notes', start, end: start + 5, color: 'blue' }));
    value(await table.createBookmark({ documentId: 'notes', offset: start, label: 'Here' }));

    const store = services.userDataContext.corpus();
    const read = vi.spyOn(store, 'getDocument');
    const highlights = value(await table.listHighlights({ documentId: 'notes' }));
    const bookmarks = value(await table.listBookmarks({ documentId: 'notes' }));
    expect(highlights.map((h) => [h.quote.exact, h.anchor.status, h.anchor.status !== 'orphaned' && h.anchor.start])).toEqual([['Dabiq', 'exact', start]]);
    expect(bookmarks.map((b) => [b.label, b.offset])).toEqual([['Here', start]]);
    expect(read).not.toHaveBeenCalled();
    read.mockRestore();
  });
});
