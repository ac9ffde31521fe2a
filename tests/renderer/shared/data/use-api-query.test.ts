// @vitest-environment jsdom
import { createElement, Fragment } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import type { TagCount } from '../../../../electron/common/notes/notes-types';
import { createQueryClient } from '../../../../renderer/src/shared/data/query-client';
import { useApiQuery, type ApiQuery } from '../../../../renderer/src/shared/data/use-api-query';
import { fakeBridge, mount, settle } from './hooks';

afterEach(() => {
  delete (window as unknown as { carrel?: unknown }).carrel;
});

const tag = (name: string): TagCount => ({ name, count: 1 });

function Probe({ prefix, into }: { prefix?: string; into: ApiQuery<TagCount[]>[] }) {
  into.push(useApiQuery('listTags', { prefix, limit: 5 }));
  return null;
}

describe('useApiQuery', () => {
  it('asks once per [method, input], however many views show it', async () => {
    const bridge = fakeBridge({ listTags: (input) => ({ ok: true, value: [tag(String((input as { prefix?: string }).prefix))] }) });
    const a: ApiQuery<TagCount[]>[] = [];
    const b: ApiQuery<TagCount[]>[] = [];
    const c: ApiQuery<TagCount[]>[] = [];
    mount(createQueryClient(), () =>
      createElement(Fragment, null, createElement(Probe, { prefix: 'x', into: a }), createElement(Probe, { prefix: 'x', into: b }), createElement(Probe, { prefix: 'y', into: c })),
    );
    expect(a.at(-1)!.state).toEqual({ status: 'loading' });
    await settle();
    expect(bridge.count('listTags')).toBe(2);
    expect(a.at(-1)!.value).toEqual([tag('x')]);
    expect(b.at(-1)!.value).toEqual([tag('x')]);
    expect(c.at(-1)!.state).toEqual({ status: 'ready', value: [tag('y')] });
  });

  it('gives the service’s error as it came, and never retries it', async () => {
    const bridge = fakeBridge({ listTags: () => ({ ok: false, error: { code: 'user-data-damaged', message: 'Damaged.' } }) });
    const seen: ApiQuery<TagCount[]>[] = [];
    mount(createQueryClient(), () => createElement(Probe, { into: seen }));
    await settle();
    expect(seen.at(-1)!.state).toEqual({ status: 'error', error: { code: 'user-data-damaged', message: 'Damaged.' } });
    expect(bridge.count('listTags')).toBe(1);
  });

  it('keeps the last value when a refetch fails, and says why', async () => {
    let fail = false;
    fakeBridge({ listTags: () => (fail ? { ok: false, error: { code: 'user-data-in-use', message: 'Busy.' } } : { ok: true, value: [tag('a')] }) });
    const seen: ApiQuery<TagCount[]>[] = [];
    mount(createQueryClient(), () => createElement(Probe, { into: seen }));
    await settle();
    fail = true;
    await seen.at(-1)!.refetch();
    await settle();
    expect(seen.at(-1)!.value).toEqual([tag('a')]);
    expect(seen.at(-1)!.error).toEqual({ code: 'user-data-in-use', message: 'Busy.' });
  });

  it('setValue changes what every view of that key shows', async () => {
    fakeBridge({ listTags: () => ({ ok: true, value: [tag('a')] }) });
    const a: ApiQuery<TagCount[]>[] = [];
    const b: ApiQuery<TagCount[]>[] = [];
    mount(createQueryClient(), () => createElement(Fragment, null, createElement(Probe, { into: a }), createElement(Probe, { into: b })));
    await settle();
    a.at(-1)!.setValue((old) => [...old, tag('b')]);
    await settle();
    expect(b.at(-1)!.value).toEqual([tag('a'), tag('b')]);
  });

  it('forgets everything when the client is cleared (another corpus opened)', async () => {
    let corpus = 'first';
    const bridge = fakeBridge({ listTags: () => ({ ok: true, value: [tag(corpus)] }) });
    const client = createQueryClient();
    const seen: ApiQuery<TagCount[]>[] = [];
    const view = mount(client, () => createElement(Probe, { into: seen }));
    await settle();
    corpus = 'second';
    client.clear();
    view.rerender();
    await settle();
    expect(bridge.count('listTags')).toBe(2);
    expect(seen.at(-1)!.value).toEqual([tag('second')]);
  });
});
