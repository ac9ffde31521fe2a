import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WebAnnotationCollection } from '../../../../../electron/common/notes/web-annotation';
import type { HandlerTable } from '../../../../../electron/node/ipc/handler-table';
import type { FileDialogs } from '../../../../../electron/node/services/file-dialogs';
import type { CslItem } from '../../../../../electron/common/citations/citation-types';
import { FIXTURES } from '../../../../harness/paths';
import { expectedBack, parseBack, project } from '../../citations/parse-back';
import { errorCode, makeWorkspace, value } from '../user-data-fixture';
import { loadW3cSuite, samples, W3C_TESTS } from '../w3c-annotation-validator';

const suite = loadW3cSuite();
const workspace = makeWorkspace('carrel-exports-');
/** The next answers of the fake save and open dialogs. */
let saveAs: string | undefined;
let openFile: string | undefined;
const dialogs: FileDialogs = { chooseSaveFile: async () => saveAs, chooseOpenFile: async () => openFile };
let corpusFile: string;
let table: HandlerTable;
const out = (name: string) => path.join(workspace.dir, name);

async function exportTo(name: string, run: () => Promise<unknown>) {
  saveAs = out(name);
  const result = (await run()) as { ok: boolean };
  expect(result.ok, JSON.stringify(result)).toBe(true);
  return fs.readFileSync(saveAs, 'utf8');
}

beforeAll(async () => {
  corpusFile = workspace.corpus('small', path.join(FIXTURES, 'corpus-small'), undefined, 'Small');
  ({ table } = workspace.services(corpusFile, workspace.userDbFile, { fileDialogs: dialogs }));
  const text = value(await table.getDocument({ id: 'arabic' })).text;
  const dabiq = text.indexOf('دابق');
  value(await table.createHighlight({ documentId: 'arabic', start: dabiq, end: dabiq + 4, color: 'orange', note: '=HYPERLINK("x")\nمجلة *دابق*, "quoted"', tags: ['مجلات', 'Dabiq'] }));
  const brief = value(await table.getDocument({ id: 'brief' })).text;
  const videos = brief.indexOf('propaganda videos');
  value(await table.createHighlight({ documentId: 'brief', start: videos, end: videos + 17, color: 'green', note: '' }));
  value(await table.createDocumentNote({ documentId: 'brief', body: '# Summary\n\n+Short.', tags: ['summary'] }));
  value(await table.createBookmark({ documentId: 'brief', offset: 0, label: 'Top' }));
  value(await table.saveDocumentDetails({ documentId: 'arabic', fields: { type: 'article-newspaper', title: 'الدولة الإسلامية والخلافة الافتراضية', authors: ['عبد الباري عطوان'], date: '2015-08-12', containerTitle: 'رأي اليوم', publisher: '', url: 'https://example.org/a', page: '' } }));
});
afterAll(() => workspace.close());

