import fs from 'node:fs';
import path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validateXML } from 'xmllint-wasm';
import { codebookQdc } from '../../../../../electron/node/coding/refi-qda/codebook-xml';
import { codingExportData } from '../../../../../electron/node/coding/refi-qda/coding-export-data';
import { projectQdpx } from '../../../../../electron/node/coding/refi-qda/qdpx';
import { importRefiFile } from '../../../../../electron/node/coding/refi-qda/refi-import';
import { parseRefiXml, type RefiElement } from '../../../../../electron/node/coding/refi-qda/refi-xml';
import type { AppServices } from '../../../../../electron/node/services/create-services';
import { listCodes } from '../../../../../electron/node/user-store/queries/code-queries';
import { BUNDLED_CORPUS, FIXTURES } from '../../../../harness/paths';
import { makeWorkspace, value } from '../../services/user-data-fixture';
import { codePointSpan, guid, project, qdpx, SAMPLES, XSD } from './refi-qda-fixture';

const ARABIC = 'قال الباحث: إن الخوف من المستقبل يسيطر على الناس في المدينة.';
const ASTRAL = 'Title 𝔘𝔫𝔦 with 😀 emoji, then the fear of 𝔉𝔢𝔞𝔯 returns.';

const workspace = makeWorkspace('carrel-refi-import-');
let corpus: string;
beforeAll(() => {
  corpus = workspace.corpus('mixed', path.join(FIXTURES, 'corpus-small'), (dir) => {
    fs.writeFileSync(path.join(dir, 'arabic-fear.txt'), `${ARABIC}\n`);
    fs.writeFileSync(path.join(dir, 'astral.txt'), `${ASTRAL}\n`);
  });
});
afterAll(() => workspace.close());

let dbs = 0;
const fresh = () => workspace.services(corpus, path.join(workspace.dir, `u-${++dbs}`, 'carrel-user.sqlite'));
const write = (name: string, bytes: Uint8Array | string) => {
  const file = path.join(workspace.dir, name);
  fs.writeFileSync(file, bytes);
  return file;
};
/** What the coding of a notes database holds, for before/after comparisons. */
const contents = (services: AppServices) => {
  const db = services.userDataContext.store().db;
  return JSON.stringify([
    db.prepare('SELECT id, parent_id, name, color, description, memo, refi_guid FROM codes ORDER BY id').all(),
    db.prepare('SELECT id, document_id, position_start, position_end, quote_exact, color, note, refi_guid FROM highlights ORDER BY id').all(),
    db.prepare('SELECT code_id, highlight_id FROM codings ORDER BY code_id, highlight_id').all(),
  ]);
};

async function codedProject() {
  const { services, table } = fresh();
  const docs = value(await table.listDocuments(undefined));
  const idOf = (name: string) => docs.find((d) => d.id.includes(name))!.id;
  const arabic = value(await table.getDocument({ id: idOf('arabic-fear') }));
  const astral = value(await table.getDocument({ id: idOf('astral') }));
  const mark = async (doc: { id: string; text: string }, quote: string, note = '') => {
    const start = doc.text.indexOf(quote);
    return value(await table.createHighlight({ documentId: doc.id, start, end: start + quote.length, color: 'yellow', note }));
  };
  const themes = value(await table.createCode({ name: 'Themes & <ideas>', description: 'Top of the tree', color: '#00ff00' }));
  const fear = value(await table.createCode({ name: 'Fear', parentId: themes.id, color: '#ff0000', memo: 'Seen in both sources' }));
  value(await table.createCode({ name: 'Unused', description: 'No passage yet' }));
  const quotes = ['الخوف من المستقبل', '𝔉𝔢𝔞𝔯', '😀 emoji'];
  const hs = [await mark(arabic, quotes[0]!, 'A note\non two lines'), await mark(astral, quotes[1]!), await mark(astral, quotes[2]!)];
  for (const h of hs) value(await table.applyCode({ codeId: fear.id, highlightId: h.id }));
  value(await table.applyCode({ codeId: themes.id, highlightId: hs[1]!.id }));
  return { services, table, quotes };
}

/** A parsed project.qde as comparable data: elements with attributes and text, minus what an export stamps with its own time. */
function comparable(element: RefiElement): unknown {
  const attributes = { ...element.attributes };
  if (element.name === 'Project' || element.name === 'Note') delete attributes.creationDateTime;
  return { name: element.name, attributes, text: element.text.trim(), children: element.children.map(comparable) };
}
const qdeOf = (bytes: Uint8Array) => strFromU8(unzipSync(bytes)['project.qde']!);

