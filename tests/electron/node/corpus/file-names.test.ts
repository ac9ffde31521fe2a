import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DOCUMENT_ID_MAX_LENGTH, DOCUMENT_ID_PATTERN } from '../../../../electron/common/corpus/document-id';
import { printSummary } from '../../../../electron/node/cli/corpus-commands';
import { buildCorpus } from '../../../../electron/node/corpus/build-corpus';
import { escapeFileName } from '../../../../electron/node/corpus/file-names';
import { documentIdFromPath } from '../../../../electron/node/corpus/parse-source';
import { createHandlerTable } from '../../../../electron/node/ipc/handler-table';
import { createServices, type AppServices } from '../../../../electron/node/services/create-services';
import { value } from '../services/user-data-fixture';

const dirs: string[] = [];
const opened: AppServices[] = [];
afterEach(() => {
  for (const services of opened.splice(0)) services.close();
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

/** Writes files named by strings or raw bytes (Linux keeps any bytes but "/" and NUL). */
function sources(files: [name: string | Buffer, text: string][]): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'carrel-names-'));
  dirs.push(dir);
  const root = path.join(dir, 'sources');
  fs.mkdirSync(root);
  for (const [name, text] of files) {
    if (typeof name === 'string') {
      fs.mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
      fs.writeFileSync(path.join(root, name), text);
      continue;
    }
    // A Buffer path keeps its bytes (a string would be encoded as UTF-8).
    const target = Buffer.concat([Buffer.from(`${root}/`), name]);
    fs.mkdirSync(target.subarray(0, target.lastIndexOf(0x2f)), { recursive: true });
    fs.writeFileSync(target, text);
  }
  return root;
}

