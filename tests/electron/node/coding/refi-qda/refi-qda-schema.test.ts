import fs from 'node:fs';
import path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importRefiFile } from '../../../../../electron/node/coding/refi-qda/refi-import';
import { defaultRefiSchemaDir, MAX_SCHEMA_INPUT, SCHEMA_FILES, validateRefiXml } from '../../../../../electron/node/coding/refi-qda/refi-schema';
import { ServiceError } from '../../../../../electron/node/services/service-error';
import { FIXTURES, ROOT } from '../../../../harness/paths';
import { makeWorkspace, value } from '../../services/user-data-fixture';
import { guid, project, qdpx, SAMPLES, SHARED_REFI, userDbHash } from './refi-qda-fixture';

const workspace = makeWorkspace('carrel-refi-schema-');
let corpus: string;
beforeAll(() => {
  corpus = workspace.corpus('small', path.join(FIXTURES, 'corpus-small'));
});
afterAll(() => workspace.close());

const write = (name: string, bytes: Uint8Array | string) => {
  const file = path.join(workspace.dir, name);
  fs.writeFileSync(file, bytes);
  return file;
};

/** Imports `file` into notes holding a code and a highlight; returns the refusal, with the notes' hash before and after. */
async function refused(file: string) {
  const { services, table } = workspace.services(corpus);
  value(await table.createCode({ name: `Mine ${path.basename(file)}` }));
  value(await table.createHighlight({ documentId: 'notes', start: 0, end: 4, color: 'yellow' }));
  const before = userDbHash(workspace.userDbFile);
  let error: unknown;
  try {
    await importRefiFile(services.userDataContext, file);
  } catch (caught) {
    error = caught;
  }
  const after = userDbHash(workspace.userDbFile);
  services.close();
  return { error: error as ServiceError, before, after };
}

// Carrel's own reader takes these (names, GUIDs and positions are fine); the schema does not.
const CODE = guid();
const INVALID_PROJECT = project(`<CodeBook><Codes>
<Code guid="${CODE}" name="No isCodable"/>
<Code guid="${guid()}" name="Red" isCodable="true" color="red"/>
</Codes></CodeBook>
<Bogus/>`);