describe('REFI-QDA project import (.qdpx)', () => {
  it('round trip: export → import into empty notes → export gives the same project (but for the export times), with the passages in place on Arabic and astral-plane text', async () => {
    const { services, quotes } = await codedProject();
    const first = projectQdpx(codingExportData(services.userDataContext));
    const file = write('round.qdpx', first);
    const { services: empty } = fresh();
    const report = await importRefiFile(empty.userDataContext, file);
    expect(report.codes).toMatchObject({ added: 3, matched: 0, skipped: [] });
    expect(report.sources.matched.map((s) => s.documentId).sort()).toEqual(['arabic-fear', 'astral']);
    expect(report.sources.unmatched).toEqual([]);
    expect(report.passages).toMatchObject({ added: 3, matched: 0, codingsAdded: 4, problems: [] });
    const db = empty.userDataContext.store().db;
    expect(db.prepare('SELECT quote_exact FROM highlights ORDER BY quote_exact').pluck().all()).toEqual([...quotes].sort());
    expect(db.prepare("SELECT note FROM highlights WHERE note <> ''").pluck().all()).toEqual(['A note\non two lines']);
    const second = projectQdpx(codingExportData(empty.userDataContext));
    expect(comparable(parseRefiXml(qdeOf(second), 'again'))).toEqual(comparable(parseRefiXml(qdeOf(first), 'first')));
    // The sources are the same bytes too.
    const [a, b] = [unzipSync(first), unzipSync(second)];
    expect(Object.keys(b).sort()).toEqual(Object.keys(a).sort());
    for (const name of Object.keys(a).filter((n) => n.endsWith('.txt'))) expect(strFromU8(b[name]!)).toBe(strFromU8(a[name]!));
    const valid = await validateXML({ xml: [{ fileName: 'project.qde', contents: qdeOf(second) }], schema: [{ fileName: 'Project-mrt2019.xsd', contents: XSD }] });
    expect(valid.errors).toEqual([]);
  });

  it('importing twice changes nothing the second time, into the notes the project came from as into others', async () => {
    const { services } = await codedProject();
    const file = write('twice.qdpx', projectQdpx(codingExportData(services.userDataContext)));
    const before = contents(services);
    const again = await importRefiFile(services.userDataContext, file);
    expect(again.codes).toMatchObject({ added: 0, matched: 3 });
    expect(again.passages).toMatchObject({ added: 0, matched: 3, codingsAdded: 0 });
    expect(contents(services)).toBe(before);
    const { services: other } = fresh();
    await importRefiFile(other.userDataContext, file);
    const once = contents(other);
    const third = await importRefiFile(other.userDataContext, file);
    expect(third.summary).toContain('codes: 0 added, 3 already here');
    expect(contents(other)).toBe(once);
  });

  it('a dry run reports what would happen and changes nothing', async () => {
    const { services } = await codedProject();
    const file = write('dry.qdpx', projectQdpx(codingExportData(services.userDataContext)));
    const { services: empty } = fresh();
    const before = contents(empty);
    const report = await importRefiFile(empty.userDataContext, file, true);
    expect(report.summary).toMatch(/^Dry run, nothing changed: codes: 3 added/);
    expect(report.passages.added).toBe(3);
    expect(contents(empty)).toBe(before);
  });

  it('matches a source by its text, not its name: other line ends, doubled spaces and a byte-order mark still match, and positions follow', async () => {
    const { services, table } = fresh();
    const doc = value(await table.getDocument({ id: 'arabic-fear' }));
    const text = `${doc.text.replace(/ /g, '  ').replace(/\n/g, '\r\n')}\r\n\r\n`;
    const [code, src] = [guid(), guid()];
    // Positions count the text's code points; a byte-order mark before it is not text.
    const span = codePointSpan(text, 'المستقبل  يسيطر');
    const qde = project(`<CodeBook><Codes><Code guid="${code}" name="Future" isCodable="true" color="#abc"/></Codes></CodeBook>
<Sources><TextSource guid="${src}" name="Not the title at all" plainTextPath="internal://${src}.txt">
  <PlainTextSelection guid="${guid()}" startPosition="${span.start}" endPosition="${span.end}"><Coding guid="${guid()}"><CodeRef targetGUID="${code.toLowerCase()}"/></Coding></PlainTextSelection>
</TextSource></Sources>`);
    const report = await importRefiFile(services.userDataContext, write('spaces.qdpx', qdpx(qde, { [`sources/${src}.txt`]: `\uFEFF${text}` })));
    expect(report.sources.matched).toEqual([{ name: 'Not the title at all', documentId: 'arabic-fear', title: doc.title }]);
    expect(report.passages).toMatchObject({ added: 1, codingsAdded: 1, problems: [] });
    const db = services.userDataContext.store().db;
    expect(db.prepare('SELECT quote_exact FROM highlights').pluck().get()).toBe('المستقبل يسيطر');
    expect(listCodes(db, services.userDataContext.corpusId())[0]).toMatchObject({ name: 'Future', color: '#AABBCC' });
  });

  it('lists sources that match no document and selections that cannot be placed, never dropping them silently', async () => {
    const { services, table } = fresh();
    const astral = value(await table.getDocument({ id: 'astral' }));
    const [code, a, b, c, d] = [guid(), guid(), guid(), guid(), guid()];
    const span = codePointSpan(astral.text, 'emoji');
    const selection = (start: string | number, end: string | number, ref = code) =>
      `<PlainTextSelection guid="${guid()}" name="s${start}" startPosition="${start}" endPosition="${end}"><Coding guid="${guid()}"><CodeRef targetGUID="${ref}"/></Coding></PlainTextSelection>`;
    const qde = project(`<CodeBook><Codes><Code guid="${code}" name="C" isCodable="true"/></Codes></CodeBook>
<Sources>
  <TextSource guid="${a}" name="Elsewhere"><PlainTextContent>A text no document of this corpus has.</PlainTextContent>${selection(0, 4)}</TextSource>
  <TextSource guid="${b}" name="Astral"><PlainTextContent>${astral.text}</PlainTextContent>${selection(span.start, span.end, guid())}${selection(5, 99999)}${selection(9, 3)}${selection(span.start, span.end)}</TextSource>
  <TextSource guid="${c}" name="Missing file" plainTextPath="internal://${c}.txt"/>
  <PictureSource guid="${d}" name="A photo" path="internal://${d}.png"/>
</Sources>`);
    const report = await importRefiFile(services.userDataContext, write('unmatched.qdpx', qdpx(qde)));
    expect(report.sources.unmatched).toEqual([
      { name: 'Missing file', reason: `its text file (sources/${c}.txt) is not in the archive`, selections: 0 },
      { name: 'A photo', reason: 'it is a picture source, not text', selections: 0 },
      { name: 'Elsewhere', reason: 'its text is the text of no document of the open corpus', selections: 1 },
    ]);
    expect(report.sources.matched.map((s) => s.documentId)).toEqual(['astral']);
    expect(report.passages.problems.map((p) => p.reason)).toEqual([
      expect.stringMatching(/refers to a code .* not in the codebook/),
      expect.stringMatching(/reach past the end of its source \(\d+ characters\)/),
      'its positions 9–3 select nothing',
    ]);
    // The selection whose only coding is unknown is kept as a highlight; the same place coded again is the same highlight.
    expect(report.passages).toMatchObject({ added: 1, matched: 1, codingsAdded: 1 });
  });
});