describe('notebook exports', () => {
  it('writes Markdown with each quote as a blockquote and its citation, note, tags, colour, then document notes and bookmarks', async () => {
    const md = await exportTo('notebook.md', () => table.exportNotebook({ format: 'markdown', filter: {}, style: 'apa' }));
    expect(md).toContain('## الدولة الإسلامية والخلافة الافتراضية');
    expect(md).toContain('عبد الباري عطوان. (2015, August 12). الدولة الإسلامية والخلافة الافتراضية. رأي اليوم. https://example.org/a');
    expect(md).toContain('> دابق\n>\n> — (عبد الباري عطوان, 2015, para. 2)');
    expect(md).toContain('Colour: Orange · Place: paragraph 2 · Tags: مجلات, Dabiq');
    expect(md).toContain('=HYPERLINK("x")');
    expect(md).toContain('> propaganda videos');
    // The note's own "# Summary" nests under "### Document notes" (it was a top-level heading before).
    expect(md).toMatch(/### Document notes\n\n#### Summary\n\n\+Short\.\n\nTags: summary/);
    expect(md).not.toMatch(/^# Summary$/m);
    expect(md).toMatch(/### Bookmarks\n\n- Top \(paragraph 1\)/);
  });

  it('writes only what the filter shows', async () => {
    const md = await exportTo('orange.md', () => table.exportNotebook({ format: 'markdown', filter: { colors: ['orange'] } }));
    expect(md).toContain('دابق');
    expect(md).not.toContain('propaganda videos');
  });

  it('writes CSV a parser reads back, one row per highlight and note, with formulas neutralised', async () => {
    const csv = await exportTo('notebook.csv', () => table.exportNotebook({ format: 'csv', filter: {}, style: 'chicago-author-date' }));
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    const rows = parse(csv.slice(1), { columns: true }) as Record<string, string>[];
    expect(rows.map((r) => r.kind)).toEqual(['highlight', 'highlight', 'note']);
    const arabic = rows.find((r) => r.document_id === 'arabic')!;
    expect(arabic).toMatchObject({ quote: 'دابق', note: '\'=HYPERLINK("x")\nمجلة *دابق*, "quoted"', tags: 'مجلات; Dabiq', colour: 'Orange', locator: 'paragraph 2' });
    expect(arabic.citation).toBe('(عبد الباري عطوان 2015, para. 2)');
    expect(rows.find((r) => r.kind === 'note')!.note).toBe('# Summary\n\n+Short.');
  });

  it('exports W3C JSON-LD that validates, and the bibliography in three formats', async () => {
    const jsonld = JSON.parse(await exportTo('notes.jsonld', () => table.exportNotebook({ format: 'jsonld', filter: {} }))) as WebAnnotationCollection;
    expect(jsonld.first.items).toHaveLength(4);
    for (const item of jsonld.first.items) expect(suite.failedMusts(item), item.id).toEqual([]);
    const bib = await exportTo('corpus.bib', () => table.exportBibliography({ scope: 'corpus', format: 'bibtex' }));
    expect(bib).toContain('title = {الدولة الإسلامية والخلافة الافتراضية}');
    expect((bib.match(/^@/gm) ?? []).length).toBe(3);
    const ris = await exportTo('notebook.ris', () => table.exportBibliography({ scope: 'notebook', filter: { colors: ['green'] }, format: 'ris' }));
    expect((ris.match(/^TY {2}- /gm) ?? []).length).toBe(1);
    const csl = JSON.parse(await exportTo('one.json', () => table.exportBibliography({ scope: 'document', documentId: 'arabic', format: 'csl-json' })));
    expect(csl).toEqual([expect.objectContaining({ id: 'arabic', URL: 'https://example.org/a', author: [{ literal: 'عبد الباري عطوان' }] })]);
  });

  it('exports a bibliography that citation-js reads back to the CSL-JSON export, less what each format cannot carry', async () => {
    const csl = JSON.parse(await exportTo('all.json', () => table.exportBibliography({ scope: 'corpus', format: 'csl-json' }))) as CslItem[];
    expect(csl.length).toBe(3);
    for (const format of ['bibtex', 'ris'] as const) {
      const text = await exportTo(`all.${format}`, () => table.exportBibliography({ scope: 'corpus', format }));
      const back = parseBack(text, format);
      expect(back.map((item) => project(item, format)), format).toEqual(csl.map((item) => expectedBack(item, format)));
    }
  });

  it('says when the user cancelled the save dialog, and writes nothing', async () => {
    saveAs = undefined;
    expect(value(await table.exportNotebook({ format: 'csv', filter: {} }))).toEqual({ status: 'cancelled' });
  });
});

const hashOf = (file: string) => crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');

describe('W3C Web Annotation import', () => {
  let exported: string;
  beforeAll(async () => {
    exported = out('roundtrip.jsonld');
    saveAs = exported;
    value(await table.exportNotebook({ format: 'jsonld', filter: {} }));
  });

  it('imports an export into an empty notes database with the same highlights and notes; a second import changes nothing', async () => {
    const { table: fresh } = workspace.services(corpusFile, out('empty/carrel-user.sqlite'), { fileDialogs: dialogs });
    openFile = exported;
    const first = value(await fresh.importAnnotations({}));
    expect(first).toMatchObject({ status: 'imported', imported: 4, alreadyHere: 0, keptAsNew: 0, unplaced: [], skipped: [] });
    expect(first.status === 'imported' && first.summary).toBe('4 imported, 0 already here.');
    const strip = (collection: WebAnnotationCollection) => collection.first.items.map(({ modified: _m, ...item }) => item);
    const before = strip(value(await table.exportAnnotations({})).collection);
    const after = strip(value(await fresh.exportAnnotations({})).collection);
    expect(after).toEqual(before);
    const second = value(await fresh.importAnnotations({}));
    expect(second).toMatchObject({ imported: 0, alreadyHere: 4 });
    expect(strip(value(await fresh.exportAnnotations({})).collection)).toEqual(before);
  });

  it('skips duplicates, keeps a changed note with a used id as a new one, reports what cannot be placed, in one go', async () => {
    const { table: other } = workspace.services(corpusFile, out('merge/carrel-user.sqlite'), { fileDialogs: dialogs });
    openFile = exported;
    value(await other.importAnnotations({}));
    const collection = JSON.parse(fs.readFileSync(exported, 'utf8')) as WebAnnotationCollection;
    const [highlight] = collection.first.items.filter((a) => typeof a.target !== 'string' && a.motivation !== 'bookmarking');
    const changed = { ...highlight!, body: [{ type: 'TextualBody', value: 'A different note', purpose: 'commenting', format: 'text/markdown' }] };
    const lost = {
      ...highlight!,
      id: 'urn:uuid:00000000-0000-4000-8000-000000000001',
      target: { type: 'SpecificResource', source: 'urn:carrel:corpus:x:document:arabic', selector: [{ type: 'TextQuoteSelector', exact: 'a sentence that is nowhere in this text at all', prefix: '', suffix: '' }] },
    };
    const elsewhere = { ...highlight!, id: 'urn:uuid:00000000-0000-4000-8000-000000000002', target: { source: 'http://example.org/page1', selector: { type: 'TextQuoteSelector', exact: 'x' } } };
    const file = out('merge.jsonld');
    fs.writeFileSync(file, JSON.stringify({ ...collection, first: { ...collection.first, items: [...collection.first.items, changed, lost, elsewhere] } }));
    openFile = file;
    const report = value(await other.importAnnotations({}));
    expect(report).toMatchObject({ imported: 0, alreadyHere: 4, keptAsNew: 1 });
    expect(report.status === 'imported' && report.unplaced.map((p) => p.reason)).toEqual([
      'its quote is not in the current text of its document; it is kept in the list of highlights to review',
      'its document (http://example.org/page1) is not a document of a Carrel corpus',
    ]);
    expect(report.status === 'imported' && report.summary).toMatch(/^0 imported, 4 already here, 1 kept as new .*, 2 could not be placed \(its quote is not in the current text/);
    // The existing note is untouched; the changed one sits beside it; the lost one waits in the review list.
    const highlights = value(await other.listHighlights({ documentId: 'arabic' }));
    expect(highlights.some((h) => h.note === 'A different note')).toBe(true);
    expect(highlights.some((h) => h.note.startsWith('=HYPERLINK'))).toBe(true);
    expect(value(await other.listAnchorReviews(undefined)).map((r) => r.highlight.quote.exact)).toContain('a sentence that is nowhere in this text at all');
  });

  it('a dry run reports and changes nothing', async () => {
    const { table: dry } = workspace.services(corpusFile, out('dry/carrel-user.sqlite'), { fileDialogs: dialogs });
    value(await dry.listHighlights({ documentId: 'arabic' }));
    const db = out('dry/carrel-user.sqlite');
    openFile = exported;
    const report = value(await dry.importAnnotations({ dryRun: true }));
    expect(report).toMatchObject({ imported: 4, dryRun: true });
    expect(value(await dry.listHighlights({ documentId: 'arabic' }))).toEqual([]);
    expect(fs.existsSync(db)).toBe(true);
  });

  it('refuses hostile files with a reason and leaves the database as it was', async () => {
    const { table: victim, services } = workspace.services(corpusFile, out('victim/carrel-user.sqlite'), { fileDialogs: dialogs });
    openFile = exported;
    value(await victim.importAnnotations({}));
    services.close();
    const dbFile = out('victim/carrel-user.sqlite');
    const before = hashOf(dbFile);
    const { table: again, services: reopened } = workspace.services(corpusFile, dbFile, { fileDialogs: dialogs });
    const hostile: [string, string | Buffer][] = [
      ['not-json.jsonld', '{"type": "Annotation", '],
      ['latin1.jsonld', Buffer.from([0x7b, 0xff, 0x7d])],
      ['deep.jsonld', `${'{"a":'.repeat(5000)}1${'}'.repeat(5000)}`],
      ['wrong-types.jsonld', JSON.stringify([{ type: 'Annotation', target: 42 }])],
      ['huge-body.jsonld', JSON.stringify([{ type: 'Annotation', bodyValue: 'x'.repeat(300_000), target: 'urn:carrel:corpus:x:document:brief' }])],
      ['half-surrogate.jsonld', '[{"type":"Annotation","bodyValue":"\\ud800","target":"urn:carrel:corpus:x:document:brief"}]'],
    ];
    for (const [name, content] of hostile) {
      const file = out(name);
      fs.writeFileSync(file, content);
      openFile = file;
      const result = await again.importAnnotations({});
      expect(errorCode(result), name).toBe('import-refused');
      expect(!result.ok && result.error.message, name).toMatch(/was not imported|Nothing was imported/);
    }
    // Script in a body is kept as text (notes render through the sanitiser), never run.
    reopened.close();
    expect(hashOf(dbFile)).toBe(before);
  });

  it('imports the W3C samples that carry text selectors, and refuses the samples marked incorrect', async () => {
    const { table: w3c } = workspace.services(corpusFile, out('w3c/carrel-user.sqlite'), { fileDialogs: dialogs });
    const withText = samples('correct').filter(({ annotation }) => JSON.stringify(annotation).includes('TextQuoteSelector'));
    expect(withText.length).toBeGreaterThan(0);
    for (const { name } of withText) {
      openFile = path.join(W3C_TESTS, 'tools', 'samples', 'correct', name);
      const report = value(await w3c.importAnnotations({}));
      // Their documents are web pages, not documents of this corpus: read, validated, reported.
      expect(report.status === 'imported' && report.unplaced.length + report.skipped.length, name).toBeGreaterThan(0);
    }
    const dir = path.join(W3C_TESTS, 'tools', 'samples', 'incorrect');
    for (const name of fs.readdirSync(dir).filter((n) => n.endsWith('.json'))) {
      openFile = path.join(dir, name);
      const result = await w3c.importAnnotations({});
      if (result.ok && result.value.status === 'imported') expect(result.value.imported, name).toBe(0);
    }
  });
});
