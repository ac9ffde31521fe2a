import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHandlerTable, type HandlerTable } from '../../../../electron/node/ipc/handler-table';
import { createServices } from '../../../../electron/node/services/create-services';
import { USER_SCHEMA_VERSION } from '../../../../electron/node/user-store/migrations';
import { openUserStore } from '../../../../electron/node/user-store/open-user-store';
import { FIXTURES } from '../../../harness/paths';
import { errorCode, makeWorkspace, value } from './user-data-fixture';

const workspace = makeWorkspace('carrel-user-services-');
let corpusA: string;
let corpusB: string;
let table: HandlerTable;
let notesText: string;

beforeAll(() => {
  const small = path.join(FIXTURES, 'corpus-small');
  corpusA = workspace.corpus('a', small, undefined, 'Corpus A');
  corpusB = workspace.corpus('b', small, undefined, 'Corpus B');
  ({ table } = workspace.services(corpusA));
});
afterAll(() => workspace.close());

beforeAll(async () => {
  notesText = value(await table.getDocument({ id: 'notes' })).text;
});

const span = (text: string, passage: string) => {
  const start = text.indexOf(passage);
  if (start < 0) throw new Error(`"${passage}" not in text`);
  return { start, end: start + passage.length };
};

describe('highlights through the handler table', () => {
  it('builds the W3C selectors from the document text and lists the highlight in place', async () => {
    const created = value(await table.createHighlight({ documentId: 'notes', ...span(notesText, 'Dabiq'), color: 'blue', tags: ['Magazines'] }));
    expect(created.quote).toMatchObject({ type: 'TextQuoteSelector', exact: 'Dabiq' });
    expect(notesText.slice(0, created.position.start).endsWith(created.quote.prefix)).toBe(true);
    expect(notesText.slice(created.position.end).startsWith(created.quote.suffix)).toBe(true);
    expect(created.documentSha256).toBe(value(await table.getDocument({ id: 'notes' })).sha256);
    expect(created.anchor).toEqual({ status: 'exact', ...span(notesText, 'Dabiq') });
    expect(created.needsReview).toBe(false);
    const listed = value(await table.listHighlights({ documentId: 'notes' }));
    expect(listed.map((h) => h.id)).toContain(created.id);
    expect(value(await table.listHighlights({ documentId: 'brief' }))).toEqual([]);
  });

  it.each([
    ['end before start', { documentId: 'notes', start: 5, end: 5, color: 'yellow' }],
    ['unknown colour', { documentId: 'notes', start: 0, end: 5, color: 'red' }],
    ['extra field', { documentId: 'notes', start: 0, end: 5, color: 'yellow', corpusId: 'x' }],
    ['negative offset', { documentId: 'notes', start: -1, end: 5, color: 'yellow' }],
    ['huge note', { documentId: 'notes', start: 0, end: 5, color: 'yellow', note: 'x'.repeat(200_001) }],
    ['empty tag', { documentId: 'notes', start: 0, end: 5, color: 'yellow', tags: ['  '] }],
    ['too many tags', { documentId: 'notes', start: 0, end: 5, color: 'yellow', tags: Array.from({ length: 65 }, (_, i) => `t${i}`) }],
  ])('refuses a highlight with %s', async (_name, input) => {
    expect(errorCode(await table.createHighlight(input as never))).toBe('invalid-argument');
  });

  it('refuses spans past the end, whitespace-only spans and unknown documents with plain reasons', async () => {
    const past = await table.createHighlight({ documentId: 'notes', start: 0, end: notesText.length + 1, color: 'yellow' });
    expect(errorCode(past)).toBe('invalid-argument');
    const blank = notesText.indexOf('\n\n');
    expect(errorCode(await table.createHighlight({ documentId: 'notes', start: blank, end: blank + 2, color: 'yellow' }))).toBe('invalid-argument');
    expect(errorCode(await table.createHighlight({ documentId: 'nope', start: 0, end: 2, color: 'yellow' }))).toBe('not-found');
    expect(errorCode(await table.updateHighlight({ id: '00000000-0000-4000-8000-000000000000', note: 'x' }))).toBe('not-found');
    expect(errorCode(await table.deleteHighlight({ id: '00000000-0000-4000-8000-000000000000' }))).toBe('not-found');
    expect(errorCode(await table.updateHighlight({ id: 'not-a-uuid', note: 'x' }))).toBe('invalid-argument');
  });

  it('leaves white space at the ends of a selection out of the highlight', async () => {
    const { start, end } = span(notesText, 'called Dabiq');
    const h = value(await table.createHighlight({ documentId: 'notes', start: start - 1, end: end + 2, color: 'yellow' }));
    expect(h.quote.exact).toBe('called Dabiq.');
    expect(h.position).toMatchObject({ start, end: end + 1 });
    value(await table.deleteHighlight({ id: h.id }));
  });

  it('saves note edits idempotently: the same text again writes nothing', async () => {
    const h = value(await table.createHighlight({ documentId: 'notes', ...span(notesText, 'Rumiyah'), color: 'yellow' }));
    const first = value(await table.updateHighlight({ id: h.id, note: 'Successor of **Dabiq**' }));
    expect(first.note).toBe('Successor of **Dabiq**');
    expect(first.updatedAt > h.updatedAt).toBe(true);
    const again = value(await table.updateHighlight({ id: h.id, note: 'Successor of **Dabiq**' }));
    expect(again.updatedAt).toBe(first.updatedAt);
    const recoloured = value(await table.updateHighlight({ id: h.id, color: 'pink' }));
    expect(recoloured).toMatchObject({ color: 'pink', note: 'Successor of **Dabiq**' });
    const tagged = value(await table.updateHighlight({ id: h.id, tags: ['Magazines', 'successor'] }));
    expect(tagged.tags).toEqual(['Magazines', 'successor']);
    expect(tagged.updatedAt > recoloured.updatedAt).toBe(true);
    expect(value(await table.updateHighlight({ id: h.id, tags: ['Magazines', 'successor'] })).updatedAt).toBe(tagged.updatedAt);
  });

  it('cleans tags, merges them case-insensitively, and offers them for autocompletion', async () => {
    const h = value(
      await table.createHighlight({ documentId: 'notes', ...span(notesText, 'macron'), color: 'green', tags: [' Spelling ', 'MAGAZINES', 'spelling', 'Transliteration  of   names'] }),
    );
    expect(h.tags).toEqual(['Spelling', 'Magazines', 'Transliteration of names']);
    const tags = value(await table.listTags({}));
    expect(tags[0]).toEqual({ name: 'Magazines', count: 3 });
    expect(value(await table.listTags({ prefix: 'sp' }))).toEqual([{ name: 'Spelling', count: 1 }]);
    expect(value(await table.listTags({ prefix: 'zzz' }))).toEqual([]);
  });
});