describe('REFI-QDA import checked against the schema', () => {
  it('refuses a project that does not follow Project-mrt2019.xsd, naming its first errors by line, and changes nothing', async () => {
    const { error, before, after } = await refused(write('invalid.qdpx', qdpx(INVALID_PROJECT)));
    expect(error).toBeInstanceOf(ServiceError);
    expect(error.code).toBe('import-refused');
    expect(error.message).toBe(
      "invalid.qdpx was not imported: Its project.qde does not follow the REFI-QDA project schema (Project-mrt2019.xsd): line 4: Element 'Code': The attribute 'isCodable' is required but missing; " +
        "line 5: Element 'Code', attribute 'color': [facet 'pattern'] The value 'red' is not accepted by the pattern '#([A-Fa-f0-9]{6}|[A-Fa-f0-9]{3})'; " +
        "line 7: Element 'Bogus': This element is not expected. Expected is one of (Variables, Cases, Sources, Notes, Links, Sets, Graphs, Description, NoteRef). Nothing was changed.",
    );
    expect(after).toBe(before);
  });

  it('says how many errors it did not name', async () => {
    const codes = Array.from({ length: 7 }, (_, i) => `<Code guid="${guid()}" name="c${i}"/>`).join('\n');
    const { error, before, after } = await refused(write('many.qdpx', qdpx(project(`<CodeBook><Codes>\n${codes}\n</Codes></CodeBook>`))));
    expect(error.message).toMatch(/line 4: .*; line 5: .*; line 6: .* \(and 4 more\)\. Nothing was changed\.$/);
    expect(after).toBe(before);
  });

  it('refuses a codebook (.qdc) that does not follow the codebook schema, and changes nothing', async () => {
    // A codebook's codes carry no notes in the codebook schema (a project's do).
    const qdc = `<?xml version="1.0" encoding="UTF-8"?>\n<CodeBook xmlns="urn:QDA-XML:codebook:1.0">\n<Codes>\n<Code guid="${guid()}" name="A" isCodable="true"><NoteRef targetGUID="${guid()}"/></Code>\n</Codes>\n</CodeBook>\n`;
    const { error, before, after } = await refused(write('invalid.qdc', qdc));
    expect(error.message).toMatch(/^invalid\.qdc was not imported: The codebook does not follow the REFI-QDA codebook schema \(Codebook\.xsd\): line 4: Element 'NoteRef': This element is not expected\./);
    expect(after).toBe(before);
  });

  it('takes a valid codebook with an origin, sets and brace GUIDs (the specification example)', async () => {
    const { services } = workspace.services(corpus);
    const qdc = `<?xml version="1.0" encoding="UTF-8"?>
<CodeBook xmlns="urn:QDA-XML:codebook:1.0" origin="Example">
<Codes><Code guid="{d7aa29da-519b-4946-9b90-253b6db8fd0a}" name="Economy" isCodable="true" color="#ffff00"><Description>Jobs, taxes</Description></Code></Codes>
<Sets><Set guid="{5215cc69-b628-4e02-afb9-9beeaee55808}" name="S"><MemberCode guid="{d7aa29da-519b-4946-9b90-253b6db8fd0a}"/></Set></Sets>
</CodeBook>`;
    const report = await importRefiFile(services.userDataContext, write('valid.qdc', qdc));
    expect(report.codes.added + report.codes.matched).toBe(1);
    services.close();
  });

  it('the ATLAS.ti samples follow the schema as they are (no deviation to forgive)', async () => {
    for (const name of fs.readdirSync(SAMPLES).filter((n) => n.endsWith('.qdpx'))) {
      const qde = strFromU8(unzipSync(fs.readFileSync(path.join(SAMPLES, name)))['project.qde']!);
      expect(await validateRefiXml(qde, 'project'), name).toEqual([]);
    }
  });

  it('bounds what it hands to xmllint: its size, and its time (the worker is stopped)', async () => {
    await expect(validateRefiXml('x'.repeat(MAX_SCHEMA_INPUT + 1), 'project')).rejects.toThrow(/too large to check against the REFI-QDA schema \(64 MB of XML; at most 64 MB\)/);
    const selections = Array.from({ length: 20_000 }, () => `<PlainTextSelection guid="${guid()}" startPosition="0" endPosition="1"/>`).join('');
    const big = project(`<Sources><TextSource guid="${guid()}"><PlainTextContent>t</PlainTextContent>${selections}</TextSource></Sources>`);
    await expect(validateRefiXml(big, 'project', { timeLimitMs: 1 })).rejects.toThrow(/took more than 1 ms, so it was stopped/);
    // The same file is valid when given the time.
    expect(await validateRefiXml(big, 'project')).toEqual([]);
  });

  it('refuses rather than skips the check when the shipped schema is missing', async () => {
    await expect(validateRefiXml(project(''), 'project', { schemaDir: path.join(workspace.dir, 'nowhere') })).rejects.toThrow(/Project-mrt2019\.xsd\) is missing from this installation/);
  });

  it('ships the schemas in resources/refi-qda, the project schema the very release in ../shared', () => {
    const dir = defaultRefiSchemaDir();
    expect(dir).toBe(path.join(ROOT, 'resources', 'refi-qda'));
    expect(fs.readFileSync(path.join(dir, SCHEMA_FILES.project), 'utf8')).toBe(fs.readFileSync(path.join(SHARED_REFI, 'Project-mrt2019.xsd'), 'utf8'));
    for (const file of Object.values(SCHEMA_FILES)) expect(fs.readFileSync(path.join(dir, file), 'utf8')).toMatch(/MIT license/);
  });
});
