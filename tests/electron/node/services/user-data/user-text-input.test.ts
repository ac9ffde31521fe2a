import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HandlerTable } from '../../../../../electron/node/ipc/handler-table';
import { BUNDLED_CORPUS } from '../../../../harness/paths';
import { makeWorkspace, value } from '../user-data-fixture';

const DOC = '002-isis-admits-it-is-losing';
const workspace = makeWorkspace('carrel-user-text-');
let table: HandlerTable;
beforeAll(() => {
  ({ table } = workspace.services(BUNDLED_CORPUS));
});
afterAll(() => workspace.close());

function refusal(result: { ok: boolean; error?: { code: string; message: string } }) {
  expect(result.ok).toBe(false);
  expect(result.error!.code).toBe('invalid-argument');
  return result.error!.message;
}

describe('lone UTF-16 surrogates are refused, never stored as U+FFFD', () => {
  it('in a note, saying where the broken character is', async () => {
    const message = refusal(await table.createDocumentNote({ documentId: DOC, body: 'Caliphate 😀 and \uD83D then more' }));
    expect(message).toBe(
      'Invalid argument for createDocumentNote: body: Notes cannot contain a broken character (half of a UTF-16 surrogate pair, at character 17): it would be stored as “\uFFFD”. Delete it, or paste the text again from its source.',
    );
    expect(value(await table.listDocumentNotes({ documentId: DOC }))).toEqual([]);
  });

  it('in a highlight note, a tag, a bookmark label and a corpus title', async () => {
    const highlight = value(await table.createHighlight({ documentId: DOC, start: 0, end: 4, color: 'yellow' }));
    expect(refusal(await table.updateHighlight({ id: highlight.id, note: 'low \uDE00 alone' }))).toContain('note: Notes cannot contain a broken character');
    expect(refusal(await table.updateHighlight({ id: highlight.id, tags: ['ok', 'bad\uD800'] }))).toContain('tags[1]: Tags cannot contain a broken character');
    expect(refusal(await table.createBookmark({ documentId: DOC, offset: 0, label: '\uDFFF' }))).toContain('label: Bookmark labels cannot contain');
    expect(refusal(await table.startCorpusBuild({ title: 'T\uD800' }))).toContain('title: Titles cannot contain');
    expect(value(await table.listHighlights({ documentId: DOC })).find((h) => h.id === highlight.id)).toMatchObject({ note: '', tags: [] });
  });

  it('in a passphrase, without saying anything about the passphrase itself', async () => {
    const message = refusal(await table.encryptUserData({ passphrase: 'long enough \uD800', confirmation: 'long enough \uD800' }));
    expect(message).toContain('Passphrases cannot contain a broken character (half of a UTF-16 surrogate pair)');
    expect(message).not.toContain('at character');
  });

  it('while well-formed pairs (emoji, rare CJK) are stored as they are', async () => {
    const body = 'Notes 😀 𠮷 kept';
    expect(value(await table.createDocumentNote({ documentId: DOC, body })).body).toBe(body);
  });

  it('and a deletion summary never cuts an emoji in half', async () => {
    const body = `${'x'.repeat(58)}😀 and after`;
    const note = value(await table.createDocumentNote({ documentId: DOC, body }));
    const deletion = value(await table.deleteDocumentNote({ id: note.id }));
    expect(deletion.summary).not.toMatch(/\p{Cs}|\uFFFD/u);
    expect(deletion.summary).toBe(`Note “${'x'.repeat(58)}…”`);
  });
});

describe('tags need a visible character', () => {
  it.each([
    ['zero-width space', '\u200B'],
    ['right-to-left override', '\u202E'],
    ['isolates', '\u2066\u2067\u2068\u2069'],
    ['LRM and RLM', '\u200E\u200F'],
    ['byte order mark', '\uFEFF'],
    ['word joiner and soft hyphen', '\u2060\u00AD'],
    ['Hangul fillers', '\u3164\uFFA0'],
    ['braille blank', '\u2800'],
    ['ZWNJ and ZWJ alone', '\u200C\u200D'],
    ['a space between invisibles', '\u200B \u200F'],
  ])('refuses a tag made only of %s', async (_name, tag) => {
    const message = refusal(await table.createDocumentNote({ documentId: DOC, body: 'tagged', tags: [tag] }));
    expect(message).toBe(
      'Invalid argument for createDocumentNote: tags[0]: A tag needs at least one visible letter, digit or symbol: invisible and text-direction characters do not count',
    );
  });

  it('strips invisible and direction-control characters from the edges, and bidi controls inside', async () => {
    const note = value(
      await table.createDocumentNote({ documentId: DOC, body: 'tagged', tags: ['\u200B\u202Epropaganda\u200F\uFEFF', 'dab\u202Eiq', ' \u2066media\u2069 '] }),
    );
    expect(note.tags).toEqual(['propaganda', 'dabiq', 'media']);
    // The same tag however it was disguised: one tag, not three look-alikes.
    const again = value(await table.createDocumentNote({ documentId: DOC, body: 'again', tags: ['propaganda\u200B'] }));
    expect(again.tags).toEqual(['propaganda']);
    const counts = value(await table.listTags({ prefix: 'propa' }));
    expect(counts).toEqual([{ name: 'propaganda', count: 2 }]);
  });

  it('keeps Arabic, Persian with ZWNJ inside a word, and emoji with their selectors and joiners', async () => {
    const tags = ['دعاية', 'می\u200Cخواهم', '❤\uFE0F', '👩\u200D💻', 'الدولة الإسلامية'];
    const note = value(await table.createDocumentNote({ documentId: DOC, body: 'scripts', tags }));
    expect(note.tags).toEqual(tags);
  });

  it('still suggests tags for a prefix typed so far, even an invisible one', async () => {
    expect(value(await table.listTags({ prefix: '\u200B' }))).toBeInstanceOf(Array);
  });
});