describe('delete and undo', () => {
  it('soft-deletes a highlight and restores it with its note and tags', async () => {
    const h = value(
      await table.createHighlight({ documentId: 'notes', ...span(notesText, 'published a magazine'), color: 'purple', note: 'keep me', tags: ['undo-me'] }),
    );
    const deletion = value(await table.deleteHighlight({ id: h.id }));
    expect(deletion).toMatchObject({ kind: 'highlight', itemId: h.id, documentId: 'notes', summary: 'Highlight “published a magazine”' });
    expect(value(await table.listHighlights({ documentId: 'notes' })).map((x) => x.id)).not.toContain(h.id);
    expect(value(await table.listTags({ prefix: 'undo' }))).toEqual([]);
    // The editor's last debounced save may land just after the delete: it is kept for the undo.
    value(await table.updateHighlight({ id: h.id, note: 'keep me, typed last' }));
    expect(value(await table.listHighlights({ documentId: 'notes' })).map((x) => x.id)).not.toContain(h.id);
    expect(value(await table.undoDeletion({ deletionId: deletion.deletionId }))).toEqual({ kind: 'highlight', itemId: h.id, documentId: 'notes' });
    const restored = value(await table.listHighlights({ documentId: 'notes' })).find((x) => x.id === h.id);
    expect(restored).toMatchObject({ note: 'keep me, typed last', tags: ['undo-me'], color: 'purple' });
    // Undoing twice is harmless.
    expect(value(await table.undoDeletion({ deletionId: deletion.deletionId })).itemId).toBe(h.id);
    expect(errorCode(await table.undoDeletion({ deletionId: '00000000-0000-4000-8000-000000000000' }))).toBe('not-found');
  });

  it('does not claim to undo an old deletion of an item deleted again since', async () => {
    const h = value(await table.createHighlight({ documentId: 'notes', ...span(notesText, 'spelled'), color: 'yellow' }));
    const first = value(await table.deleteHighlight({ id: h.id }));
    value(await table.undoDeletion({ deletionId: first.deletionId }));
    const second = value(await table.deleteHighlight({ id: h.id }));
    expect(errorCode(await table.undoDeletion({ deletionId: first.deletionId }))).toBe('already-undone');
    value(await table.undoDeletion({ deletionId: second.deletionId }));
    value(await table.deleteHighlight({ id: h.id }));
  });

  it('does the same for document notes and bookmarks', async () => {
    const note = value(await table.createDocumentNote({ documentId: 'brief', body: 'About the *brief*', tags: ['summary'] }));
    const noteDeletion = value(await table.deleteDocumentNote({ id: note.id }));
    expect(noteDeletion.summary).toBe('Note “About the *brief*”');
    expect(value(await table.listDocumentNotes({ documentId: 'brief' }))).toEqual([]);
    expect(errorCode(await table.deleteDocumentNote({ id: note.id }))).toBe('not-found');
    value(await table.undoDeletion({ deletionId: noteDeletion.deletionId }));
    expect(value(await table.listDocumentNotes({ documentId: 'brief' }))).toEqual([note]);

    const bookmark = value(await table.createBookmark({ documentId: 'brief', offset: 3, label: ' Start ' }));
    expect(bookmark).toMatchObject({ offset: 3, label: 'Start' });
    const bookmarkDeletion = value(await table.deleteBookmark({ id: bookmark.id }));
    expect(value(await table.listBookmarks({ documentId: 'brief' }))).toEqual([]);
    value(await table.undoDeletion({ deletionId: bookmarkDeletion.deletionId }));
    expect(value(await table.listBookmarks({ documentId: 'brief' }))).toEqual([bookmark]);
  });
});