describe('the colour of imported passages', () => {
  it('gives each new passage the highlight colour nearest its first code’s colour (the colour here for a code already here); a passage already here keeps its own', async () => {
    const { services, table } = fresh();
    const astral = value(await table.getDocument({ id: 'astral' }));
    const mine = value(await table.createCode({ name: 'Mine', color: '#2F6FB5' }));
    const kept = codePointSpan(astral.text, 'returns');
    const keptStart = astral.text.indexOf('returns');
    value(await table.createHighlight({ documentId: 'astral', start: keptStart, end: keptStart + 'returns'.length, color: 'yellow' }));
    const [red, green, plain, same, src] = [guid(), guid(), guid(), guid(), guid()];
    const selection = (quote: string, ...codes: string[]) => {
      const { start, end } = codePointSpan(astral.text, quote);
      return `<PlainTextSelection guid="${guid()}" name="${quote}" startPosition="${start}" endPosition="${end}">${codes.map((c) => `<Coding guid="${guid()}"><CodeRef targetGUID="${c}"/></Coding>`).join('')}</PlainTextSelection>`;
    };
    const qde = project(`<CodeBook><Codes>
<Code guid="${red}" name="Red" isCodable="true" color="#FF0000"/><Code guid="${green}" name="Green" isCodable="true" color="#3c3"/>
<Code guid="${plain}" name="Plain" isCodable="true"/><Code guid="${same}" name="Mine" isCodable="true" color="#FF0000"/>
</Codes></CodeBook>
<Sources><TextSource guid="${src}" name="Astral"><PlainTextContent>${astral.text}</PlainTextContent>
${selection('𝔉𝔢𝔞𝔯', red)}${selection('emoji', green, red)}${selection('Title', plain)}${selection('𝔘𝔫𝔦', same)}${selection('with', guid())}
<PlainTextSelection guid="${guid()}" name="kept" startPosition="${kept.start}" endPosition="${kept.end}"><Coding guid="${guid()}"><CodeRef targetGUID="${red}"/></Coding></PlainTextSelection>
</TextSource></Sources>`);
    const report = await importRefiFile(services.userDataContext, write('colours.qdpx', qdpx(qde)));
    expect(report.passages).toMatchObject({ added: 5, matched: 1 });
    const db = services.userDataContext.store().db;
    const colours = Object.fromEntries(db.prepare('SELECT quote_exact, color FROM highlights').all().map((r) => [(r as { quote_exact: string }).quote_exact, (r as { color: string }).color]));
    expect(colours).toEqual({
      '𝔉𝔢𝔞𝔯': 'pink',
      emoji: 'green',
      Title: 'yellow',
      // "Mine" is the code here (matched by name): its blue, not the file's red.
      '𝔘𝔫𝔦': 'blue',
      // Its only coding names a code the file does not have.
      with: 'yellow',
      returns: 'yellow',
    });
    expect(listCodes(db, services.userDataContext.corpusId()).find((c) => c.id === mine.id)!.color).toBe('#2F6FB5');
  });
});