// Issue 10, item 8: every document gets an id it can be opened by, and a file name that is
// not UTF-8 is reported as such.
describe('file names a build must cope with', () => {
  it('gives every document a non-empty, distinct id the app opens, whatever its name', async () => {
    const long = ['x'.repeat(200), 'y'.repeat(200), 'z'.repeat(200)].join('/');
    const root = sources([
      ['?.txt', 'Only a question mark.'],
      ['\n.txt', 'Only a newline.'],
      ['!!.txt', 'Only signs.'],
      ['a.txt', 'Plain a.'],
      ['a.md', 'Markdown a.'],
      ['a-2.txt', 'A name that ends in -2 itself.'],
      ['a-2-2.txt', 'And one that ends in -2-2.'],
      ['a?2.txt', 'A name whose id is a-2 too.'],
      ['sub/?.txt', 'A sign in a folder.'],
      [`${long}/deep.txt`, 'A path longer than an id may be.'],
      [`${long}/deeper.txt`, 'Another one, under the same long folders.'],
    ]);
    const out = `${path.dirname(root)}/names.sqlite`;
    const summary = buildCorpus({ sourcesDir: root, outFile: out });
    expect(summary.skipped).toEqual([]);
    expect(summary.documents).toBe(11);

    const services = createServices({ corpusFile: out, userDbFile: path.join(path.dirname(root), 'user', 'carrel-user.sqlite') });
    opened.push(services);
    const table = createHandlerTable(services, () => {});
    const docs = value(await table.listDocuments(undefined));
    const ids = docs.map((d) => d.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) {
      expect(id).toMatch(DOCUMENT_ID_PATTERN);
      expect(id.length).toBeLessThanOrEqual(DOCUMENT_ID_MAX_LENGTH);
    }
    const idOf = (sourcePath: string) => docs.find((d) => d.sourcePath === sourcePath)!.id;
    expect(idOf('a.md')).toBe('a');
    expect(idOf('a-2.txt')).toBe('a-2');
    expect(idOf('a-2-2.txt')).toBe('a-2-2');
    expect(idOf('a.txt')).toBe('a-3');
    expect(idOf('a?2.txt')).toBe('a-2-3');
    expect(idOf('?.txt')).toMatch(/^doc-[0-9a-f]{16}$/);
    expect(idOf('sub/?.txt')).toBe('sub/');
    // Every document opens, through the same checked API as the window's.
    for (const doc of docs) expect(value(await table.getDocument({ id: doc.id })).sourcePath).toBe(doc.sourcePath);
    const question = idOf('?.txt');
    const highlight = value(await table.createHighlight({ documentId: question, start: 0, end: 4, color: 'yellow' }));
    expect(value(await table.listHighlights({ documentId: question })).map((h) => h.id)).toEqual([highlight.id]);

    // The same folder gives the same ids again.
    const again = `${path.dirname(root)}/again.sqlite`;
    buildCorpus({ sourcesDir: root, outFile: again });
    const services2 = createServices({ corpusFile: again });
    opened.push(services2);
    expect(value(await createHandlerTable(services2, () => {}).listDocuments(undefined)).map((d) => d.id)).toEqual(ids);
  });

  it('reports a file or folder name that is not valid UTF-8 as such, its bytes escaped', () => {
    const bad = Buffer.from([0x62, 0x61, 0x64, 0x2d, 0xff, 0x2e, 0x74, 0x78, 0x74]); // "bad-\xFF.txt"
    const badFolder = Buffer.concat([Buffer.from('dir-'), Buffer.from([0xc3, 0x28]), Buffer.from('/inside.txt')]); // "dir-\xC3(" : a cut sequence
    const root = sources([
      [bad, 'A file whose name is Latin-1.'],
      [badFolder, 'A file in a folder whose name is not UTF-8.'],
      ['bad-\\xFF.txt', 'A file whose name really holds a backslash, x, F, F.'],
      ['good.txt', 'A good file.'],
    ]);
    const out = `${path.dirname(root)}/bad.sqlite`;
    const summary = buildCorpus({ sourcesDir: root, outFile: out });
    expect(summary.documents).toBe(2);
    expect(summary.skipped).toEqual([
      { path: 'bad-\\xFF.txt', reason: 'invalid-file-name', message: 'file name is not valid UTF-8 (bad bytes shown as \\xHH)' },
      { path: 'dir-\\xC3(', reason: 'invalid-file-name', message: 'folder name is not valid UTF-8 (bad bytes shown as \\xHH)' },
    ]);
    expect(JSON.stringify(summary.skipped)).not.toContain('ENOENT');
    expect(JSON.stringify(summary.skipped)).not.toContain('\uFFFD');
    const lines: string[] = [];
    printSummary({ log: (line) => lines.push(line), error: () => {}, progress: () => {} }, summary);
    expect(lines).toContain('Skipped, file name not valid UTF-8 (2):');
    expect(lines).toContain('  bad-\\xFF.txt: file name is not valid UTF-8 (bad bytes shown as \\xHH)');
  });
});

describe('escapeFileName', () => {
  it('keeps valid text, escapes each bad byte and the backslash', () => {
    expect(escapeFileName(Buffer.from('مقال-é.txt'))).toBe('مقال-é.txt');
    expect(escapeFileName(Buffer.from([0x61, 0x5c, 0xff, 0xed, 0xa0, 0x80, 0xf0, 0x9f, 0x98, 0x80]))).toBe('a\\\\\\xFF\\xED\\xA0\\x80😀');
    expect(escapeFileName(Buffer.from([0xc0, 0xaf, 0xf4, 0x90, 0x80, 0x80]))).toBe('\\xC0\\xAF\\xF4\\x90\\x80\\x80');
  });
});

describe('documentIdFromPath', () => {
  it('is never empty and never longer than an id may be, cutting between code points', () => {
    expect(documentIdFromPath('?.txt')).toMatch(/^doc-[0-9a-f]{16}$/);
    expect(documentIdFromPath('?.txt')).not.toBe(documentIdFromPath('!.txt'));
    const id = documentIdFromPath(`${'𝒜'.repeat(400)}.txt`);
    expect(id.length).toBeLessThanOrEqual(DOCUMENT_ID_MAX_LENGTH - 32);
    expect(id).toMatch(DOCUMENT_ID_PATTERN);
    expect(id).toMatch(/^(𝒜)+-[0-9a-f]{16}$/);
    expect(documentIdFromPath('reports/2017 ISIS media.txt')).toBe('reports/2017-ISIS-media');
  });
});
