// @vitest-environment jsdom
import { createElement } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_LIBRARY_VIEW, type LibraryPage } from '../../../../electron/common/corpus/library-types';
import { askFirstPageEarly, dropEarlyFirstPage, FIRST_PAGE, takeEarlyFirstPage } from '../../../../renderer/src/features/library/early-first-page';
import { useLibraryPages, type LibraryPages } from '../../../../renderer/src/features/library/use-library-pages';
import { createQueryClient } from '../../../../renderer/src/shared/data/query-client';
import { fakeBridge, mount, settle } from '../../shared/data/hooks';

afterEach(() => {
  dropEarlyFirstPage();
  delete (window as unknown as { carrel?: unknown }).carrel;
});

const row = (id: string) => ({ id, title: id, source: '', author: '', language: 'en', date: '', wordCount: 1, progress: { state: 'unread', percent: 0 }, added: '' });
const page = (offset: number, ids: string[]): LibraryPage => ({ total: 500, offset, rows: ids.map(row) as LibraryPage['rows'] });

function Probe({ into, focusId }: { into: LibraryPages[]; focusId?: string }) {
  into.push(useLibraryPages(focusId, DEFAULT_LIBRARY_VIEW));
  return null;
}

describe('the library’s first page asked for early', () => {
  it('is the default view’s first page, given once to the same request', async () => {
    const bridge = fakeBridge({ listLibraryPage: () => ({ ok: true, value: page(0, ['a']) }) });
    askFirstPageEarly();
    expect(bridge.calls).toEqual([{ method: 'listLibraryPage', input: FIRST_PAGE }]);
    expect(await takeEarlyFirstPage({ ...FIRST_PAGE, view: { ...DEFAULT_LIBRARY_VIEW } })).toEqual({ ok: true, value: page(0, ['a']) });
    expect(takeEarlyFirstPage(FIRST_PAGE)).toBeUndefined();
  });

  it('is not given to another request, nor once dropped', () => {
    fakeBridge({ listLibraryPage: () => ({ ok: true, value: page(0, []) }) });
    askFirstPageEarly();
    expect(takeEarlyFirstPage({ aroundId: 'x', limit: FIRST_PAGE.limit, view: DEFAULT_LIBRARY_VIEW })).toBeUndefined();
    // Taken or not, it is gone: a later first page asks again.
    expect(takeEarlyFirstPage(FIRST_PAGE)).toBeUndefined();
    askFirstPageEarly();
    dropEarlyFirstPage();
    expect(takeEarlyFirstPage(FIRST_PAGE)).toBeUndefined();
  });

  it('is what the library shows first, without asking again; a library shown later asks afresh', async () => {
    const bridge = fakeBridge({ listLibraryPage: (input) => ({ ok: true, value: page(0, [`call-${JSON.stringify(input).length}`]) }) });
    askFirstPageEarly();
    const first: LibraryPages[] = [];
    const mounted = mount(createQueryClient(), () => createElement(Probe, { into: first }));
    await settle();
    expect(bridge.count('listLibraryPage')).toBe(1);
    const shown = first.at(-1)!;
    expect(shown.status === 'ready' && shown.rowAt(0)?.id).toBe(`call-${JSON.stringify(FIRST_PAGE).length}`);
    mounted.root.unmount();

    const later: LibraryPages[] = [];
    mount(createQueryClient(), () => createElement(Probe, { into: later }));
    await settle();
    expect(bridge.count('listLibraryPage')).toBe(2);
  });
});
