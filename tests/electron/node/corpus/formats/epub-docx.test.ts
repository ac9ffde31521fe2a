import { strToU8 } from 'fflate';
import { afterAll, describe, expect, it } from 'vitest';
import { createExtractor, type Extractor } from '../../../../../electron/node/corpus/formats/extract-worker';
import { safeEntryName, ZipArchive } from '../../../../../electron/node/corpus/formats/zip-archive';
import { loadSource } from '../../../../../electron/node/corpus/load-source';
import { directReader } from '../../../../../electron/node/corpus/read-ahead';
import type { SourceFile } from '../../../../../electron/node/corpus/read-source-files';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { billionLaughsEpub, bookEpub, epub2, reportDocx, zipBombDocx, zipSlipEpub, BILLION_LAUGHS, NAV_CONTENTS, NCX_CONTENTS } from '../../../../harness/format-fixtures';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'carrel-formats-'));
const extractor: Extractor = createExtractor();
afterAll(() => {
  extractor.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

function load(name: string, bytes: Uint8Array) {
  const file = path.join(dir, name);
  fs.writeFileSync(file, bytes);
  const entry: SourceFile = { absolutePath: file, relativePath: name, size: bytes.length };
  return loadSource(entry, 20 * 1024 * 1024, directReader(20 * 1024 * 1024), extractor);
}

const paragraphs = (doc: { text: string; blocks: { start: number; end: number; kind: string }[] }) =>
  doc.blocks.map((b) => [b.kind, doc.text.slice(b.start, b.end)]);

describe('EPUB', () => {
  it('reads the chapters in spine order through the HTML parser, headings kept, scripts dropped', () => {
    const loaded = load('book.epub', bookEpub());
    if (!loaded.ok) throw new Error(loaded.message);
    expect(paragraphs(loaded.doc)).toEqual([
      ['h1', 'Chapter One'],
      ['p', 'The first chapter opens the book.'],
      ['h2', 'A section'],
      ['p', 'Its section follows.'],
      ['h1', 'Chapter Two'],
      ['p', 'The second chapter comes next.'],
      ['h1', 'الفصل الثالث'],
      ['p', 'الخلافة الافتراضية في الفضاء الرقمي.'],
    ]);
    expect(loaded.doc.text).not.toContain('alert');
    expect(loaded.doc).toMatchObject({
      format: 'epub',
      title: 'Media Strategy & Its Audiences',
      author: 'Jane Analyst; Omar Researcher',
      date: '2019-05-01',
      language: 'en',
      source: 'Carrel Press',
    });
  });

  it('reads an EPUB 2 (XHTML 1.1 with its public DOCTYPE, an NCX) in spine order', () => {
    const loaded = load('old.epub', epub2());
    if (!loaded.ok) throw new Error(loaded.message);
    expect(paragraphs(loaded.doc)).toEqual([
      ['h2', 'Part two'],
      ['p', 'Read first, by the spine.'],
      ['h2', 'Part one'],
      ['p', 'Read second, by the spine.'],
    ]);
    expect(loaded.doc).toMatchObject({ title: 'An Older Book', author: 'A. Writer', language: 'en-GB', date: '2011' });
  });

  it('keeps the language and direction an Arabic chapter states', () => {
    const loaded = load('book.epub', bookEpub());
    if (!loaded.ok) throw new Error(loaded.message);
    const arabic = loaded.doc.blocks.find((b) => loaded.doc.text.slice(b.start, b.end).startsWith('الفصل'));
    expect(arabic).toMatchObject({ lang: 'ar', dir: 'rtl' });
  });

  it('refuses an entry whose name leaves the archive', () => {
    expect(load('slip.epub', zipSlipEpub())).toMatchObject({ ok: false, reason: 'unsafe-archive' });
    expect(['../../x', '/etc/passwd', 'C:/x', 'a\\..\\b', 'a/../../b'].map(safeEntryName)).toEqual([false, false, false, false, false]);
    expect(safeEntryName('OEBPS/text/c1.xhtml')).toBe(true);
  });

  it('refuses XML that declares entities (billion laughs)', () => {
    expect(BILLION_LAUGHS).toContain('<!ENTITY lol9');
    expect(load('lol.epub', billionLaughsEpub())).toMatchObject({ ok: false, reason: 'xml-entities' });
  });

  it('refuses a chapter the package places outside the archive', () => {
    const opf = `<package><metadata/><manifest><item id="x" href="../../etc/passwd" media-type="application/xhtml+xml"/></manifest><spine><itemref idref="x"/></spine></package>`;
    expect(load('out.epub', bookEpub({ 'OEBPS/content.opf': strToU8(opf) }))).toMatchObject({ ok: false, reason: 'unsafe-archive' });
  });

  it('says what is wrong with a zip that is not an EPUB, and with bytes that are no zip', () => {
    const notBook = load('other.epub', bookEpub({ 'META-INF/container.xml': strToU8('<container/>') }));
    expect(notBook).toMatchObject({ ok: false, reason: 'malformed' });
    expect(load('junk.epub', Buffer.from('not a zip at all, just text'))).toMatchObject({ ok: false, reason: 'corrupt-archive' });
    expect(load('cut.epub', bookEpub().subarray(0, 200))).toMatchObject({ ok: false, reason: 'corrupt-archive' });
  });
});

type Loaded = { text: string; headings?: { level: number; start: number; end: number; title: string }[] };
const contents = (doc: Loaded) => (doc.headings ?? []).map((h) => [h.level, h.title]);
/** Where each entry of the contents lands: the text from its start, to its end. */
const landings = (doc: Loaded) => (doc.headings ?? []).map((h) => doc.text.slice(h.start, h.end));

describe('EPUB contents', () => {
  it('keeps an EPUB 3 navigation document as the contents: labels, nesting, a fragment to its element, the rest to the chapter start', () => {
    const loaded = load('book.epub', bookEpub());
    if (!loaded.ok) throw new Error(loaded.message);
    expect(contents(loaded.doc)).toEqual(NAV_CONTENTS);
    // #sec is the h2 "A section"; #missing (not in the chapter) and "Part Two" (no link: its first entry's) the chapter start.
    expect(landings(loaded.doc)).toEqual(['Chapter One', 'A section', 'Chapter Two', 'Chapter Two', 'الفصل الثالث']);
  });

  it('keeps an EPUB 2 NCX as the contents, in its nesting, an entry leaving the book left out', () => {
    const loaded = load('old.epub', epub2());
    if (!loaded.ok) throw new Error(loaded.message);
    expect(contents(loaded.doc)).toEqual(NCX_CONTENTS);
    expect(landings(loaded.doc)).toEqual(['Part two', 'Read first, by the spine.', 'Part one']);
  });

  it('falls back on the chapters\' headings when the book has no usable contents', () => {
    const noNav = bookEpub({ 'OEBPS/nav.xhtml': strToU8('<html><body><nav epub:type="toc"><ol><li><a href="../../x.xhtml">Out</a></li><li><a href="http://example.com/">Away</a></li></ol></nav></body></html>') });
    const loaded = load('book.epub', noNav);
    if (!loaded.ok) throw new Error(loaded.message);
    expect(loaded.doc.headings).toBeUndefined();
    const noNcx = load('old.epub', epub2({ 'toc.ncx': strToU8('<ncx><navMap/></ncx>') }));
    if (!noNcx.ok) throw new Error(noNcx.message);
    expect(noNcx.doc.headings).toBeUndefined();
  });

  it('reads the book but not a contents document that declares entities, or one missing', () => {
    const lol = load('book.epub', bookEpub({ 'OEBPS/nav.xhtml': strToU8(BILLION_LAUGHS) }));
    expect(lol).toMatchObject({ ok: true });
    if (lol.ok) expect(lol.doc.headings).toBeUndefined();
    const missing = load('old.epub', epub2({ 'toc.ncx': strToU8(BILLION_LAUGHS) }));
    if (!missing.ok) throw new Error(missing.message);
    expect(missing.doc.headings).toBeUndefined();
  });
});

describe('DOCX', () => {
  it('reads headings, paragraphs, table rows, footnotes and Arabic, with metadata from core.xml', () => {
    const loaded = load('notes.docx', reportDocx());
    if (!loaded.ok) throw new Error(loaded.message);
    const blocks = paragraphs(loaded.doc);
    expect(blocks[0]).toEqual(['h1', 'Field Notes on Online Networks']);
    expect(blocks).toContainEqual(['h2', 'Method']);
    expect(blocks).toContainEqual(['p', 'Accounts were sampled every week.']);
    expect(blocks).toContainEqual(['p', 'الدعاية الرقمية انتقلت بين المنصات.']);
    expect(blocks).toContainEqual(['row', 'Platform\tAccounts']);
    expect(blocks).toContainEqual(['row', 'Telegram\t120']);
    expect(blocks).toContainEqual(['li', 'Observed from March to June.']);
    expect(loaded.doc).toMatchObject({ format: 'docx', title: 'Field Notes', author: 'Sam Writer', date: '2021-03-04', description: 'Networks' });
  });

  it('refuses a zip bomb from its declared size, before inflating anything', () => {
    expect(load('bomb.docx', zipBombDocx())).toMatchObject({ ok: false, reason: 'too-large', message: expect.stringContaining('zip bomb') });
  });

  it('refuses entity declarations in any XML part', () => {
    const docx = reportDocx({ 'word/styles.xml': strToU8(BILLION_LAUGHS) });
    expect(load('lol.docx', docx)).toMatchObject({ ok: false, reason: 'xml-entities' });
  });

  it('says a zip without word/document.xml is not a Word document', () => {
    expect(load('book.docx', bookEpub())).toMatchObject({ ok: false, reason: 'malformed' });
  });

  it('bounds the number of entries', () => {
    const many = Object.fromEntries(Array.from({ length: 10_001 }, (_, i) => [`f/${i}`, new Uint8Array(0)]));
    expect(() => new ZipArchive(reportDocx(many))).toThrow(/more than 10000 entries/);
  });
});
