import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LibraryView } from '../../../../electron/common/corpus/library-types';
import { SPEED_KNOWN_AFTER_WORDS } from '../../../../electron/common/notes/reading-progress';
import { WORDS_PER_MINUTE } from '../../../../electron/common/corpus/reading-time';
import { buildCorpus } from '../../../../electron/node/corpus/build-corpus';
import { countWords } from '../../../../electron/node/corpus/word-count';
import { createHandlerTable, type HandlerTable } from '../../../../electron/node/ipc/handler-table';
import { createServices, type AppServices } from '../../../../electron/node/services/create-services';
import { FIXTURES } from '../../../harness/paths';
import { value } from './user-data-fixture';

let dir: string;
let services: AppServices;
let table: HandlerTable;
let clock = Date.parse('2026-02-01T09:00:00Z');
const advance = (seconds: number) => (clock += seconds * 1000);

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'carrel-progress-'));
  buildCorpus({ sourcesDir: path.join(FIXTURES, 'corpus-contents'), outFile: path.join(dir, 'c.sqlite'), title: 'Contents' });
  services = createServices({ corpusFile: path.join(dir, 'c.sqlite'), userDbFile: path.join(dir, 'user.sqlite'), now: () => new Date(clock) });
  table = createHandlerTable(services, (...args: unknown[]) => console.error(...args));
});
afterAll(() => {
  services?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const view = (changes: Partial<LibraryView>): LibraryView => ({ sort: 'corpus', descending: false, text: '', state: 'all', ...changes });
const ids = async (v: LibraryView) => value(await table.listLibraryPage({ offset: 0, limit: 50, view: v })).rows.map((r) => r.id);

describe('reading progress and speed', () => {
  it('starts at the typical speed, said to be not yet measured', async () => {
    expect(value(await table.getReadingSpeed(undefined))).toEqual({ wordsPerMinute: WORDS_PER_MINUTE, measured: false, wordsMeasured: 0 });
    const rows = value(await table.listLibraryPage({ offset: 0, limit: 10 })).rows;
    expect(rows.map((r) => r.progress.state)).toEqual(['unread', 'unread', 'unread']);
  });

  it('measures the reader’s own speed from positions moving forward over time, leaving out jumps and pauses', async () => {
    const doc = value(await table.getDocument({ id: 'field-guide' }));
    const ends = doc.paragraphs.map((p) => p.end);
    let at = 0;
    value(await table.setReadingPosition({ documentId: 'field-guide', offset: 0, seenTo: ends[3]! }));
    // Reading at 300 words a minute, a screen at a time.
    let read = 0;
    for (const end of ends.slice(1, 16)) {
      const words = countWords(doc.text.slice(at, end));
      advance((words * 60) / 300);
      value(await table.setReadingPosition({ documentId: 'field-guide', offset: end, seenTo: end }));
      read += words;
      at = end;
    }
    expect(read).toBeGreaterThan(SPEED_KNOWN_AFTER_WORDS);
    // A jump far ahead in a second, and a pause of an hour: neither counts.
    advance(1);
    value(await table.setReadingPosition({ documentId: 'field-guide', offset: ends[25]!, seenTo: ends[25]! }));
    advance(3600);
    value(await table.setReadingPosition({ documentId: 'field-guide', offset: ends[26]!, seenTo: ends[26]! }));
    const speed = value(await table.getReadingSpeed(undefined));
    expect(speed.measured).toBe(true);
    expect(speed.wordsPerMinute).toBe(300);
    // Stretches read in under 3 s (a one-word heading) are left out too.
    expect(speed.wordsMeasured).toBeGreaterThanOrEqual(SPEED_KNOWN_AFTER_WORDS);
    expect(speed.wordsMeasured).toBeLessThanOrEqual(read);
  });

  it('keeps how far the reader has seen (it only grows) and marks a document finished at its end', async () => {
    const doc = value(await table.getDocument({ id: 'field-guide' }));
    const most = Math.ceil(doc.text.length * 0.9);
    advance(30);
    let position = value(await table.setReadingPosition({ documentId: 'field-guide', offset: most - 500, seenTo: most }));
    expect(position.progress).toEqual({ state: 'started', percent: 90 });
    advance(30);
    // Scrolling back does not undo progress.
    position = value(await table.setReadingPosition({ documentId: 'field-guide', offset: 0, seenTo: 100 }));
    expect(position.progress.percent).toBe(90);
    expect(value(await table.getReadingPosition({ documentId: 'field-guide' }))!.progress).toEqual({ state: 'started', percent: 90 });
    advance(30);
    position = value(await table.setReadingPosition({ documentId: 'short-note', offset: 0, seenTo: 10_000 }));
    expect(position.progress).toEqual({ state: 'finished', percent: 100 });
  });

  it('sorts and filters the library by state, progress, title, author, source, length and date', async () => {
    const page = value(await table.listLibraryPage({ offset: 0, limit: 10 }));
    expect(page.rows.map((r) => [r.id, r.progress.state])).toEqual([
      ['archive-guide-ar', 'unread'],
      ['field-guide', 'started'],
      ['short-note', 'finished'],
    ]);
    expect(await ids(view({ state: 'unread' }))).toEqual(['archive-guide-ar']);
    expect(await ids(view({ state: 'started' }))).toEqual(['field-guide']);
    expect(await ids(view({ state: 'finished' }))).toEqual(['short-note']);
    expect(await ids(view({ sort: 'progress', descending: true }))).toEqual(['short-note', 'field-guide', 'archive-guide-ar']);
    expect(await ids(view({ sort: 'length' }))).toEqual(['short-note', 'archive-guide-ar', 'field-guide']);
    expect(await ids(view({ sort: 'title' }))).toEqual(['field-guide', 'short-note', 'archive-guide-ar']);
    // Documents without an author or a date come last, either way round.
    expect(await ids(view({ sort: 'author', descending: true }))).toEqual(['archive-guide-ar', 'field-guide', 'short-note']);
    expect(await ids(view({ sort: 'date' }))).toEqual(['field-guide', 'archive-guide-ar', 'short-note']);
    expect(await ids(view({ sort: 'source' }))).toEqual(['field-guide', 'archive-guide-ar', 'short-note']);
    expect(await ids(view({ text: 'haddad' }))).toEqual(['field-guide']);
    expect(await ids(view({ text: 'حداد' }))).toEqual(['archive-guide-ar']);
    expect(await ids(view({ text: 'fixture library' }))).toEqual(['field-guide']);
    expect(await ids(view({ text: '100%_' }))).toEqual([]);
    const filtered = value(await table.listLibraryPage({ offset: 0, limit: 10, view: view({ text: 'e' }) }));
    expect(filtered.total).toBe(2);
    // Coming back from a document finds its row in the view as sorted.
    const around = value(await table.listLibraryPage({ aroundId: 'archive-guide-ar', limit: 2, view: view({ sort: 'title' }) }));
    expect(around).toMatchObject({ total: 3, offset: 2, index: 2 });
    expect(around.rows.map((r) => r.id)).toEqual(['archive-guide-ar']);
  });

  it('refuses a view it does not know', async () => {
    const result = await table.listLibraryPage({ offset: 0, limit: 5, view: { ...view({}), sort: 'colour' } as unknown as LibraryView });
    expect(result.ok).toBe(false);
  });
});
