import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { buildCorpus } from '../electron/node/corpus/build-corpus';
import { BUILDER_VERSION, CORPUS_FORMAT_VERSION, CORPUS_SCHEMA } from '../electron/node/corpus/corpus-format';
import { writeSearchIndex, type IndexableDocument } from '../electron/node/search/build-search-index';
import { openDatabase } from '../electron/node/sqlite/open-database';
import { DATA_DIR, type DictionaryEntry } from './debian-texts';

export type SourceDoc = { name: string; title: string; source: string; text: string };

export type BuildFigures = {
  documents: number;
  sourceBytes: number;
  /** buildCorpus end to end: reading, parsing, documents, paragraphs and Carrel's index. */
  builderMs: number;
  /** Carrel's index alone (writeSearchIndex over the built documents), comparable to fts5BuildMs. */
  carrelIndexMs: number;
  /** Bytes of the corpus file as the builder writes it (documents + Carrel's index). */
  carrelFileBytes: number;
  /** Bytes of Carrel's index tables, and of the FTS5 index added afterwards. */
  carrelIndexBytes: number;
  fts5IndexBytes: number;
  fts5BuildMs: number;
  fileBytesWithBoth: number;
};

/** KJV chapters (long documents) from verses keyed `Book.c.v`, in canonical order. */
export function kjvChapters(verses: Map<string, string>): SourceDoc[] {
  const chapters = new Map<string, string[]>();
  for (const [ref, text] of verses) {
    const chapter = ref.slice(0, ref.lastIndexOf('.'));
    const list = chapters.get(chapter) ?? [];
    list.push(`${ref.slice(ref.lastIndexOf('.') + 1)} ${text.replace(/^¶\s*/, '')}`);
    chapters.set(chapter, list);
  }
  return [...chapters].map(([chapter, list], i) => ({
    name: `kjv-${String(i).padStart(4, '0')}-${chapter}`,
    title: `${chapter.replace('.', ' ')} (KJV)`,
    source: 'King James Version',
    text: list.join('\n'),
  }));
}

export function gcideDocs(entries: DictionaryEntry[]): SourceDoc[] {
  return entries.map((entry, i) => ({
    name: `gcide-${String(i).padStart(6, '0')}`,
    title: entry.headword,
    source: 'GCIDE',
    text: entry.text,
  }));
}

export function kjvVerseDocs(verses: Map<string, string>): SourceDoc[] {
  return [...verses].map(([ref, text]) => ({ name: ref, title: ref, source: 'King James Version', text: text.replace(/^¶\s*/, '') }));
}

/** Corpus of a given size: KJV chapters for a tenth (at most all 1,189), GCIDE entries spread evenly for the rest. */
export function sizedDocs(size: number | 'full', chapters: SourceDoc[], entries: SourceDoc[]): SourceDoc[] {
  if (size === 'full') return [...chapters, ...entries];
  const longDocs = chapters.slice(0, Math.min(chapters.length, Math.round(size / 10)));
  const shortCount = size - longDocs.length;
  const step = entries.length / shortCount;
  const short = Array.from({ length: shortCount }, (_, i) => entries[Math.floor(i * step)]!);
  return [...longDocs, ...short];
}

function writeSources(dir: string, docs: SourceDoc[], title: string): number {
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'carrel-corpus.json'), JSON.stringify({ id: path.basename(dir), title }));
  let bytes = 0;
  for (const doc of docs) {
    const body = `---\ntitle: ${JSON.stringify(doc.title)}\nsource: ${JSON.stringify(doc.source)}\nlanguage: "en"\n---\n${doc.text}\n`;
    fs.writeFileSync(path.join(dir, `${doc.name}.txt`), body);
    bytes += Buffer.byteLength(body);
  }
  return bytes;
}

/** The sources that decide what the index holds (query-time code may change freely). */
const INDEX_SOURCES = ['analyse.ts', 'arabic-fold.ts', 'build-search-index.ts', 'normalise.ts', 'postings.ts', 'search-fields.ts', 'tokenise.ts'];

