import fs from 'node:fs';
import path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validateXML } from 'xmllint-wasm';
import { codebookQdc } from '../../../../../electron/node/coding/refi-qda/codebook-xml';
import { codingExportData } from '../../../../../electron/node/coding/refi-qda/coding-export-data';
import { refiGuid } from '../../../../../electron/node/coding/refi-qda/guid';
import { projectQde } from '../../../../../electron/node/coding/refi-qda/project-qde';
import { projectQdpx } from '../../../../../electron/node/coding/refi-qda/qdpx';
import { readRefiProject } from '../../../../../electron/node/coding/refi-qda/read-refi-project';
import { FIXTURES } from '../../../../harness/paths';
import { makeWorkspace, value } from '../../services/user-data-fixture';

const XSD = fs.readFileSync(path.join(__dirname, '../../../../../../shared/refi-qda/Project-mrt2019.xsd'), 'utf8');
const ARABIC = 'قال الباحث: إن الخوف من المستقبل يسيطر على الناس في المدينة.';
const ASTRAL = 'Title 𝔘𝔫𝔦 with 😀 emoji, then the fear of 𝔉𝔢𝔞𝔯 returns.';

const workspace = makeWorkspace('carrel-refi-qda-');
let corpus: string;
beforeAll(() => {
  corpus = workspace.corpus('mixed', path.join(FIXTURES, 'corpus-small'), (dir) => {
    fs.writeFileSync(path.join(dir, 'arabic-fear.txt'), `${ARABIC}\n`);
    fs.writeFileSync(path.join(dir, 'astral.txt'), `${ASTRAL}\n`);
  }, 'Mixed <"scripts"> & more');
});
afterAll(() => workspace.close());

async function codedProject() {
  const { services, table } = workspace.services(corpus, path.join(workspace.dir, `u-${Math.random()}`, 'carrel-user.sqlite'));
  const docs = value(await table.listDocuments(undefined));
  const idOf = (name: string) => docs.find((d) => d.id.includes(name))!.id;
  const arabic = value(await table.getDocument({ id: idOf('arabic-fear') }));
  const astral = value(await table.getDocument({ id: idOf('astral') }));
  const mark = async (doc: { id: string; text: string }, quote: string) => {
    const start = doc.text.indexOf(quote);
    expect(start).toBeGreaterThanOrEqual(0);
    return value(await table.createHighlight({ documentId: doc.id, start, end: start + quote.length, color: 'yellow' }));
  };
  const themes = value(await table.createCode({ name: 'Themes & <ideas>', description: 'Top of the tree' }));
  const fear = value(await table.createCode({ name: 'Fear', parentId: themes.id, color: '#ff0000', memo: 'Seen in both sources' }));
  const passages = [
    { quote: 'الخوف من المستقبل', h: await mark(arabic, 'الخوف من المستقبل') },
    { quote: '𝔉𝔢𝔞𝔯', h: await mark(astral, '𝔉𝔢𝔞𝔯') },
    { quote: '😀 emoji', h: await mark(astral, '😀 emoji') },
  ];
  for (const { h } of passages) value(await table.applyCode({ codeId: fear.id, highlightId: h.id }));
  value(await table.applyCode({ codeId: themes.id, highlightId: passages[1]!.h.id }));
  return { data: codingExportData(services.userDataContext), passages, fear, themes };
}

const attr = (tag: string, name: string) => tag.match(new RegExp(`${name}="([^"]*)"`))?.[1];

describe('REFI-QDA project export (.qdpx)', () => {
  it('writes a project.qde that validates against the REFI-QDA 1.0 schema', async () => {
    const { data } = await codedProject();
    const zip = unzipSync(projectQdpx(data));
    const xml = strFromU8(zip['project.qde']!);
    const result = await validateXML({ xml: [{ fileName: 'project.qde', contents: xml }], schema: [{ fileName: 'Project-mrt2019.xsd', contents: XSD }] });
    expect(result.errors).toEqual([]);
    expect(result.valid).toBe(true);
    expect(xml).toContain('name="Mixed &lt;&quot;scripts&quot;&gt; &amp; more"');
    expect(xml).toMatch(/<Note guid="[^"]+" name="Memo: Fear"[^>]*>\s*<PlainTextContent>Seen in both sources<\/PlainTextContent>/);
  });

  it('counts selections in code points, so the selected text of each source is the highlight’s quote (Arabic, astral plane)', async () => {
    const { data, passages } = await codedProject();
    const zip = unzipSync(projectQdpx(data));
    const xml = strFromU8(zip['project.qde']!);
    for (const { quote, h } of passages) {
      const tag = xml.match(new RegExp(`<PlainTextSelection guid="${refiGuid('passage', h.id)}"[^>]*>`))?.[0];
      expect(tag, quote).toBeDefined();
      const source = xml.slice(0, xml.indexOf(tag!)).match(/<TextSource [^>]*plainTextPath="internal:\/\/([^"]+)"[^>]*>(?![\s\S]*<TextSource )/)?.[1];
      const text = strFromU8(zip[`sources/${source}`]!);
      const [start, end] = [Number(attr(tag!, 'startPosition')), Number(attr(tag!, 'endPosition'))];
      expect([...text].slice(start, end).join('')).toBe(quote);
    }
    // The astral passages: UTF-16 and code-point offsets differ there.
    const fearTag = xml.match(new RegExp(`<PlainTextSelection guid="${refiGuid('passage', passages[1]!.h.id)}"[^>]*>`))![0];
    expect(Number(attr(fearTag, 'startPosition'))).toBeLessThan(ASTRAL.indexOf('𝔉𝔢𝔞𝔯'));
  });

  it('gives the same GUIDs on every export, UUID-shaped, and refers each coding to a code of the codebook', async () => {
    const { data, fear, themes } = await codedProject();
    const xml = strFromU8(unzipSync(projectQdpx(data))['project.qde']!);
    const again = strFromU8(unzipSync(projectQdpx(data))['project.qde']!);
    expect(again).toBe(xml);
    expect(refiGuid('code', fear.id)).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    const refs = [...xml.matchAll(/<CodeRef targetGUID="([^"]+)"/g)].map((m) => m[1]);
    expect(new Set(refs)).toEqual(new Set([refiGuid('code', fear.id), refiGuid('code', themes.id)]));
    expect(refs).toHaveLength(4);
  });
});

