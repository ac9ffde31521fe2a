import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LibraryView } from '../../../../electron/common/corpus/library-types';
import { buildCorpus } from '../../../../electron/node/corpus/build-corpus';
import { createHandlerTable } from '../../../../electron/node/ipc/handler-table';
import { createServices, type AppServices } from '../../../../electron/node/services/create-services';
import { FIXTURES } from '../../../harness/paths';
import { value } from './user-data-fixture';

const DAY = 24 * 60 * 60 * 1000;
let dir: string;
let sources: string;
let corpusFile: string;
let userDbFile: string;
const open: AppServices[] = [];
let clock = Date.parse('2031-01-01T00:00:00Z');

function start() {
  const services = createServices({ corpusFile, userDbFile, now: () => new Date(clock) });
  open.push(services);
  return { services, table: createHandlerTable(services, () => {}) };
}
const view = (changes: Partial<LibraryView>): LibraryView => ({ sort: 'corpus', descending: false, text: '', state: 'all', ...changes });
async function rows(table: ReturnType<typeof start>['table'], v?: LibraryView) {
  return value(await table.listLibraryPage({ offset: 0, limit: 50, ...(v ? { view: v } : {}) })).rows.map((row) => [row.id, row.added]);
}
/** Builds the folder over the corpus file (same title, so the same corpus id); returns the build's creation time. */
function build(): string {
  buildCorpus({ sourcesDir: sources, outFile: corpusFile, title: 'Dated' });
  const services = createServices({ corpusFile });
  const createdAt = services.openStore().build.createdAt;
  services.close();
  return createdAt;
}

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'carrel-added-'));
  sources = path.join(dir, 'sources');
  fs.cpSync(path.join(FIXTURES, 'corpus-small'), sources, { recursive: true });
  corpusFile = path.join(dir, 'c.sqlite');
  userDbFile = path.join(dir, 'user', 'carrel-user.sqlite');
});
afterAll(() => {
  open.forEach((services) => services.close());
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('date added', { timeout: 60_000 }, () => {
  it('is the creation time of the first build that held the document, kept across rebuilds', async () => {
    const first = build();
    let { services, table } = start();
    expect(await rows(table)).toEqual([
      ['arabic', first],
      ['brief', first],
      ['notes', first],
    ]);
    services.close();

    // A rebuild (later) with one more document: the three keep their date, the new one gets the new build's.
    const wait = Date.now() + 5;
    while (Date.now() < wait);
    fs.writeFileSync(path.join(sources, 'zz-later.txt'), 'A later arrival\n\nIt came with the second build of the corpus.\n');
    const second = build();
    expect(second > first).toBe(true);
    ({ services, table } = start());
    expect(await rows(table)).toEqual([
      ['arabic', first],
      ['brief', first],
      ['notes', first],
      ['zz-later', second],
    ]);

    // Sorted by date added, newest first (corpus order breaking ties, the same way); filtered to those added last.
    expect((await rows(table, view({ sort: 'added', descending: true }))).map(([id]) => id)).toEqual(['zz-later', 'notes', 'brief', 'arabic']);
    expect((await rows(table, view({ sort: 'added' }))).map(([id]) => id)).toEqual(['arabic', 'brief', 'notes', 'zz-later']);
    expect(await rows(table, view({ added: 'latest' }))).toEqual([['zz-later', second]]);
    services.close();
  });

  it('filters the last 7 and 30 days from the time now', async () => {
    const added = value(await start().table.listLibraryPage({ offset: 0, limit: 50 })).rows.map((row) => Date.parse(row.added));
    const newest = Math.max(...added);
    clock = newest + 8 * DAY;
    const { table } = start();
    expect(await rows(table, view({ added: 'week' }))).toEqual([]);
    expect((await rows(table, view({ added: 'month' }))).length).toBe(4);
    clock = newest + 2 * DAY;
    const later = start().table;
    expect((await rows(later, view({ added: 'week' }))).length).toBe(4);
  });

  it('opening the same build again reads the dates it recorded, and a new notes file starts from the build it sees', async () => {
    const { table } = start();
    const before = await rows(table);
    const again = await rows(start().table);
    expect(again).toEqual(before);
    // The corpus file itself is not written by any of this.
    const bytes = fs.readFileSync(corpusFile);
    await rows(start().table, view({ sort: 'added' }));
    expect(fs.readFileSync(corpusFile).equals(bytes)).toBe(true);
  });

  it('is unknown (empty) while the notes cannot be read, and the library still lists', async () => {
    const services = createServices({ corpusFile });
    const table = createHandlerTable(services, () => {});
    open.push(services);
    expect((await rows(table)).every(([, added]) => added === '')).toBe(true);
    expect((await rows(table, view({ sort: 'added' }))).length).toBe(4);
  });
});
