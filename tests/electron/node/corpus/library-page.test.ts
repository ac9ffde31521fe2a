import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCorpus } from '../../../../electron/node/corpus/build-corpus';
import { createHandlerTable } from '../../../../electron/node/ipc/handler-table';
import { createServices, type AppServices } from '../../../../electron/node/services/create-services';
import { addedDatesOf, type AddedDatesSource } from '../../../../electron/node/corpus/library-view-queries';
import type { LibraryView } from '../../../../electron/common/corpus/library-types';

let dir: string;
let services: AppServices;
const ids = Array.from({ length: 25 }, (_, i) => `d${String(i).padStart(2, '0')}`);

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'carrel-library-page-'));
  const sources = path.join(dir, 'sources');
  fs.mkdirSync(sources);
  ids.forEach((id, i) => fs.writeFileSync(path.join(sources, `${id}.txt`), `Entry ${i}\n\nText number ${i} of the list.\n`));
  buildCorpus({ sourcesDir: sources, outFile: path.join(dir, 'c.sqlite'), title: 'Pages' });
  services = createServices({ corpusFile: path.join(dir, 'c.sqlite') });
});
afterAll(() => {
  services?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('listLibraryPage', () => {
  it('returns lean rows of one window in library order, with the total', () => {
    const page = services.listLibraryPage({ offset: 10, limit: 4 });
    expect(page.total).toBe(25);
    expect(page.offset).toBe(10);
    expect(page.rows.map((r) => r.id)).toEqual(['d10', 'd11', 'd12', 'd13']);
    // Only what a row shows: no text, hashes or provenance cross for the list.
    expect(Object.keys(page.rows[0]!).sort()).toEqual(['added', 'author', 'date', 'id', 'language', 'progress', 'source', 'title', 'wordCount']);
    expect(page.rows[0]).toMatchObject({ title: 'Entry 10', language: 'en' });
    expect(services.listLibraryPage({ offset: 23, limit: 10 }).rows.map((r) => r.id)).toEqual(['d23', 'd24']);
    expect(services.listLibraryPage({ offset: 99, limit: 10 }).rows).toEqual([]);
  });

  it('finds the page-aligned window holding a document, or says it is not there', () => {
    const page = services.listLibraryPage({ aroundId: 'd17', limit: 5 });
    expect(page).toMatchObject({ total: 25, offset: 15, index: 17 });
    expect(page.rows.map((r) => r.id)).toEqual(['d15', 'd16', 'd17', 'd18', 'd19']);
    expect(services.listLibraryPage({ aroundId: 'gone', limit: 5 })).toMatchObject({ offset: 0, index: -1 });
  });

  it('refuses pages that are too large or malformed before the service runs', async () => {
    const table = createHandlerTable(services);
    for (const input of [{ offset: 0, limit: 501 }, { offset: -1, limit: 5 }, { offset: 0, limit: 5, aroundId: 'd01' }, undefined]) {
      const result = await table.listLibraryPage(input);
      expect(result.ok, JSON.stringify(input)).toBe(false);
    }
  });

  it('reads only its rows’ dates added, and every date only for a view that sorts or filters by them', () => {
    const calls: string[] = [];
    const dates = addedDatesOf('2026-01-01T00:00:00.000Z', new Map([['d12', '2026-03-01T00:00:00.000Z']]), '2026-03-01T00:00:00.000Z');
    const added: AddedDatesSource = {
      all: () => (calls.push('all'), dates),
      some: (ids) => (calls.push(`some ${ids.join(' ')}`), new Map(ids.map((id) => [id, dates.othersById.get(id) ?? dates.base]))),
    };
    const store = services.openStore();
    const view = (changes: Partial<LibraryView>): LibraryView => ({ sort: 'corpus', descending: false, text: '', state: 'all', added: 'any', ...changes });
    const page = store.listLibraryPage({ offset: 10, limit: 3, view: view({}) }, new Map(), added);
    expect(page.rows.map((r) => [r.id, r.added])).toEqual([
      ['d10', dates.base],
      ['d11', dates.base],
      ['d12', '2026-03-01T00:00:00.000Z'],
    ]);
    expect(store.listLibraryPage({ aroundId: 'd21', limit: 2 }, new Map(), added).rows.map((r) => r.id)).toEqual(['d20', 'd21']);
    expect(store.listLibraryPage({ offset: 0, limit: 2, view: view({ sort: 'title', descending: true }) }, new Map(), added).rows.map((r) => r.id)).toEqual(['d09', 'd08']);
    expect(calls).toEqual(['some d10 d11 d12', 'some d20 d21', 'some d09 d08']);
    calls.length = 0;
    expect(store.listLibraryPage({ offset: 0, limit: 1, view: view({ sort: 'added', descending: true }) }, new Map(), added).rows.map((r) => [r.id, r.added])).toEqual([['d12', '2026-03-01T00:00:00.000Z']]);
    // (The source keeps what all() read: the count and the rows may each ask.)
    expect([...new Set(calls)]).toEqual(['all', 'some d12']);
  });
});
