import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCorpus } from '../../../../electron/node/corpus/build-corpus';
import { createSecurityService } from '../../../../electron/node/services/security-service';
import { openDatabase } from '../../../../electron/node/sqlite/open-database';
import { FIXTURES } from '../../../harness/paths';

let dir: string;
let corpusFile: string;

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'carrel-security-'));
  corpusFile = path.join(dir, 'corpus.sqlite');
  buildCorpus({ sourcesDir: path.join(FIXTURES, 'corpus-small'), outFile: corpusFile });
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('getSecurityStatus', () => {
  it('reports blocked requests, the corpus file hash, an intact manifest and the user database', () => {
    let blocked = 0;
    const service = createSecurityService({ corpusFile: () => corpusFile, userDbFile: '/data/carrel-user.sqlite', blockedRequests: () => blocked });
    const status = service.getSecurityStatus(undefined);
    expect(status.blockedRequests).toBe(0);
    expect(status.corpus).toMatchObject({
      file: corpusFile,
      fileSha256: createHash('sha256').update(fs.readFileSync(corpusFile)).digest('hex'),
      manifestIntact: true,
      documentsChecked: 3,
      mismatchedDocuments: [],
    });
    expect(status.userDatabase).toEqual({ file: '/data/carrel-user.sqlite', encrypted: false, locked: false });
    blocked = 2;
    expect(service.getSecurityStatus(undefined).blockedRequests).toBe(2);
  });

  it('names the documents whose text changed after the build', () => {
    const tampered = path.join(dir, 'tampered.sqlite');
    fs.copyFileSync(corpusFile, tampered);
    const db = openDatabase(tampered);
    db.prepare("UPDATE documents SET text = text || ' (edited)' WHERE id = 'notes'").run();
    db.close();
    const status = createSecurityService({ corpusFile: () => tampered, blockedRequests: () => 0 }).getSecurityStatus(undefined);
    expect(status.corpus).toMatchObject({ manifestIntact: false, mismatchedDocuments: ['notes'] });
    expect(status.userDatabase.file).toBeNull();
  });

  it('explains a corpus that cannot be checked instead of failing', () => {
    const status = createSecurityService({ corpusFile: () => path.join(dir, 'missing.sqlite'), blockedRequests: () => 0 }).getSecurityStatus(undefined);
    expect(status.corpus).toBeNull();
    expect(status.corpusProblem).toMatch(/could not be checked/);
  });
});
