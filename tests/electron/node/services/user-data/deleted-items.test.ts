import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { UNDO_WINDOW_MS } from '../../../../../electron/common/notes/deleted-items';
import { createServices } from '../../../../../electron/node/services/create-services';
import { openDatabase } from '../../../../../electron/node/sqlite/open-database';
import { FIXTURES } from '../../../../harness/paths';
import { errorCode, makeWorkspace, value } from '../user-data-fixture';

const workspace = makeWorkspace('carrel-deleted-items-');
let corpus: string;
beforeAll(() => {
  corpus = workspace.corpus('small', path.join(FIXTURES, 'corpus-small'), undefined, 'Small');
});
afterAll(() => workspace.close());
afterEach(() => vi.useRealTimers());

/** Where the marker's bytes are, among the database file and its WAL (as UTF-8, how SQLite stores text). */
function filesHolding(dbFile: string, marker: string): string[] {
  return [dbFile, `${dbFile}-wal`].filter((file) => fs.existsSync(file) && fs.readFileSync(file).includes(Buffer.from(marker, 'utf8')));
}

const countDeleted = (dbFile: string) => {
  const db = openDatabase(dbFile, { readonly: true, fileMustExist: true });
  try {
    return db
      .prepare(
        `SELECT (SELECT count(*) FROM document_notes WHERE deleted_at IS NOT NULL) + (SELECT count(*) FROM highlights WHERE deleted_at IS NOT NULL)
           + (SELECT count(*) FROM bookmarks WHERE deleted_at IS NOT NULL) + (SELECT count(*) FROM deletions) AS n`,
      )
      .pluck()
      .get() as number;
  } finally {
    db.close();
  }
};

describe('Empty deleted items now', () => {
  it('erases a deleted note from the database file and its WAL, and keeps the live ones', async () => {
    const dbFile = path.join(workspace.dir, 'empty-now', 'carrel-user.sqlite');
    const { table } = workspace.services(corpus, dbFile);
    const gone = `gone-${randomUUID()}`;
    const goneTag = `tag-${randomUUID().slice(0, 8)}`;
    const goneQuoteNote = `quote-note-${randomUUID()}`;
    const kept = `kept-${randomUUID()}`;
    const note = value(await table.createDocumentNote({ documentId: 'notes', body: `A secret: ${gone}`, tags: [goneTag] }));
    const highlight = value(await table.createHighlight({ documentId: 'notes', start: 0, end: 4, color: 'pink', note: goneQuoteNote }));
    value(await table.createDocumentNote({ documentId: 'brief', body: `Still here: ${kept}` }));
    value(await table.deleteDocumentNote({ id: note.id }));
    value(await table.deleteHighlight({ id: highlight.id }));

    // Before: a soft delete leaves every byte where it was (the test can see them).
    expect(filesHolding(dbFile, gone)).not.toEqual([]);
    expect(filesHolding(dbFile, goneTag)).not.toEqual([]);
    expect(filesHolding(dbFile, goneQuoteNote)).not.toEqual([]);

    const result = value(await table.emptyDeletedItems(undefined));
    expect(result).toMatchObject({ highlights: 1, notes: 1, bookmarks: 0 });
    expect(result.message).toMatch(/^Erased for good: 1 highlight and 1 note\. They can no longer be undone\./);
    expect(result.message).toContain('Backups made before a delete still hold');

    expect(filesHolding(dbFile, gone)).toEqual([]);
    expect(filesHolding(dbFile, goneTag)).toEqual([]);
    expect(filesHolding(dbFile, goneQuoteNote)).toEqual([]);
    // The WAL was truncated, and what was not deleted is still there (the scan does find text).
    expect(fs.statSync(`${dbFile}-wal`).size).toBe(0);
    expect(filesHolding(dbFile, kept)).toEqual([dbFile]);
    expect(value(await table.queryNotebook({ text: 'Still here' })).total).toBe(1);

    const again = value(await table.emptyDeletedItems(undefined));
    expect(again).toMatchObject({ highlights: 0, notes: 0, bookmarks: 0 });
    expect(again.message).toMatch(/^There were no deleted items left to erase\./);
    // Undo after the purge says why it cannot.
    const late = await table.undoDeletion({ deletionId: randomUUID() });
    expect(errorCode(late)).toBe('not-found');
    expect(!late.ok && late.error.message).toContain('erased for good');
  });
});

describe('erasing deleted items on its own', () => {
  it('keeps a delete undoable within the undo window, and erases it after the window', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    let now = Date.parse('2026-03-01T09:00:00Z');
    const dbFile = path.join(workspace.dir, 'window', 'carrel-user.sqlite');
    const services = createServices({ corpusFile: corpus, userDbFile: dbFile, now: () => new Date(now) });
    try {
      const early = services.createDocumentNote({ documentId: 'notes', body: 'deleted early' });
      const earlyDeletion = services.deleteDocumentNote({ id: early.id });
      now += UNDO_WINDOW_MS - 10 * 60 * 1000;
      const late = services.createBookmark({ documentId: 'notes', offset: 3, label: 'deleted late' });
      const lateDeletion = services.deleteBookmark({ id: late.id });
      // Still within its window: a periodic purge leaves it alone.
      vi.advanceTimersByTime(5 * 60 * 1000);
      expect(countDeleted(dbFile)).toBe(4);
      now += 15 * 60 * 1000;
      vi.advanceTimersByTime(5 * 60 * 1000);
      // The early one is past the window: erased with its deletion record; the late one is not.
      expect(countDeleted(dbFile)).toBe(2);
      expect(() => services.undoDeletion({ deletionId: earlyDeletion.deletionId })).toThrow(/erased for good/);
      expect(services.undoDeletion({ deletionId: lateDeletion.deletionId }).itemId).toBe(late.id);
    } finally {
      services.close();
    }
  });

  it('erases everything deleted when Carrel closes, and what a crashed session left when it starts', () => {
    const dbFile = path.join(workspace.dir, 'sessions', 'carrel-user.sqlite');
    const first = createServices({ corpusFile: corpus, userDbFile: dbFile });
    const note = first.createDocumentNote({ documentId: 'notes', body: 'closing' });
    first.deleteDocumentNote({ id: note.id });
    expect(countDeleted(dbFile)).toBe(2);
    first.close();
    expect(countDeleted(dbFile)).toBe(0);

    // A session that ended without closing (a crash) leaves its soft deletes behind, as these:
    const crashed = createServices({ corpusFile: corpus, userDbFile: dbFile });
    const left = crashed.createHighlight({ documentId: 'notes', start: 0, end: 3, color: 'yellow' });
    crashed.close();
    const raw = openDatabase(dbFile, { fileMustExist: true });
    raw.prepare("UPDATE highlights SET deleted_at = '2026-02-01T10:00:00.000Z' WHERE id = ?").run(left.id);
    raw
      .prepare(
        `INSERT INTO deletions (id, corpus_id, kind, item_id, document_id, summary, deleted_at)
         SELECT ?, corpus_id, 'highlight', id, document_id, quote_exact, deleted_at FROM highlights WHERE id = ?`,
      )
      .run(randomUUID(), left.id);
    raw.close();
    expect(countDeleted(dbFile)).toBe(2);
    // … and the next start erases them: nothing could undo them any more.
    const next = createServices({ corpusFile: corpus, userDbFile: dbFile });
    try {
      expect(countDeleted(dbFile)).toBe(0);
    } finally {
      next.close();
    }
  });
});