describe('document notes, bookmarks and reading positions', () => {
  it('keeps several notes per document and updates them idempotently', async () => {
    const first = value(await table.createDocumentNote({ documentId: 'arabic', body: 'أول ملاحظة' }));
    const second = value(await table.createDocumentNote({ documentId: 'arabic', body: 'Second', tags: ['ar'] }));
    expect(value(await table.listDocumentNotes({ documentId: 'arabic' })).map((n) => n.id)).toEqual([first.id, second.id]);
    const edited = value(await table.updateDocumentNote({ id: first.id, body: 'ملاحظة معدلة' }));
    expect(edited.body).toBe('ملاحظة معدلة');
    expect(value(await table.updateDocumentNote({ id: first.id, body: 'ملاحظة معدلة' })).updatedAt).toBe(edited.updatedAt);
    expect(errorCode(await table.createDocumentNote({ documentId: 'missing', body: 'x' }))).toBe('not-found');
  });

  it('keeps bookmarks in reading order with labels', async () => {
    const late = value(await table.createBookmark({ documentId: 'notes', offset: 40 }));
    const early = value(await table.createBookmark({ documentId: 'notes', offset: 10, label: 'Intro' }));
    expect(value(await table.listBookmarks({ documentId: 'notes' })).map((b) => b.id)).toEqual([early.id, late.id]);
    expect(value(await table.updateBookmark({ id: late.id, label: 'Later' })).label).toBe('Later');
    expect(errorCode(await table.createBookmark({ documentId: 'notes', offset: notesText.length + 1 }))).toBe('invalid-argument');
  });

  it('remembers the last reading position of each document', async () => {
    expect(value(await table.getReadingPosition({ documentId: 'brief' }))).toBeNull();
    value(await table.setReadingPosition({ documentId: 'brief', offset: 12 }));
    const moved = value(await table.setReadingPosition({ documentId: 'brief', offset: 20 }));
    expect(value(await table.getReadingPosition({ documentId: 'brief' }))).toEqual(moved);
    expect(moved.offset).toBe(20);
    // Clamped to the text.
    expect(value(await table.setReadingPosition({ documentId: 'brief', offset: 1_000_000 })).offset).toBeLessThan(1_000);
  });
});