describe('REFI-QDA codebook import (.qdc)', () => {
  it('brings the tree, colours and descriptions; matched by GUID, then by names, so twice changes nothing', async () => {
    const { services } = await codedProject();
    const file = write('book.qdc', codebookQdc(codingExportData(services.userDataContext).codes));
    const { services: empty, table } = fresh();
    // One code is already here under the same names: it is matched, not doubled, and its empty colour filled in.
    const themes = value(await table.createCode({ name: 'Themes & <ideas>' }));
    const report = await importRefiFile(empty.userDataContext, file);
    expect(report.kind).toBe('codebook');
    expect(report.codes).toMatchObject({ added: 2, matched: 1, skipped: [] });
    const codes = listCodes(empty.userDataContext.store().db, empty.userDataContext.corpusId());
    expect(codes.map((c) => [c.name, c.parentId === null ? null : codes.find((p) => p.id === c.parentId)!.name, c.color, c.description])).toEqual([
      ['Themes & <ideas>', null, '#00FF00', 'Top of the tree'],
      ['Fear', 'Themes & <ideas>', '#FF0000', ''],
      ['Unused', null, '', 'No passage yet'],
    ]);
    expect(codes[0]!.id).toBe(themes.id);
    const before = contents(empty);
    expect((await importRefiFile(empty.userDataContext, file)).codes).toMatchObject({ added: 0, matched: 3 });
    expect(contents(empty)).toBe(before);
  });

  it('leaves out a code without a usable name, with its sub-codes, and says so', async () => {
    const { services } = fresh();
    const qdc = `<?xml version="1.0"?><CodeBook xmlns="urn:QDA-XML:codebook:1.0"><Codes>
<Code guid="${guid()}" name="   " isCodable="true"><Code guid="${guid()}" name="Child" isCodable="true"/></Code>
<Code guid="${guid()}" name="${'x'.repeat(201)}" isCodable="true"/><Code guid="${guid()}" name="Fine" isCodable="true"/></Codes></CodeBook>`;
    const report = await importRefiFile(services.userDataContext, write('names.qdc', qdc));
    expect(report.codes.added).toBe(1);
    expect(report.codes.skipped.map((s) => s.reason)).toEqual(['it has no name (left out with its 1 sub-code)', 'its name is longer than 200 characters']);
  });
});

