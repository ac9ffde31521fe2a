import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { buildCorpus, buildCorpusInSlices } from '../../../../electron/node/corpus/build-corpus';
import { StepsCancelled } from '../../../../electron/node/steps/run-steps';
import { readManifest, verifyCorpusFile } from '../../../../electron/node/corpus/corpus-manifest';
import { openCorpus } from '../../../../electron/node/corpus/corpus-store';
import { sha256Hex } from '../../../../electron/node/corpus/sha256';
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
      links: db.prepare('SELECT * FROM links ORDER BY doc_ord, idx').all(),
      terms: db.prepare('SELECT * FROM search_terms ORDER BY term').all(),
      words: db.prepare('SELECT * FROM search_words ORDER BY word').all(),
      repeated: db.prepare('SELECT * FROM repeated_passages ORDER BY doc_ord, idx').all(),
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

function copyMixed(): { dir: string; sources: string } {
  const dir = tmpDir();
  const sources = path.join(dir, 'sources');
  fs.cpSync(path.join(FIXTURES, 'corpus-mixed'), sources, { recursive: true });
  return { dir, sources };
}

describe('buildCorpus on a mixed folder of text, Markdown and HTML', () => {
  it('adds every readable document with its metadata and provenance, and skips the rest with a reason', () => {
    const { dir, sources } = copyMixed();
    const out = path.join(dir, 'mixed.sqlite');
    const summary = buildCorpus({ sourcesDir: sources, outFile: out });
    expect(summary).toMatchObject({ corpusId: 'corpus-mixed', title: 'Mixed fixture corpus', documents: 5 });
    expect(summary.skipped.map((s) => [s.path, s.reason])).toEqual([
      ['briefs/empty.md', 'empty'],
      ['plain/field-notes.txt', 'duplicate'],
      ['plain/latin1-notes.txt', 'invalid-utf8'],
      ['plain/table.csv', 'unsupported-type'],
    ]);
    expect(summary.skipped[1]!.message).toBe('same text as plain/copy-of-field-notes.txt');
    const store = openCorpus(out);
    try {
      const docs = store.listDocuments();
      expect(docs.map((d) => [d.id, d.format, d.language, d.sourcePath])).toEqual([
        ['briefs/propaganda-brief', 'markdown', 'en', 'briefs/propaganda-brief.md'],
        ['hostile/hostile-page', 'html', 'en', 'hostile/hostile-page.html'],
        ['plain/copy-of-field-notes', 'text', 'en', 'plain/copy-of-field-notes.txt'],
        ['reports/arabic-caliphate', 'html', 'ar', 'reports/arabic-caliphate.html'],
        ['reports/online-survival', 'html', 'en-GB', 'reports/online-survival.htm'],
      ]);
      expect(docs[0]).toMatchObject({ title: 'A brief on propaganda videos', author: 'A. Researcher', source: 'Fixture Institute', date: '2017-10-12' });
      expect(docs[2]!.title).toBe('Field notes on the online caliphate');
      expect(docs[3]).toMatchObject({ title: 'الدولة الإسلامية وفكرة الخلافة في الدعاية الرقمية', author: 'باحث في الدراسات الإعلامية', date: '2018-03-01' });
      expect(docs[4]).toMatchObject({ source: 'Fixture Review', author: 'Fixture Analyst', date: '2017-11-20', description: 'How a group keeps its brand alive on the internet.' });

      const hostile = store.getDocument('hostile/hostile-page')!;
      expect(hostile.text).not.toMatch(/LEAK|pwned|evil/);
      expect(hostile.links).toEqual([{ start: 88, end: 99, href: 'https://example.org/report' }]);
      const brief = store.getDocument('briefs/propaganda-brief')!;
      expect(brief.paragraphs.map((p) => p.kind)).toEqual(['h1', 'p', 'li', 'li', 'quote', 'pre', 'p']);
      expect(brief.text).not.toMatch(/[*#`>]/);
      for (const doc of docs) {
        const view = store.getDocument(doc.id)!;
        expect(view.sha256).toBe(sha256Hex(view.text));
        for (const p of view.paragraphs) expect(view.text.slice(p.start, p.end).trim()).toBe(view.text.slice(p.start, p.end));
      }
    } finally {
      store.close();
    }
    expect(verifyCorpusFile(out)).toMatchObject({ ok: true, mismatched: [] });
  });

  it('is deterministic: documents, ids, blocks, links, index and manifest are the same on a second build', () => {
    const { dir, sources } = copyMixed();
    buildCorpus({ sourcesDir: sources, outFile: path.join(dir, 'a.sqlite') });
    buildCorpus({ sourcesDir: sources, outFile: path.join(dir, 'b.sqlite') });
    const a = tableDump(path.join(dir, 'a.sqlite'));
    expect(a.documents).toHaveLength(5);
    expect(a.terms.length).toBeGreaterThan(50);
    expect(a).toEqual(tableDump(path.join(dir, 'b.sqlite')));
    const manifest = (file: string) => {
      const db = openDatabase(file, { readonly: true });
      try {
        const { createdAt, ...rest } = readManifest(db);
        expect(createdAt).toMatch(/^\d{4}-\d\d-\d\dT/);
        return rest;
      } finally {
        db.close();
      }
    };
    expect(manifest(path.join(dir, 'a.sqlite'))).toEqual(manifest(path.join(dir, 'b.sqlite')));
  });

  it('never follows symbolic links: a link to a file outside and a linked folder are skipped with a reason', () => {
    const { dir, sources } = copyMixed();
    const outside = path.join(dir, 'outside');
    fs.mkdirSync(outside);
    fs.writeFileSync(path.join(outside, 'secret.txt'), 'Secret outside the folder\n');
    fs.symlinkSync(path.join(outside, 'secret.txt'), path.join(sources, 'link-to-secret.txt'));
    fs.symlinkSync(outside, path.join(sources, 'linked-folder'));
    const summary = buildCorpus({ sourcesDir: sources, outFile: path.join(dir, 'c.sqlite') });
    expect(summary.documents).toBe(5);
    expect(summary.skipped.filter((s) => s.reason === 'symlink')).toEqual([
      { path: 'link-to-secret.txt', reason: 'symlink', message: 'symbolic link, not followed' },
      { path: 'linked-folder', reason: 'symlink', message: 'symbolic link, not followed' },
    ]);
    const db = openDatabase(path.join(dir, 'c.sqlite'), { readonly: true });
    try {
      expect(db.prepare("SELECT count(*) AS n FROM documents WHERE text LIKE '%Secret%'").get()).toEqual({ n: 0 });
    } finally {
      db.close();
    }
  });

  it('skips files over the size limit and hidden folders, and keeps building', () => {
    const { dir, sources } = copyMixed();
    fs.writeFileSync(path.join(sources, 'big.txt'), `Big\n\n${'word '.repeat(300_000)}`);
    fs.mkdirSync(path.join(sources, '.git'));
    fs.writeFileSync(path.join(sources, '.git', 'HEAD.txt'), 'ref: main\n');
    const summary = buildCorpus({ sourcesDir: sources, outFile: path.join(dir, 'd.sqlite'), maxFileBytes: 1024 * 1024 });
    expect(summary.documents).toBe(5);
    const reasons = Object.fromEntries(summary.skipped.map((s) => [s.path, `${s.reason}: ${s.message}`]));
    expect(reasons['big.txt']).toBe('too-large: 1.4 MB, over the 1 MB limit');
    expect(reasons['.git']).toBe('unsupported-type: hidden folder, not read');
  });

  it('skips a named pipe without reading it (reading would block the build forever)', () => {
    const { dir, sources } = copyMixed();
    execFileSync('mkfifo', [path.join(sources, 'pipe.txt')]);
    const summary = buildCorpus({ sourcesDir: sources, outFile: path.join(dir, 'p.sqlite') });
    expect(summary.documents).toBe(5);
    expect(summary.skipped.find((s) => s.path === 'pipe.txt')).toEqual({ path: 'pipe.txt', reason: 'not-a-file', message: 'not a regular file' });
  });

  it('skips a file that cannot be read any more (removed during the build) and goes on', () => {
    const { dir, sources } = copyMixed();
    const summary = buildCorpus({
      sourcesDir: sources,
      outFile: path.join(dir, 'u.sqlite'),
      onProgress: ({ phase, done }) => {
        // After the first file, the next one disappears before it is read.
        if (phase === 'reading' && done === 1) fs.rmSync(path.join(sources, 'hostile', 'hostile-page.html'));
      },
    });
    expect(summary.documents).toBe(4);
    expect(summary.skipped.find((s) => s.path === 'hostile/hostile-page.html')).toEqual({ path: 'hostile/hostile-page.html', reason: 'unreadable', message: 'cannot be read (ENOENT)' });
  });

  it('gives two files with the same path id distinct, stable ids', () => {
    const dir = tmpDir();
    const sources = path.join(dir, 'sources');
    fs.mkdirSync(sources);
    fs.writeFileSync(path.join(sources, 'report.txt'), 'Report as text\n');
    fs.writeFileSync(path.join(sources, 'report.md'), '# Report as Markdown\n');
    fs.writeFileSync(path.join(sources, 'report.html'), '<title>Report as HTML</title><p>body</p>');
    const out = path.join(dir, 'e.sqlite');
    buildCorpus({ sourcesDir: sources, outFile: out });
    const store = openCorpus(out);
    try {
      expect(store.listDocuments().map((d) => [d.id, d.sourcePath])).toEqual([
        ['report', 'report.html'],
        ['report-2', 'report.md'],
        ['report-3', 'report.txt'],
      ]);
    } finally {
      store.close();
    }
  });

  it('leaves the old corpus intact and no temporary file when a build fails midway', () => {
    const { dir, sources } = copyMixed();
    const out = path.join(dir, 'corpus.sqlite');
    buildCorpus({ sourcesDir: path.join(FIXTURES, 'corpus-small'), outFile: out });
    const before = fs.readFileSync(out);
    let seen = 0;
    const failing = () =>
      buildCorpus({
        sourcesDir: sources,
        outFile: out,
        onProgress: ({ done }) => {
          seen = done;
          // A failure after some documents were written to the temporary file (disk full, a bug).
          if (done === 4) throw new Error('disk full');
        },
      });
    expect(failing).toThrow('disk full');
    expect(seen).toBe(4);
    expect(fs.readFileSync(out).equals(before)).toBe(true);
    expect(fs.readdirSync(dir).sort()).toEqual(['corpus.sqlite', 'sources']);
  });

  it('removes temporary files left by a killed build, but not those of a running one', () => {
    const { dir, sources } = copyMixed();
    const out = path.join(dir, 'corpus.sqlite');
    const dead = `${out}.tmp-999999999`;
    const running = `${out}.tmp-${process.ppid}`;
    fs.writeFileSync(dead, 'half-written');
    fs.writeFileSync(running, 'another build in progress');
    buildCorpus({ sourcesDir: sources, outFile: out });
    expect(fs.existsSync(dead)).toBe(false);
    expect(fs.existsSync(running)).toBe(true);
  });

  it('reports progress for every file, then indexing', () => {
    const { dir, sources } = copyMixed();
    const seen: string[] = [];
    buildCorpus({ sourcesDir: sources, outFile: path.join(dir, 'f.sqlite'), onProgress: (p) => seen.push(`${p.phase} ${p.done}/${p.total}`) });
    expect(seen).toEqual([...Array.from({ length: 9 }, (_, i) => `reading ${i + 1}/9`), 'indexing 9/9', 'finishing 9/9']);
  });
});

describe('buildCorpusInSlices (the app builds in the background)', () => {
  it('writes the same corpus as the one-go build, in many slices', async () => {
    const { dir, sources } = copyMixed();
    buildCorpus({ sourcesDir: sources, outFile: path.join(dir, 'a.sqlite') });
    let turns = 0;
    const ticker = setInterval(() => turns++, 0);
    try {
      // A slice of 0 ms pauses after every step: the event loop turns between them.
      await buildCorpusInSlices({ sourcesDir: sources, outFile: path.join(dir, 'b.sqlite') }, { sliceMs: 0 });
    } finally {
      clearInterval(ticker);
    }
    expect(turns).toBeGreaterThan(0);
    expect(tableDump(path.join(dir, 'b.sqlite'))).toEqual(tableDump(path.join(dir, 'a.sqlite')));
  });

  it('stops when cancelled, leaving neither the corpus nor a temporary file', async () => {
    const { dir, sources } = copyMixed();
    const out = path.join(dir, 'c.sqlite');
    const controller = new AbortController();
    const phases: string[] = [];
    const build = buildCorpusInSlices(
      {
        sourcesDir: sources,
        outFile: out,
        onProgress: (p) => {
          phases.push(p.phase);
          if (p.done === 3) controller.abort();
        },
      },
      { sliceMs: 0, signal: controller.signal },
    );
    await expect(build).rejects.toBeInstanceOf(StepsCancelled);
    expect(phases).not.toContain('indexing');
    expect(fs.readdirSync(dir).filter((name) => name.startsWith('c.sqlite'))).toEqual([]);
  });

  it('keeps an existing corpus file untouched when a rebuild of it is cancelled', async () => {
    const { dir, sources } = copyMixed();
    const out = path.join(dir, 'd.sqlite');
    buildCorpus({ sourcesDir: sources, outFile: out });
    const before = sha256Hex(fs.readFileSync(out));
    const controller = new AbortController();
    const build = buildCorpusInSlices(
      { sourcesDir: sources, outFile: out, onProgress: (p) => p.phase === 'indexing' && controller.abort() },
      { sliceMs: 0, signal: controller.signal },
    );
    await expect(build).rejects.toBeInstanceOf(StepsCancelled);
    expect(sha256Hex(fs.readFileSync(out))).toBe(before);
    expect(fs.readdirSync(dir).filter((name) => name.startsWith('d.sqlite'))).toEqual(['d.sqlite']);
  });
});