describe('selection names', () => {
  it('shortens a long passage to its first 80 characters without cutting a character in half', () => {
    const text = `${'a'.repeat(79)}😀 and on`;
    const code = { id: 'c1', corpusId: 'k', parentId: null, name: 'C', color: '', description: '', memo: '', ord: 0, createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-01T00:00:00.000Z' };
    const xml = projectQde({
      projectName: 'p',
      exportedAt: '2026-01-01T00:00:00.000Z',
      codes: [code],
      documents: [{ id: 'd', title: 'D', text }],
      passages: [{ highlightId: 'h', documentId: 'd', start: 0, end: text.length, quote: text, note: '', createdAt: '2026-01-01T00:00:00.000Z', codeIds: ['c1'] }],
      skipped: 0,
    });
    expect(xml).toContain(`name="${'a'.repeat(79)}😀"`);
    expect(xml).not.toContain('\uFFFD');
  });
});

describe('passage notes in the project', () => {
  it('holds a note with markup as its text: it neither ends its element nor hides the next passage', () => {
    // Markup a note may hold as text: an open comment, a CDATA end, the export's own end tags.
    const hostile = 'Open <!-- comment\n]]> </Description></PlainTextSelection> <![CDATA[ <script> & &amp; "quoted"';
    const text = 'First passage. Second passage.';
    const code = { id: 'c1', corpusId: 'k', parentId: null, name: 'C', color: '', description: '', memo: '', ord: 0, createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-01T00:00:00.000Z' };
    const passage = (highlightId: string, start: number, end: number, note: string) => ({ highlightId, documentId: 'd', start, end, quote: text.slice(start, end), note, createdAt: '2026-01-01T00:00:00.000Z', codeIds: ['c1'] });
    const xml = projectQde({
      projectName: 'p',
      exportedAt: '2026-01-01T00:00:00.000Z',
      codes: [code],
      documents: [{ id: 'd', title: 'D', text }],
      passages: [passage('h1', 0, 14, hostile), passage('h2', 15, 30, 'Second note.')],
      skipped: 0,
    });
    const [selections] = readRefiProject(xml).sources.map((source) => source.selections);
    expect(selections!.map((s) => [s.description, s.codings.length])).toEqual([
      [hostile, 1],
      ['Second note.', 1],
    ]);
  });
});

describe('REFI-QDA codebook export (.qdc)', () => {
  it('nests sub-codes, keeps colour and description, escapes names', async () => {
    const { data, fear } = await codedProject();
    const qdc = codebookQdc(data.codes);
    expect(qdc).toContain('<CodeBook xmlns="urn:QDA-XML:codebook:1.0">');
    expect(qdc).toMatch(/<Code guid="[^"]+" name="Themes &amp; &lt;ideas&gt;" isCodable="true">\s*<Description>Top of the tree<\/Description>\s*<Code guid="([^"]+)" name="Fear" isCodable="true" color="#FF0000"\/>\s*<\/Code>/);
    expect(qdc).toContain(refiGuid('code', fear.id));
    // The codebook schema's types are the project's: the same <Codes> validates inside a project.
    const asProject = `<?xml version="1.0" encoding="UTF-8"?>\n<Project xmlns="urn:QDA-XML:project:1.0" name="p"><CodeBook>${qdc.slice(qdc.indexOf('<Codes>'), qdc.indexOf('</CodeBook>'))}</CodeBook></Project>`;
    const result = await validateXML({ xml: [{ fileName: 'p.qde', contents: asProject }], schema: [{ fileName: 'Project-mrt2019.xsd', contents: XSD }] });
    expect(result.errors).toEqual([]);
  });
});
