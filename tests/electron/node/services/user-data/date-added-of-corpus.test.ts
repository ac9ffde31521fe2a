import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { LibraryView } from '../../../../../electron/common/corpus/library-types';
import { buildCorpus } from '../../../../../electron/node/corpus/build-corpus';
import { createHandlerTable } from '../../../../../electron/node/ipc/handler-table';
import { createServices, type AppServices } from '../../../../../electron/node/services/create-services';
import { openDatabase } from '../../../../../electron/node/sqlite/open-database';
import { value } from '../user-data-fixture';

// The dates added of a build seen for the first time are recorded in the background, a chunk at
// a time: here the chunks are 4 documents and run only when the test says so.

let dir: string;
let sources: string;
let corpusFile: string;
let otherFile: string;
let run = 0;
const open: AppServices[] = [];
const ids = Array.from({ length: 10 }, (_, i) => `d${String(i).padStart(2, '0')}`);
const CORPUS_VIEW: LibraryView = { sort: 'corpus', descending: false, text: '', state: 'all', added: 'any' };

function start(options: { userDbFile?: string } = {}) {
  const steps: (() => void)[] = [];
  const userDbFile = options.userDbFile ?? path.join(dir, `user-${++run}`, 'carrel-user.sqlite');
  const services = createServices({
    corpusFile,
    userDbFile,
    dialogs: { chooseCorpusFile: async () => otherFile } as never,
    dateAddedRecording: { chunk: 4, schedule: (step) => void steps.push(step) },
  });
  open.push(services);
  const table = createHandlerTable(services, () => {});
  const page = async (view: LibraryView = CORPUS_VIEW) => value(await table.listLibraryPage({ offset: 0, limit: 50, view })).rows.map((row) => [row.id, row.added]);
  /** Runs the background steps scheduled so far (each may schedule the next). */
  const step = (n = 1) => {
    for (let i = 0; i < n; i++) steps.shift()?.();
  };
  return { services, table, page, step, steps, userDbFile };
}

/** What the notes file holds, read with a connection of its own. */
function recorded(userDbFile: string) {
  const db = openDatabase(userDbFile, { readonly: true, fileMustExist: true });
  try {
    return {
      dates: db.prepare('SELECT document_id, added_at FROM document_added ORDER BY document_id').raw().all() as [string, string][],
      builds: db.prepare('SELECT count(*) FROM corpus_builds_seen').pluck().get() as number,
    };
  } finally {
    db.close();
  }
}

const createdAt = (file: string) => {
  const services = createServices({ corpusFile: file });
  const at = services.openStore().build.createdAt;
  services.close();
  return at;
};

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'carrel-added-background-'));
  sources = path.join(dir, 'sources');
  fs.mkdirSync(sources);
  ids.forEach((id, i) => fs.writeFileSync(path.join(sources, `${id}.txt`), `Entry ${i}\n\nText number ${i}.\n`));
  corpusFile = path.join(dir, 'c.sqlite');
  otherFile = path.join(dir, 'other.sqlite');
  buildCorpus({ sourcesDir: sources, outFile: corpusFile, title: 'Background' });
  const otherSources = path.join(dir, 'other-sources');
  fs.mkdirSync(otherSources);
  fs.writeFileSync(path.join(otherSources, 'only.txt'), 'Only one\n\nIn another corpus.\n');
  buildCorpus({ sourcesDir: otherSources, outFile: otherFile, title: 'Other' });
});
afterEach(() => {
  open.splice(0).forEach((services) => services.close());
});
afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('date added of a build seen for the first time', { timeout: 60_000 }, () => {
  it('answers the first page without writing the notes, then records in the background with the same dates', async () => {
    const first = createdAt(corpusFile);
    const { page, step, steps, userDbFile } = start();
    const expected = ids.map((id) => [id, first]);
    expect(await page()).toEqual(expected);
    // Nothing written yet: the recording waits its turn.
    expect(recorded(userDbFile)).toEqual({ dates: [], builds: 0 });
    expect(steps).toHaveLength(1);

    step();
    expect(recorded(userDbFile).dates).toHaveLength(4);
    expect(recorded(userDbFile).builds).toBe(0);
    expect(await page()).toEqual(expected);

    step(2);
    expect(recorded(userDbFile)).toEqual({ dates: expected, builds: 1 });
    expect(steps).toHaveLength(0);
    expect(await page()).toEqual(expected);
  });

  it('is recorded whole when the services close right after the first page', async () => {
    const { services, page, userDbFile } = start();
    const shown = await page();
    services.close();
    expect(recorded(userDbFile)).toEqual({ dates: shown, builds: 1 });
  });

  it('is recorded whole before a view sorted or filtered by date added is listed', async () => {
    const { page, step, userDbFile } = start();
    const shown = await page();
    step();
    expect((await page({ ...CORPUS_VIEW, sort: 'added', descending: true })).map(([id]) => id)).toEqual([...ids].reverse());
    expect(recorded(userDbFile)).toEqual({ dates: shown, builds: 1 });
    // The background step left over finds nothing more to do.
    step(5);
    expect(recorded(userDbFile)).toEqual({ dates: shown, builds: 1 });
  });

  it('is recorded whole before another corpus is opened in its place', async () => {
    const { table, page, userDbFile } = start();
    const shown = await page();
    value(await table.chooseCorpus(undefined));
    expect(recorded(userDbFile).dates).toEqual(shown);
  });

  it('gives a rebuild’s new documents its own time while the known ones keep theirs, before and after the recording', async () => {
    const first = createdAt(corpusFile);
    const { services, page, userDbFile } = start();
    await page();
    services.close();

    const wait = Date.now() + 5;
    while (Date.now() < wait);
    fs.writeFileSync(path.join(sources, 'zz-later.txt'), 'A later arrival\n\nIt came with the second build.\n');
    buildCorpus({ sourcesDir: sources, outFile: corpusFile, title: 'Background' });
    const second = createdAt(corpusFile);
    try {
      const again = start({ userDbFile });
      const expected = [...ids.map((id) => [id, first]), ['zz-later', second]];
      expect(await again.page()).toEqual(expected);
      expect(recorded(userDbFile).builds).toBe(1);
      again.step(5);
      expect(recorded(userDbFile)).toEqual({ dates: expected, builds: 2 });
      expect(await again.page()).toEqual(expected);
    } finally {
      fs.rmSync(path.join(sources, 'zz-later.txt'));
      buildCorpus({ sourcesDir: sources, outFile: corpusFile, title: 'Background' });
    }
  });
});

describe('date added in notes that refuse the recording', () => {
  it('shows the build’s time until the write fails, then unknown dates, and the library still lists', async () => {
    const first = createdAt(corpusFile);
    const { page, step, userDbFile } = start();
    // The notes refuse any date added (as a full disk or a damaged table would).
    const db = openDatabase(userDbFile, { fileMustExist: true });
    db.exec("CREATE TRIGGER refuse_added BEFORE INSERT ON document_added BEGIN SELECT RAISE(ABORT, 'refused'); END");
    db.close();
    expect(await page()).toEqual(ids.map((id) => [id, first]));
    step();
    expect(recorded(userDbFile)).toEqual({ dates: [], builds: 0 });
    expect(await page()).toEqual(ids.map((id) => [id, '']));
    expect((await page({ ...CORPUS_VIEW, sort: 'added' })).map(([id]) => id)).toEqual(ids);
    expect(await page({ ...CORPUS_VIEW, added: 'latest' })).toEqual([]);
  });
});