describe('the notebook', () => {
  it('groups every kind of entry by document, in library order and reading order', async () => {
    const all = value(await table.queryNotebook({}));
    expect(all.groups.map((g) => g.documentId)).toEqual(['arabic', 'brief', 'notes']);
    expect(all.total).toBe(all.groups.reduce((n, g) => n + g.entries.length, 0));
    const notes = all.groups.find((g) => g.documentId === 'notes')!;
    expect(notes.documentTitle).toBe('Notes on the caliphate');
    const offsets = notes.entries
      .filter((e) => e.kind !== 'note')
      .map((e) => (e.kind === 'bookmark' ? e.bookmark.offset : e.kind === 'highlight' && e.highlight.anchor.status !== 'orphaned' ? e.highlight.anchor.start : -1));
    expect(offsets).toEqual([...offsets].sort((a, b) => a - b));
  });

  it('filters by colour, tag, document and kind', async () => {
    const pink = value(await table.queryNotebook({ colors: ['pink'] }));
    expect(pink.total).toBe(1);
    expect(pink.groups[0]!.entries[0]).toMatchObject({ kind: 'highlight', highlight: { quote: { exact: 'Rumiyah' } } });
    const tagged = value(await table.queryNotebook({ tags: ['magazines'] }));
    expect(tagged.total).toBe(3);
    const inBrief = value(await table.queryNotebook({ documentIds: ['brief'] }));
    expect(inBrief.groups.map((g) => g.documentId)).toEqual(['brief']);
    const bookmarks = value(await table.queryNotebook({ kinds: ['bookmark'] }));
    expect(bookmarks.groups.flatMap((g) => g.entries.map((e) => e.kind))).toEqual(['bookmark', 'bookmark', 'bookmark']);
    expect(value(await table.queryNotebook({ colors: ['pink'], tags: ['spelling'] })).total).toBe(0);
  });

  it('searches quotes, notes, tags and labels ignoring case, accents and Arabic vowel marks', async () => {
    expect(value(await table.queryNotebook({ text: 'DABIQ' })).total).toBe(2); // the quote and a note mentioning it
    expect(value(await table.queryNotebook({ text: 'later' })).groups[0]!.entries[0]!.kind).toBe('bookmark');
    // The note was written without harakat; the query has them (and vice versa works the same way).
    expect(value(await table.queryNotebook({ text: 'مُلاحَظة مُعدّلة' })).total).toBe(1);
    expect(value(await table.queryNotebook({ text: 'transliteration' })).total).toBe(1);
    expect(value(await table.queryNotebook({ text: 'nothing like this' })).total).toBe(0);
  });

  it('lists the documents that have entries, in library order, for its filter', async () => {
    expect(value(await table.listNotedDocuments(undefined))).toEqual([
      { id: 'arabic', title: expect.any(String), available: true },
      { id: 'brief', title: 'A Markdown brief', available: true },
      { id: 'notes', title: 'Notes on the caliphate', available: true },
    ]);
    const fresh = workspace.services(workspace.corpus('c', path.join(FIXTURES, 'corpus-small'), undefined, 'Corpus C')).table;
    expect(value(await fresh.listNotedDocuments(undefined))).toEqual([]);
    value(await fresh.createBookmark({ documentId: 'notes', offset: 3 }));
    expect(value(await fresh.listNotedDocuments(undefined)).map((d) => d.id)).toEqual(['notes']);
  });
});

describe('per corpus', () => {
  it('keeps user data per corpus id: another corpus sees none of it, and it comes back with its corpus', async () => {
    const before = value(await table.queryNotebook({})).total;
    const other = workspace.services(corpusB).table;
    expect(value(await other.queryNotebook({})).total).toBe(0);
    expect(value(await other.listHighlights({ documentId: 'notes' }))).toEqual([]);
    expect(value(await other.listTags({}))).toEqual([]);
    value(await other.createDocumentNote({ documentId: 'notes', body: 'only in B' }));
    const again = workspace.services(corpusA).table;
    expect(value(await again.queryNotebook({})).total).toBe(before);
    expect(value(await again.queryNotebook({ text: 'only in B' })).total).toBe(0);
  });
});

describe('when the user database cannot be used', () => {
  it('reports a newer database on every user-data call, and the corpus still works', async () => {
    const newer = path.join(workspace.dir, 'newer', 'carrel-user.sqlite');
    const store = openUserStore(newer);
    store.db.pragma(`user_version = ${USER_SCHEMA_VERSION + 1}`);
    store.close();
    const bytes = fs.readFileSync(newer);
    const { table: refused } = workspace.services(corpusA, newer);
    const result = await refused.listHighlights({ documentId: 'notes' });
    expect(errorCode(result)).toBe('user-data-newer');
    expect(!result.ok && result.error.message).toContain('newer version of Carrel');
    expect(errorCode(await refused.createDocumentNote({ documentId: 'notes', body: 'x' }))).toBe('user-data-newer');
    expect(value(await refused.listDocuments(undefined))).toHaveLength(3);
    expect(fs.readFileSync(newer).equals(bytes)).toBe(true);
  });

  it('says so when no user database is configured', async () => {
    const services = createServices({ corpusFile: corpusA });
    try {
      const result = await createHandlerTable(services, () => {}).listTags({});
      expect(errorCode(result)).toBe('user-data-unavailable');
    } finally {
      services.close();
    }
  });
});