/** A cached corpus is reused only if built by this corpus format, builder and search indexer. */
function cacheKey(): string {
  const searchDir = path.resolve(__dirname, '..', 'electron', 'node', 'search');
  const hash = createHash('sha256').update(`${CORPUS_FORMAT_VERSION} ${BUILDER_VERSION}`);
  for (const name of INDEX_SOURCES) hash.update(fs.readFileSync(path.join(searchDir, name)));
  // The schema too: a column added within one format version still needs a rebuilt file.
  hash.update(fs.readFileSync(path.resolve(searchDir, '..', 'corpus', 'corpus-format.ts')));
  return hash.digest('hex');
}

/** Rebuilds Carrel's index from the built documents into a scratch database, timed. */
function timeCarrelIndex(file: string): number {
  const source = openDatabase(file, { readonly: true });
  const scratch = openDatabase(':memory:');
  try {
    const docs = source.prepare('SELECT title, text, author, source FROM documents ORDER BY ord').all() as IndexableDocument[];
    scratch.exec(CORPUS_SCHEMA);
    const started = performance.now();
    scratch.transaction(() => writeSearchIndex(scratch, docs))();
    return performance.now() - started;
  } finally {
    source.close();
    scratch.close();
  }
}

function tableBytes(file: string, names: (name: string) => boolean): number {
  const db = openDatabase(file, { readonly: true });
  try {
    const rows = db.prepare('SELECT name, SUM(pgsize) AS bytes FROM dbstat GROUP BY name').all() as { name: string; bytes: number }[];
    return rows.filter((r) => names(r.name)).reduce((sum, r) => sum + r.bytes, 0);
  } finally {
    db.close();
  }
}

/**
 * Builds (or reuses) bench/data/corpora/<name>.sqlite: the sources written as files, built by
 * the real corpus builder, then an FTS5 index (bm25) added to the same file for comparison.
 * Figures are cached next to the file so that a rerun does not rebuild.
 */
export function ensureBenchCorpus(name: string, docs: () => SourceDoc[], log: (line: string) => void): { file: string; figures: BuildFigures; cached: boolean } {
  const file = path.join(DATA_DIR, 'corpora', `${name}.sqlite`);
  const figuresFile = `${file}.figures.json`;
  const key = cacheKey();
  if (fs.existsSync(file) && fs.existsSync(figuresFile)) {
    const cached = JSON.parse(fs.readFileSync(figuresFile, 'utf8')) as BuildFigures & { key?: string };
    if (cached.key === key) return { file, figures: cached, cached: true };
  }
  const sourcesDir = path.join(DATA_DIR, 'sources', name);
  const list = docs();
  log(`Writing ${list.length} source files for ${name} …`);
  const sourceBytes = writeSources(sourcesDir, list, `Bench corpus ${name}`);
  log(`Building ${name} with the corpus builder …`);
  fs.rmSync(figuresFile, { force: true });
  const summary = buildCorpus({ sourcesDir, outFile: file });
  const carrelFileBytes = fs.statSync(file).size;
  const carrelIndexBytes = tableBytes(file, (t) => t.startsWith('search_') || t.startsWith('sqlite_autoindex_search_'));
  const carrelIndexMs = timeCarrelIndex(file);
  log(`Adding the FTS5 index to ${name} …`);
  const db = openDatabase(file);
  const started = performance.now();
  try {
    db.exec(`CREATE VIRTUAL TABLE fts USING fts5(title, text, content='documents', content_rowid='ord', tokenize='porter unicode61 remove_diacritics 2');
             INSERT INTO fts(fts) VALUES ('rebuild');`);
  } finally {
    db.close();
  }
  const fts5BuildMs = performance.now() - started;
  const figures: BuildFigures = {
    documents: summary.documents,
    sourceBytes,
    builderMs: summary.durationMs,
    carrelIndexMs,
    carrelFileBytes,
    carrelIndexBytes,
    fts5IndexBytes: tableBytes(file, (t) => t === 'fts' || t.startsWith('fts_')),
    fts5BuildMs,
    fileBytesWithBoth: fs.statSync(file).size,
  };
  fs.writeFileSync(figuresFile, JSON.stringify({ ...figures, key }, null, 2));
  fs.rmSync(sourcesDir, { recursive: true, force: true });
  return { file, figures, cached: false };
}
