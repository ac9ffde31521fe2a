import fs from 'node:fs';
import path from 'node:path';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../../../electron/node/cli/carrel';
import type { Output } from '../../../../electron/node/cli/output';
import { BUNDLED_CORPUS, FIXTURES } from '../../../harness/paths';
import { userDbHash } from '../coding/refi-qda/refi-qda-fixture';
import { makeWorkspace, value } from '../services/user-data-fixture';

function capture(): Output & { lines: string[]; errors: string[] } {
  const lines: string[] = [];
  const errors: string[] = [];
  return { lines, errors, log: (l) => lines.push(l), error: (l) => errors.push(l), progress: () => {} };
}

const workspace = makeWorkspace('carrel-coding-cli-');
let corpus: string;
const EVIL = '=HYPERLINK("http://x","y")';

beforeAll(async () => {
  corpus = workspace.corpus('small', path.join(FIXTURES, 'corpus-small'), (dir) => fs.writeFileSync(path.join(dir, 'evil.txt'), `${EVIL} and more text\n`), 'Small');
  const { table, services } = workspace.services(corpus);
  const parent = value(await table.createCode({ name: 'Themes' }));
  const code = value(await table.createCode({ name: '+Risk', parentId: parent.id, description: 'Danger, harm' }));
  const doc = value(await table.getDocument({ id: 'evil' }));
  const start = doc.text.indexOf(EVIL);
  const h = value(await table.createHighlight({ documentId: 'evil', start, end: start + EVIL.length, color: 'yellow', note: '@note' }));
  value(await table.applyCode({ codeId: code.id, highlightId: h.id }));
  services.close();
});
afterAll(() => workspace.close());

const run = async (...args: string[]) => {
  const out = capture();
  const code = await main(['coding', 'export', ...args], out);
  return { code, ...out };
};

describe('carrel coding export', () => {
  it('writes a REFI-QDA project with the coded document as a source', async () => {
    const file = path.join(workspace.dir, 'out.qdpx');
    const r = await run('--format', 'qdpx', '--user-db', workspace.userDbFile, '--corpus', corpus, '--out', file);
    expect(r.errors).toEqual([]);
    expect(r.code).toBe(0);
    expect(r.lines).toEqual([`Exported 2 codes and 1 coded passage to ${file}`]);
    const zip = unzipSync(fs.readFileSync(file));
    expect(Object.keys(zip).filter((name) => name.startsWith('sources/') && name.endsWith('.txt'))).toHaveLength(1);
    expect(strFromU8(zip['project.qde']!)).toContain('name="+Risk"');
  });

  it('writes the codebook alone', async () => {
    const file = path.join(workspace.dir, 'book.qdc');
    const r = await run('--format', 'qdc', '--user-db', workspace.userDbFile, '--corpus', corpus, '--out', file);
    expect(r.code).toBe(0);
    expect(r.lines).toEqual([`Exported 2 codes to ${file}`]);
    expect(fs.readFileSync(file, 'utf8')).toMatch(/<CodeBook xmlns="urn:QDA-XML:codebook:1.0">[\s\S]*name="Themes"[\s\S]*<Description>Danger, harm<\/Description>/);
  });

  it('writes one CSV row per coded passage, with formulas neutralised', async () => {
    const file = path.join(workspace.dir, 'coding.csv');
    const r = await run('--format', 'csv', '--user-db', workspace.userDbFile, '--corpus', corpus, '--out', file);
    expect(r.code).toBe(0);
    const rows = fs.readFileSync(file, 'utf8').replace(/^\uFEFF/, '').trimEnd().split('\r\n');
    expect(rows[0]).toBe('document,document_title,start,end,text,code,code_path,passage_note,coded_at');
    expect(rows).toHaveLength(2);
    expect(rows[1]).toContain(`"'=HYPERLINK(""http://x"",""y"")"`);
    expect(rows[1]).toContain(`,'+Risk,Themes / +Risk,'@note,`);
  });

  it('says what is missing: format, unknown format, notes database', async () => {
    const out = path.join(workspace.dir, 'never.qdpx');
    expect((await run('--user-db', workspace.userDbFile, '--out', out)).code).toBe(2);
    const unknown = await run('--format', 'nvivo', '--user-db', workspace.userDbFile, '--out', out);
    expect(unknown.code).toBe(2);
    expect(unknown.errors[0]).toMatch(/^Unknown format "nvivo"/);
    const missing = await run('--format', 'qdc', '--user-db', path.join(workspace.dir, 'none.sqlite'), '--corpus', corpus, '--out', out);
    expect(missing.code).toBe(1);
    expect(missing.errors[0]).toMatch(/^No notes database at /);
    expect(fs.existsSync(out)).toBe(false);
  });

  it('refuses a project or codebook with no codes, in words, and writes nothing', async () => {
    const empty = path.join(workspace.dir, 'empty', 'carrel-user.sqlite');
    workspace.services(corpus, empty).services.close();
    const out = path.join(workspace.dir, 'empty.qdc');
    const r = await run('--format', 'qdc', '--user-db', empty, '--corpus', corpus, '--out', out);
    expect(r.code).toBe(1);
    expect(r.errors[0]).toMatch(/no codes yet/);
    expect(fs.existsSync(out)).toBe(false);
  });
});