describe('the ATLAS.ti samples', () => {
  const sample = (name: string) => path.join(SAMPLES, name);

  it('imports the blank project: nothing to add, nothing changed', async () => {
    const { services } = fresh();
    const before = contents(services);
    const report = await importRefiFile(services.userDataContext, sample('blank-atlas-project.qdpx'));
    expect(report).toMatchObject({ kind: 'project', codes: { added: 0, matched: 0 }, sources: { matched: [], unmatched: [] } });
    expect(contents(services)).toBe(before);
  });

  it('imports the nested codebook of the target project, with its upper-case GUIDs kept, and a second time matches it all', async () => {
    const { services } = fresh();
    const report = await importRefiFile(services.userDataContext, sample('target-atlas-project.qdpx'));
    expect(report.codes).toMatchObject({ added: 3, matched: 0, skipped: [] });
    const db = services.userDataContext.store().db;
    const codes = listCodes(db, services.userDataContext.corpusId());
    expect(codes.map((c) => c.name)).toEqual(['Commits', '2022-05-10T02:05:59Z 19e4dce', '2022-02-11T10:39:25Z cdbfd92']);
    expect(codes.slice(1).every((c) => c.parentId === codes[0]!.id)).toBe(true);
    expect(db.prepare('SELECT refi_guid FROM codes WHERE name = ?').pluck().get('Commits')).toBe('A182CD3A-D83C-4D8C-BC80-26D9103EC6D6');
    const before = contents(services);
    expect((await importRefiFile(services.userDataContext, sample('target-atlas-project.qdpx'))).codes).toMatchObject({ added: 0, matched: 3 });
    expect(contents(services)).toBe(before);
    // Exported again, ATLAS.ti gets its own GUIDs back.
    const qdc = codebookQdc(codes, (id) => codingExportData(services.userDataContext).guids!.codes.get(id)!);
    expect(qdc).toContain('guid="2D2466F0-D77F-4F8C-BDF9-628966B6B74D"');
  });

  /**
   * The samples hold no sources (ATLAS.ti exported them without documents), so the target
   * project is given one the way ATLAS.ti writes it (upper-case GUIDs, a .txt with CRLF line
   * ends beside a .docx that is not there, selections coded with the sample's own codes).
   */
  const COMMITS = '19e4dce Reader: folded pages keep their markers\r\ncdbfd92 Search: Arabic letters folded as the index folds them\r\n';
  function targetWithSource(): Uint8Array {
    const original = strFromU8(unzipSync(fs.readFileSync(sample('target-atlas-project.qdpx')))['project.qde']!);
    const [src, docx] = [guid(), guid()];
    const selection = (quote: string, code: string) => {
      const span = codePointSpan(COMMITS, quote);
      return `<PlainTextSelection guid="${guid()}" name="${quote}" startPosition="${span.start}" endPosition="${span.end}" creatingUser="088B08AC-D5CD-4ADB-8B71-B4F3459C177F" creationDateTime="2023-08-16T15:50:00Z"><Coding guid="${guid()}" creatingUser="088B08AC-D5CD-4ADB-8B71-B4F3459C177F" creationDateTime="2023-08-16T15:50:01Z"><CodeRef targetGUID="${code}" /></Coding></PlainTextSelection>`;
    };
    const sources = `<Sources><TextSource guid="${src}" name="commits.docx" richTextPath="internal://${docx}.docx" plainTextPath="internal://${src}.txt" creatingUser="088B08AC-D5CD-4ADB-8B71-B4F3459C177F">${selection('folded pages keep their markers', '2D2466F0-D77F-4F8C-BDF9-628966B6B74D')}${selection('Arabic letters folded', '086AC733-7B1C-4749-A138-D7182F63A5C9')}</TextSource></Sources>`;
    return qdpx(original.replace('</Project>', `${sources}\n</Project>`), { [`sources/${src}.txt`]: `\uFEFF${COMMITS}` });
  }

  it('imports the target project with a source into a corpus built from that text, and lists it as unmatched against the bundled corpus', async () => {
    const file = write('target-with-source.qdpx', targetWithSource());
    const commits = workspace.corpus('commits', path.join(FIXTURES, 'corpus-small'), (dir) => fs.writeFileSync(path.join(dir, 'commits.txt'), COMMITS.replace(/\r\n/g, '\n')));
    const { services } = workspace.services(commits, path.join(workspace.dir, 'atlas', 'carrel-user.sqlite'));
    const report = await importRefiFile(services.userDataContext, file);
    expect(report.sources.matched).toEqual([expect.objectContaining({ name: 'commits.docx', documentId: 'commits' })]);
    expect(report.passages).toMatchObject({ added: 2, codingsAdded: 2, problems: [] });
    const db = services.userDataContext.store().db;
    const coded = db.prepare('SELECT h.quote_exact AS quote, c.name AS code FROM codings k JOIN highlights h ON h.id = k.highlight_id JOIN codes c ON c.id = k.code_id ORDER BY quote').all();
    expect(coded).toEqual([
      { quote: 'Arabic letters folded', code: '2022-02-11T10:39:25Z cdbfd92' },
      { quote: 'folded pages keep their markers', code: '2022-05-10T02:05:59Z 19e4dce' },
    ]);
    const { services: bundled } = workspace.services(BUNDLED_CORPUS, path.join(workspace.dir, 'atlas-bundled', 'carrel-user.sqlite'));
    const elsewhere = await importRefiFile(bundled.userDataContext, file);
    expect(elsewhere.codes.added).toBe(3);
    expect(elsewhere.sources.unmatched).toEqual([{ name: 'commits.docx', reason: 'its text is the text of no document of the open corpus', selections: 2 }]);
    expect(elsewhere.passages.added).toBe(0);
  });
});
