import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { buildCorpus } from '../../../../electron/node/corpus/build-corpus';
import { openCorpus } from '../../../../electron/node/corpus/corpus-store';
import { openDatabase } from '../../../../electron/node/sqlite/open-database';
import { BUNDLED_SOURCES, FIXTURES, SEEDS_DIR } from '../../../harness/paths';

const tmpDirs: string[] = [];
function tmpDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'carrel-build-'));
  tmpDirs.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of tmpDirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

function tableDump(file: string) {
  const db = openDatabase(file, { readonly: true });
  try {
    return {
      documents: db.prepare('SELECT * FROM documents ORDER BY ord').all(),
      paragraphs: db.prepare('SELECT * FROM paragraphs ORDER BY doc_ord, idx').all(),
      terms: db.prepare('SELECT * FROM search_terms ORDER BY term').all(),
      words: db.prepare('SELECT * FROM search_words ORDER BY word').all(),
      meta: db.prepare("SELECT * FROM meta WHERE key <> 'created_at' ORDER BY key").all(),
    };
  } finally {
    db.close();
  }
}

describe('buildCorpus on the bundled sources', () => {
  it('keeps every seed text exactly, with metadata and a SHA-256 of the text', () => {
    const out = path.join(tmpDir(), 'corpus.sqlite');
    const summary = buildCorpus({ sourcesDir: BUNDLED_SOURCES, outFile: out });
    expect(summary).toMatchObject({ documents: 5, skipped: [], corpusId: 'isis-virtual-caliphate' });
    const store = openCorpus(out);
    try {
      const docs = store.listDocuments();
      expect(docs.map((d) => d.originalFile)).toEqual(fs.readdirSync(SEEDS_DIR).sort());
      for (const meta of docs) {
        const doc = store.getDocument(meta.id)!;
        expect(doc.text).toBe(fs.readFileSync(path.join(SEEDS_DIR, meta.originalFile), 'utf8'));
        expect(doc.wordCount).toBeGreaterThan(100);
        expect(doc.sha256).toMatch(/^[0-9a-f]{64}$/);
        for (const p of doc.paragraphs) expect(doc.text.slice(p.start, p.end).trim()).toBe(doc.text.slice(p.start, p.end));
      }
      expect(docs[0]).toMatchObject({ title: 'ISIS has virtually abandoned notions of a ‘caliphate’', source: 'DailyMail.co.uk', language: 'en' });
    } finally {
      store.close();
    }
  });

  it('is deterministic: the same sources give the same documents, paragraphs, index and manifest', () => {
    const dir = tmpDir();
    buildCorpus({ sourcesDir: BUNDLED_SOURCES, outFile: path.join(dir, 'a.sqlite') });
    buildCorpus({ sourcesDir: BUNDLED_SOURCES, outFile: path.join(dir, 'b.sqlite') });
    expect(tableDump(path.join(dir, 'a.sqlite'))).toEqual(tableDump(path.join(dir, 'b.sqlite')));
  });
});

describe('buildCorpus on a fixture folder', () => {
  it('builds text, Markdown and Arabic documents and reports skipped files with reasons', () => {
    const dir = tmpDir();
    const sources = path.join(dir, 'sources');
    fs.cpSync(path.join(FIXTURES, 'corpus-small'), sources, { recursive: true });
    fs.writeFileSync(path.join(sources, 'empty.txt'), '\n\n');
    fs.writeFileSync(path.join(sources, 'copy-of-notes.txt'), fs.readFileSync(path.join(sources, 'notes.txt')));
    fs.writeFileSync(path.join(sources, 'bad.txt'), Buffer.from([0xc3, 0x28]));
    const summary = buildCorpus({ sourcesDir: sources, outFile: path.join(dir, 'c.sqlite'), title: 'Fixture' });
    expect(summary.documents).toBe(3);
    expect(summary.skipped.map((s) => [s.path, s.reason]).sort()).toEqual([
      ['bad.txt', 'invalid-utf8'],
      ['empty.txt', 'empty'],
      ['notes.txt', 'duplicate'],
    ]);
    const store = openCorpus(path.join(dir, 'c.sqlite'));
    try {
      expect(store.info.title).toBe('Fixture');
      const arabic = store.getDocument('arabic')!;
      expect(arabic.title).toBe('الدولة الإسلامية والخلافة الافتراضية');
      expect(arabic.wordCount).toBe(4 + 12 + 9);
    } finally {
      store.close();
    }
  });

  it('leaves an existing corpus untouched and no temporary file when the build fails', () => {
    const dir = tmpDir();
    const out = path.join(dir, 'corpus.sqlite');
    buildCorpus({ sourcesDir: path.join(FIXTURES, 'corpus-small'), outFile: out });
    const before = fs.readFileSync(out);
    const sources = path.join(dir, 'broken');
    fs.mkdirSync(sources);
    fs.writeFileSync(path.join(sources, 'carrel-corpus.json'), '{"id": "Not Valid!"}');
    expect(() => buildCorpus({ sourcesDir: sources, outFile: out })).toThrow(/carrel-corpus.json is invalid/);
    expect(fs.readFileSync(out).equals(before)).toBe(true);
    expect(fs.readdirSync(dir).filter((f) => f.includes('.tmp-'))).toEqual([]);
  });
});
