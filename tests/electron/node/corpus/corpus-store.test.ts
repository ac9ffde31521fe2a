import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCorpus } from '../../../../electron/node/corpus/build-corpus';
import { CORPUS_FORMAT_VERSION } from '../../../../electron/node/corpus/corpus-format';
import { CorpusOpenError, openCorpus } from '../../../../electron/node/corpus/corpus-store';
import { openDatabase } from '../../../../electron/node/sqlite/open-database';
import { FIXTURES } from '../../../harness/paths';

let dir: string;
let good: string;

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'carrel-store-'));
  good = path.join(dir, 'good.sqlite');
  buildCorpus({ sourcesDir: path.join(FIXTURES, 'corpus-small'), outFile: good, title: 'Small' });
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function openError(file: string): CorpusOpenError {
  try {
    openCorpus(file).close();
  } catch (error) {
    if (error instanceof CorpusOpenError) return error;
    throw error;
  }
  throw new Error('expected the corpus to be refused');
}

describe('openCorpus', () => {
  it('lists and reads documents of a good corpus, read-only', () => {
    const store = openCorpus(good);
    try {
      expect(store.info).toMatchObject({ title: 'Small', documentCount: 3, formatVersion: CORPUS_FORMAT_VERSION });
      const docs = store.listDocuments();
      expect(docs.map((d) => d.id)).toEqual(['arabic', 'brief', 'notes']);
      const notes = store.getDocument('notes')!;
      expect(notes).toMatchObject({ title: 'Notes on the caliphate', source: 'Fixture Press', author: 'A. Researcher' });
      expect(notes.paragraphs.map((p) => notes.text.slice(p.start, p.end))).toEqual([
        'Notes on the caliphate',
        'The group published a magazine called Dabiq.\nIts successor was Rumiyah.',
        'Baghdād is spelled with a macron here.',
      ]);
      expect(store.getDocument('missing')).toBeUndefined();
      expect(() => openDatabase(good, { readonly: true }).exec('DELETE FROM documents')).toThrow(/readonly/);
    } finally {
      store.close();
    }
  });

  it('reads the metadata of just the documents asked for, with their library position', () => {
    const store = openCorpus(good);
    try {
      const metas = store.documentMetas(['notes', 'missing', 'arabic', 'notes']);
      expect([...metas.keys()].sort()).toEqual(['arabic', 'notes']);
      expect(metas.get('notes')).toMatchObject({ title: 'Notes on the caliphate', ord: 2, sha256: store.getDocument('notes')!.sha256 });
      expect(metas.get('arabic')!.ord).toBe(0);
      expect(store.documentMetas([]).size).toBe(0);
      const many = Array.from({ length: 2500 }, (_, i) => `nope-${i}`).concat(['brief']);
      expect([...store.documentMetas(many).keys()]).toEqual(['brief']);
    } finally {
      store.close();
    }
  });

  it('explains a missing file', () => {
    const error = openError(path.join(dir, 'nope.sqlite'));
    expect(error.code).toBe('corpus-missing');
    expect(error.message).toContain('nope.sqlite was not found');
  });

  it('explains a file that is not SQLite at all', () => {
    const file = path.join(dir, 'text.sqlite');
    fs.writeFileSync(file, 'this is not a database, just text '.repeat(200));
    expect(openError(file)).toMatchObject({ code: 'corpus-invalid' });
  });

  it('explains a SQLite file that is not a corpus', () => {
    const file = path.join(dir, 'other.sqlite');
    const db = openDatabase(file);
    db.exec('CREATE TABLE t (x)');
    db.close();
    expect(openError(file)).toMatchObject({ code: 'corpus-invalid', message: expect.stringContaining('not a Carrel corpus') });
  });

  it('explains a corpus from a newer version of Carrel', () => {
    const file = path.join(dir, 'newer.sqlite');
    fs.copyFileSync(good, file);
    const db = openDatabase(file);
    db.pragma(`user_version = ${CORPUS_FORMAT_VERSION + 1}`);
    db.close();
    expect(openError(file)).toMatchObject({ code: 'corpus-version', message: expect.stringContaining('newer version of Carrel') });
  });

  it('refuses a corpus of format 6, whose index predates the folding of Uthmani spelling, and says to rebuild it', () => {
    const file = path.join(dir, 'format-6.sqlite');
    fs.copyFileSync(good, file);
    const db = openDatabase(file);
    db.pragma('user_version = 6');
    db.close();
    expect(openError(file)).toMatchObject({ code: 'corpus-version', message: expect.stringMatching(/older .*rebuilt from its sources/) });
  });

  it('explains a truncated (corrupt) corpus', () => {
    const file = path.join(dir, 'truncated.sqlite');
    const bytes = fs.readFileSync(good);
    fs.writeFileSync(file, bytes.subarray(0, Math.floor(bytes.length / 3)));
    const error = openError(file);
    expect(error.code).toBe('corpus-invalid');
    expect(error.message).toMatch(/damaged|not a Carrel corpus/);
  });
});
