// @vitest-environment jsdom
import { createElement, Fragment } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { createQueryClient } from '../../../../renderer/src/shared/data/query-client';
import { useApiMutation, type ApiMutation, type ApiMutationOptions } from '../../../../renderer/src/shared/data/use-api-mutation';
import { useApiQuery } from '../../../../renderer/src/shared/data/use-api-query';
import { fakeBridge, mount, settle } from './hooks';

afterEach(() => {
  delete (window as unknown as { carrel?: unknown }).carrel;
});

const REFUSED = { ok: false, error: { code: 'user-data-read-only', message: 'Read-only.' } };
const DELETION = { deletionId: 'd1', kind: 'bookmark', summary: 'Bookmark' };

function Lists() {
  useApiQuery('listBookmarks', { documentId: 'doc' });
  useApiQuery('listHighlights', { documentId: 'doc' });
  return null;
}

function Deleter({ options, into }: { options: ApiMutationOptions; into: ApiMutation<'deleteBookmark'>[] }) {
  into.push(useApiMutation('deleteBookmark', options));
  return null;
}

function setup(options: ApiMutationOptions, deleteAnswer: () => unknown) {
  const bridge = fakeBridge({
    listBookmarks: () => ({ ok: true, value: [] }),
    listHighlights: () => ({ ok: true, value: [] }),
    deleteBookmark: deleteAnswer,
  });
  const seen: ApiMutation<'deleteBookmark'>[] = [];
  const view = mount(createQueryClient(), () => createElement(Fragment, null, createElement(Lists), createElement(Deleter, { options, into: seen })));
  return { bridge, seen, reported: view.reported };
}

describe('useApiMutation', () => {
  it('fetches again only what it names after a success', async () => {
    const { bridge, seen } = setup({ failure: 'The bookmark was not deleted', invalidates: ['listBookmarks'] }, () => ({ ok: true, value: DELETION }));
    await settle();
    expect(await seen.at(-1)!.run({ id: 'b1' })).toEqual({ ok: true, value: DELETION });
    await settle();
    expect(bridge.count('listBookmarks')).toBe(2);
    expect(bridge.count('listHighlights')).toBe(1);
  });

  it('says a failure in the toast area even when the view ignores the result', async () => {
    const { bridge, seen, reported } = setup({ failure: 'The bookmark was not deleted', invalidates: ['listBookmarks'] }, () => REFUSED);
    await settle();
    void seen.at(-1)!.run({ id: 'b1' }); // a view that drops the Result
    await settle();
    expect(reported).toEqual(['The bookmark was not deleted: Read-only.']);
    expect(bridge.count('listBookmarks')).toBe(1); // nothing changed: nothing fetched again
  });

  it('keeps an inline failure for the view to show, and says nothing elsewhere', async () => {
    const { seen, reported } = setup({ failure: 'The bookmark was not deleted', report: 'inline' }, () => REFUSED);
    await settle();
    const result = await seen.at(-1)!.run({ id: 'b1' });
    await settle();
    expect(result).toEqual(REFUSED);
    expect(seen.at(-1)!.error).toBe('The bookmark was not deleted: Read-only.');
    expect(seen.at(-1)!.failed(result)).toBe('The bookmark was not deleted: Read-only.');
    expect(reported).toEqual([]);
  });

  it('turns a call that never reached its service into a reported failure, never a rejection', async () => {
    const { seen, reported } = setup({ failure: 'The bookmark was not deleted' }, () => {
      throw new Error('The channel closed.');
    });
    await settle();
    const result = await seen.at(-1)!.run({ id: 'b1' });
    expect(result).toEqual({ ok: false, error: { code: 'bridge', message: 'The channel closed.' } });
    expect(reported).toEqual(['The bookmark was not deleted: The channel closed.']);
  });
});
