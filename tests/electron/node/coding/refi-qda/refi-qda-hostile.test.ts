import fs from 'node:fs';
import path from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importRefiFile } from '../../../../../electron/node/coding/refi-qda/refi-import';
import { ServiceError } from '../../../../../electron/node/services/service-error';
import { FIXTURES } from '../../../../harness/paths';
import { makeWorkspace, value } from '../../services/user-data-fixture';
import { guid, project, qdpx, userDbHash } from './refi-qda-fixture';

const workspace = makeWorkspace('carrel-refi-hostile-');
let corpus: string;
beforeAll(() => {
  corpus = workspace.corpus('small', path.join(FIXTURES, 'corpus-small'));
});
afterAll(() => workspace.close());

const CODE = guid();
const CODEBOOK = `<CodeBook><Codes><Code guid="${CODE}" name="Harmless" isCodable="true"/></Codes></CodeBook>`;
const write = (name: string, bytes: Uint8Array | string) => {
  const file = path.join(workspace.dir, name);
  fs.writeFileSync(file, bytes);
  return file;
};

/** Sets the uncompressed size an archive declares for every entry (local headers and central directory). */
function declareSize(zip: Uint8Array, size: number): Uint8Array {
  const out = zip.slice();
  const view = new DataView(out.buffer);
  for (let i = 0; i + 4 <= out.length; i++) {
    const signature = view.getUint32(i, true);
    if (signature === 0x04034b50) view.setUint32(i + 22, size, true);
    if (signature === 0x02014b50) view.setUint32(i + 24, size, true);
  }
  return out;
}

const HOSTILE: [string, string, () => Uint8Array | string, RegExp][] = [
  ['a zip bomb (an entry compressed thousands of times)', 'bomb.qdpx', () => qdpx(project(`${CODEBOOK}<!--${' '.repeat(20 * 1024 * 1024)}-->`)), /compressed \d+ times \(a zip bomb\?\)/],
  ['an entry larger than it declares', 'liar.qdpx', () => declareSize(qdpx(project(`${CODEBOOK}<!--${'x'.repeat(3 * 1024 * 1024)}-->`)), 1000), /larger than the archive says/],
  ['an entry leaving the archive (../../x)', 'slip.qdpx', () => qdpx(project(CODEBOOK), { '../../x.txt': 'escape' }), /entry named “\.\.\/\.\.\/x\.txt”, which leaves the archive/],
  ['an absolute entry name', 'absolute.qdpx', () => qdpx(project(CODEBOOK), { '/etc/passwd': 'root' }), /leaves the archive/],
  [
    'XML with an external entity',
    'xxe.qdpx',
    () => qdpx(`<?xml version="1.0"?><!DOCTYPE Project [<!ENTITY x SYSTEM "file:///etc/passwd">]><Project xmlns="urn:QDA-XML:project:1.0" name="&x;">${CODEBOOK}</Project>`),
    /declares a document type or XML entities/,
  ],
  [
    'a billion laughs',
    'laughs.qdc',
    () =>
      `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">${Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i || ''};`.repeat(10)}">`).join('')}]><CodeBook xmlns="urn:QDA-XML:codebook:1.0"><Codes><Code guid="${CODE}" name="&lol9;" isCodable="true"/></Codes></CodeBook>`,
    /declares a document type or XML entities/,
  ],
  ['a GUID of the wrong type', 'type.qdc', () => `<CodeBook xmlns="urn:QDA-XML:codebook:1.0"><Codes><Code guid="not-a-guid" name="A" isCodable="true"/></Codes></CodeBook>`, /malformed GUID \(“not-a-guid”\)/],
  ['a selection with no GUID', 'noguid.qdpx', () => qdpx(project(`${CODEBOOK}<Sources><TextSource guid="${guid()}"><PlainTextContent>t</PlainTextContent><PlainTextSelection startPosition="0" endPosition="1"/></TextSource></Sources>`)), /A text selection has no GUID/],
  ['an element not closed', 'open.qdc', () => `<CodeBook xmlns="urn:QDA-XML:codebook:1.0"><Codes><Code guid="${CODE}" name="A" isCodable="true"></Codes></CodeBook>`, /not well-formed XML/],
  ['XML nested without end', 'deep.qdc', () => `<CodeBook xmlns="urn:QDA-XML:codebook:1.0">${'<Codes>'.repeat(500)}${'</Codes>'.repeat(500)}</CodeBook>`, /nested more than 100 levels/],
  ['another XML document', 'other.qdc', () => `<?xml version="1.0"?><html xmlns="http://www.w3.org/1999/xhtml"><body/></html>`, /not a REFI-QDA codebook/],
  ['a project in no REFI-QDA namespace', 'nons.qdpx', () => qdpx(`<Project name="p">${CODEBOOK}</Project>`), /not a REFI-QDA project/],
  ['a zip without project.qde', 'empty.qdpx', () => zipSync({ 'readme.txt': strToU8('hello') }), /holds no project\.qde/],
  ['a .qdpx that is no zip', 'text.qdpx', () => 'just text', /not a zip archive/],
  ['a damaged zip', 'damaged.qdpx', () => qdpx(project(CODEBOOK)).slice(0, 60), /not a readable zip archive|cannot be uncompressed/],
  ['a project.qde that is not UTF-8', 'latin1.qdpx', () => zipSync({ 'project.qde': new Uint8Array([0x3c, 0x50, 0xe9, 0xff, 0x3e]) }), /not UTF-8/],
];

describe('hostile or malformed REFI-QDA files', () => {
  it.each(HOSTILE)('refuses %s with its reason and leaves the notes database as it was', async (_what, name, make, reason) => {
    const { services, table } = workspace.services(corpus);
    // Something to lose: a code and a highlight.
    value(await table.createCode({ name: `Mine ${name}` }));
    const doc = value(await table.getDocument({ id: 'notes' }));
    value(await table.createHighlight({ documentId: 'notes', start: 0, end: Math.min(5, doc.text.length), color: 'yellow' }));
    const file = write(name, make());
    const before = userDbHash(workspace.userDbFile);
    let error: unknown;
    try {
      await importRefiFile(services.userDataContext, file);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ServiceError);
    expect((error as ServiceError).code).toBe('import-refused');
    expect((error as Error).message).toMatch(reason);
    expect((error as Error).message).toMatch(/Nothing was changed\.$/);
    expect(userDbHash(workspace.userDbFile)).toBe(before);
    services.close();
  });

  it('takes a stored (uncompressed) archive and a large but honest project', async () => {
    const { services } = workspace.services(corpus);
    const filler = `<!--${'lorem ipsum dolor sit amet '.repeat(20_000)}-->`;
    const stored = await importRefiFile(services.userDataContext, write('stored.qdpx', qdpx(project(`${CODEBOOK}${filler}`), {}, 0)));
    expect(stored.codes.added + stored.codes.matched).toBe(1);
    services.close();
  });
});