describe('carrel coding import', () => {
  const runImport = async (...args: string[]) => {
    const out = capture();
    const code = await main(['coding', 'import', ...args], out);
    return { code, ...out };
  };
  const exported = async () => {
    const file = path.join(workspace.dir, 'to-import.qdpx');
    expect((await run('--format', 'qdpx', '--user-db', workspace.userDbFile, '--corpus', corpus, '--out', file)).code).toBe(0);
    return file;
  };
  const emptyNotes = (name: string) => {
    const file = path.join(workspace.dir, name, 'carrel-user.sqlite');
    workspace.services(corpus, file).services.close();
    return file;
  };

  it('prints what was added and which source matched which document; a second run adds nothing', async () => {
    const file = await exported();
    const notes = emptyNotes('import-a');
    const first = await runImport(file, '--user-db', notes, '--corpus', corpus);
    expect(first.errors).toEqual([]);
    expect(first.code).toBe(0);
    expect(first.lines[0]).toBe('codes: 2 added, 0 already here; sources: 1 matched a document, 0 matched none; coded passages: 1 added, 0 already here, 1 code applied.');
    expect(first.lines).toContain(`  source matched: ${EVIL} and more text = evil`);
    const again = await runImport(file, '--user-db', notes, '--corpus', corpus);
    expect(again.lines[0]).toBe('codes: 0 added, 2 already here; sources: 1 matched a document, 0 matched none; coded passages: 0 added, 1 already here, 0 codes applied.');
  });

  it('--dry-run prints the same and changes nothing', async () => {
    const file = await exported();
    const notes = emptyNotes('import-dry');
    const before = userDbHash(notes);
    const r = await runImport(file, '--user-db', notes, '--corpus', corpus, '--dry-run');
    expect(r.code).toBe(0);
    expect(r.lines[0]).toMatch(/^Dry run, nothing changed: codes: 2 added/);
    expect(userDbHash(notes)).toBe(before);
  });

  it('lists the sources that match no document of the corpus (the bundled corpus has not this text)', async () => {
    const file = await exported();
    const notes = path.join(workspace.dir, 'import-bundled', 'carrel-user.sqlite');
    workspace.services(BUNDLED_CORPUS, notes).services.close();
    const r = await runImport(file, '--user-db', notes, '--corpus', BUNDLED_CORPUS);
    expect(r.code).toBe(0);
    expect(r.lines[0]).toContain('sources: 0 matched a document, 1 matched none; coded passages: 0 added');
    expect(r.lines).toContain(`  source unmatched: ${EVIL} and more text: its text is the text of no document of the open corpus; 1 coded selection not imported`);
  });

  it('prints the schema refusal of a project that does not follow REFI-QDA, with its first error by line; exit 1, the notes unchanged', async () => {
    const notes = emptyNotes('import-invalid');
    const file = path.join(workspace.dir, 'invalid.qdpx');
    const qde = '<?xml version="1.0" encoding="UTF-8"?>\n<Project xmlns="urn:QDA-XML:project:1.0" name="p">\n<CodeBook><Codes>\n<Code guid="0A1B2C3D-0000-4000-8000-000000000001" name="No isCodable"/>\n</Codes></CodeBook>\n</Project>\n';
    fs.writeFileSync(file, zipSync({ 'project.qde': strToU8(qde) }));
    const before = userDbHash(notes);
    const r = await runImport(file, '--user-db', notes, '--corpus', corpus);
    expect(r.code).toBe(1);
    expect(r.lines).toEqual([]);
    expect(r.errors).toEqual([
      "invalid.qdpx was not imported: Its project.qde does not follow the REFI-QDA project schema (Project-mrt2019.xsd): line 4: Element 'Code': The attribute 'isCodable' is required but missing. Nothing was changed.",
    ]);
    expect(userDbHash(notes)).toBe(before);
  });

  it('refuses a hostile file with its reason, exit 1, the notes unchanged; says its usage', async () => {
    const notes = emptyNotes('import-hostile');
    const file = path.join(workspace.dir, 'slip.qdpx');
    fs.writeFileSync(file, zipSync({ 'project.qde': strToU8('<Project/>'), '../../x': strToU8('x') }));
    const before = userDbHash(notes);
    const r = await runImport(file, '--user-db', notes, '--corpus', corpus);
    expect(r.code).toBe(1);
    expect(r.errors[0]).toMatch(/^slip\.qdpx was not imported: .*leaves the archive.*Nothing was changed\.$/);
    expect(userDbHash(notes)).toBe(before);
    expect((await runImport('--user-db', notes)).code).toBe(2);
    expect((await runImport(file)).code).toBe(2);
  });
});
