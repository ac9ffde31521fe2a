/**
 * `npm run bench`: Carrel's search against SQLite FTS5 (bm25) on real texts from Debian
 * packages. Options: --sizes 1k,10k,full  --skip-relevance  --queries-per-kind 100  --relevance-queries 400
 *   --skip-sizes (relevance only)  --rounds 3 (alternating measurements per size; medians reported)
 * Corpora, queries and build figures are cached in bench/data (delete a corpus to rebuild it).
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { openDatabase } from '../electron/node/sqlite/open-database';
import { ensureBenchCorpus, gcideDocs, kjvChapters, kjvVerseDocs, sizedDocs, type SourceDoc } from './bench-corpora';
import { makeQueries, prng, QUERY_KINDS, verseQuery, wordsQuery, type BenchQuery } from './bench-queries';
import { DEFINITION_LENGTHS, definitionJudgments, definitionWords } from './definition-judgments';
import { DATA_DIR, ensurePackages, readBible, readGcide } from './debian-texts';

type Record_ = { size: string; engine: string; figure: string; value: number; unit: string };

const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: '1k,10k,full' },
    'skip-relevance': { type: 'boolean', default: false },
    'skip-sizes': { type: 'boolean', default: false },
    'queries-per-kind': { type: 'string', default: '100' },
    'relevance-queries': { type: 'string', default: '400' },
    rounds: { type: 'string', default: '3' },
  },
});
const log = (line: string) => process.stderr.write(`${line}\n`);
const records: Record_[] = [];
const add = (size: string, engine: string, figure: string, value: number, unit: string) => records.push({ size, engine, figure, value, unit });

const root = ensurePackages(log);
let texts: { chapters: SourceDoc[]; entries: SourceDoc[]; kjv: Map<string, string> } | undefined;
const loadTexts = () => {
  if (!texts) {
    log('Reading the KJV and GCIDE …');
    const kjv = readBible(root, 'kjv');
    texts = { kjv, chapters: kjvChapters(kjv), entries: gcideDocs(readGcide(root)) };
  }
  return texts;
};

function measure(
  engine: 'carrel' | 'fts5',
  file: string,
  queries: string[],
  extra: { expected?: string[]; kinds?: string[]; warmup?: string[] } = {},
): Record<string, number> {
  const jobFile = path.join(DATA_DIR, `job-${engine}.json`);
  fs.writeFileSync(jobFile, JSON.stringify({ engine, file, queries, ...extra }));
  const out = execFileSync(process.execPath, ['--expose-gc', '--import', 'tsx', path.join(__dirname, 'measure.ts'), jobFile], {
    cwd: path.resolve(__dirname, '..'),
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
    maxBuffer: 64 * 1024 * 1024,
  });
  return JSON.parse(out.trim().split('\n').pop()!) as Record<string, number>;
}

/** Each figure's median over several measurements (the upper middle one for an even count). */
function medianOf(list: Record<string, number>[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const key of Object.keys(list[0]!)) {
    const sorted = list.map((m) => m[key]!).sort((x, y) => x - y);
    out[key] = sorted[Math.floor(sorted.length / 2)]!;
  }
  return out;
}

function cachedQueries(name: string, file: string, perKind: number, seed = 7): BenchQuery[] {
  const cache = path.join(DATA_DIR, 'corpora', `${name}.queries-v2-${perKind}${seed === 7 ? '' : `-seed${seed}`}.json`);
  if (fs.existsSync(cache)) return JSON.parse(fs.readFileSync(cache, 'utf8')) as BenchQuery[];
  const db = openDatabase(file, { readonly: true });
  try {
    const queries = makeQueries(db, perKind, seed);
    fs.writeFileSync(cache, JSON.stringify(queries));
    return queries;
  } finally {
    db.close();
  }
}

const perKind = Number(values['queries-per-kind']);
/** Warm-up queries per kind, run once by each engine before its timed queries. */
const WARMUP_PER_KIND = 50;
for (const size of values['skip-sizes'] ? [] : values.sizes!.split(',')) {
  const n = size === 'full' ? 'full' : Number(size.replace(/k$/, '000'));
  const name = `size-${size}`;
  const { file, figures, cached } = ensureBenchCorpus(name, () => sizedDocs(n, loadTexts().chapters, loadTexts().entries), log);
  log(`${name}: ${figures.documents} documents${cached ? ' (cached build)' : ''}; measuring …`);
  const queries = cachedQueries(name, file, perKind);
  // The warm-up round: other queries of the same kinds (another seed), none of the timed ones.
  const timed = new Set(queries.map((q) => q.carrel));
  const warmup = cachedQueries(name, file, WARMUP_PER_KIND, 13).filter((q) => !timed.has(q.carrel));
  add(size, 'builder', 'documents', figures.documents, 'docs');
  add(size, 'builder', 'build time (whole builder)', figures.builderMs, 'ms');
  add(size, 'builder', 'throughput', figures.sourceBytes / 1024 / 1024 / (figures.builderMs / 1000), 'MB/s');
  add(size, 'carrel', 'index build time', figures.carrelIndexMs, 'ms');
  add(size, 'fts5', 'index build time', figures.fts5BuildMs, 'ms');
  add(size, 'carrel', 'index size', figures.carrelIndexBytes / 1024 / 1024, 'MB');
  add(size, 'fts5', 'index size', figures.fts5IndexBytes / 1024 / 1024, 'MB');
  add(size, 'carrel', 'file size (documents + index)', figures.carrelFileBytes / 1024 / 1024, 'MB');
  add(size, 'fts5', 'file size (documents + index)', (figures.fileBytesWithBoth - figures.carrelIndexBytes) / 1024 / 1024, 'MB');
  // Rounds alternate the engines, each in a fresh process; each figure is the median of its rounds
  // (the machine is shared: a burst of load then falls on one round of both engines, not on one engine).
  const rounds = { carrel: [] as Record<string, number>[], fts5: [] as Record<string, number>[] };
  for (let round = 0; round < Number(values.rounds); round++) {
    for (const engine of ['carrel', 'fts5'] as const) {
      rounds[engine].push(measure(engine, file, queries.map((q) => q[engine]), { kinds: queries.map((q) => q.kind), warmup: warmup.map((q) => q[engine]) }));
    }
  }
  for (const engine of ['carrel', 'fts5'] as const) {
    const m = medianOf(rounds[engine]);
    add(size, engine, 'open to first answer', m.firstAnswerMs!, 'ms');
    add(size, engine, 'heap after load', m.heapAfterLoadMB!, 'MB');
    add(size, engine, 'query p50 (top 20 + snippets)', m.p50Ms!, 'ms');
    add(size, engine, 'query p95 (top 20 + snippets)', m.p95Ms!, 'ms');
    add(size, engine, 'query max', m.maxMs!, 'ms');
    add(size, engine, 'query p95, first run of each query', m.firstRunP95Ms!, 'ms');
    for (const kind of QUERY_KINDS) {
      add(size, engine, `${kind} queries p50`, m[`p50Ms.${kind}`]!, 'ms');
      add(size, engine, `${kind} queries p95`, m[`p95Ms.${kind}`]!, 'ms');
    }
    add(size, engine, 'heap after all queries', m.heapAfterQueriesMB!, 'MB');
    add(size, engine, 'array buffers after all queries', m.arrayBuffersAfterQueriesMB!, 'MB');
    add(size, engine, 'RSS after load', m.rssAfterLoadMB!, 'MB');
    add(size, engine, 'RSS after all queries', m.rssAfterQueriesMB!, 'MB');
    add(size, engine, 'queries', queries.length, 'queries');
  }
}

if (!values['skip-relevance']) {
  const name = 'kjv-verses';
  const { file, figures } = ensureBenchCorpus(name, () => kjvVerseDocs(loadTexts().kjv), log);
  log(`${name}: ${figures.documents} verses; relevance …`);
  const db = openDatabase(file, { readonly: true });
  const kjvIds = new Set(db.prepare('SELECT id FROM documents').pluck().all() as string[]);
  db.close();
  const web = readBible(root, 'web');
  const nt = [...web].filter(([ref, text]) => kjvIds.has(ref) && text.length < 600 && /^(Matt|Mark|Luke|John|Acts|Rom|1Cor|2Cor|Gal|Eph|Phil|Col|1Thess|2Thess|1Tim|2Tim|Titus|Phlm|Heb|Jas|1Pet|2Pet|1John|2John|3John|Jude|Rev)\./.test(ref));
  const random = prng(11);
  const count = Math.min(Number(values['relevance-queries']), nt.length);
  const sample: [string, string][] = [];
  const taken = new Set<number>();
  while (sample.length < count) {
    const i = Math.floor(random() * nt.length);
    if (!taken.has(i)) {
      taken.add(i);
      sample.push(nt[i]!);
    }
  }
  for (const engine of ['carrel', 'fts5'] as const) {
    const m = measure(engine, file, sample.map(([, text]) => verseQuery(text)[engine]), { expected: sample.map(([ref]) => ref) });
    add('kjv-verses', engine, 'MRR (WEB verse → KJV verse, top 100)', m.mrr!, '');
    add('kjv-verses', engine, 'recall@10', m.recallAt10!, '');
    add('kjv-verses', engine, 'P@1', m.precisionAt1!, '');
    add('kjv-verses', engine, 'relevance queries', sample.length, 'queries');
  }

  // Dictionary sets (issue 13): an entry's first definition as the query (whole, first five and
  // first three words), that entry the one right answer, over the full corpus.
  const full = ensureBenchCorpus('size-full', () => sizedDocs('full', loadTexts().chapters, loadTexts().entries), log);
  const fullDb = openDatabase(full.file, { readonly: true });
  const fullIds = new Set(fullDb.prepare('SELECT id FROM documents').pluck().all() as string[]);
  fullDb.close();
  const entries = gcideDocs(readGcide(root));
  const judgments = definitionJudgments(readGcide(root), Number(values['relevance-queries']), prng(5), (i) => fullIds.has(entries[i]!.name));
  log(`size-full: ${judgments.length} dictionary definitions as queries; relevance …`);
  for (const length of DEFINITION_LENGTHS) {
    const set = `definitions (${length})`;
    for (const engine of ['carrel', 'fts5'] as const) {
      const queries = judgments.map((j) => wordsQuery(definitionWords(j, length))[engine]);
      const m = measure(engine, full.file, queries, { expected: judgments.map((j) => entries[j.entry]!.name) });
      add(set, engine, 'MRR (definition → entry, top 100)', m.mrr!, '');
      add(set, engine, 'recall@10', m.recallAt10!, '');
      add(set, engine, 'P@1', m.precisionAt1!, '');
      add(set, engine, 'relevance queries', judgments.length, 'queries');
    }
  }
}

// Table: one row per size × figure, engines side by side.
const rows = new Map<string, { size: string; figure: string; unit: string; values: Map<string, number> }>();
for (const r of records) {
  const key = `${r.size}\0${r.figure}`;
  const row = rows.get(key) ?? { size: r.size, figure: r.figure, unit: r.unit, values: new Map<string, number>() };
  row.values.set(r.engine, r.value);
  rows.set(key, row);
}
const fmt = (v: number | undefined) => (v === undefined ? '' : Math.abs(v) >= 100 ? v.toFixed(0) : Math.abs(v) >= 1 ? v.toFixed(2) : v.toFixed(3));
const header = ['size', 'figure', 'carrel', 'fts5', 'builder', 'unit'];
const table = [...rows.values()].map((r) => [r.size, r.figure, fmt(r.values.get('carrel')), fmt(r.values.get('fts5')), fmt(r.values.get('builder')), r.unit]);
const widths = header.map((h, i) => Math.max(h.length, ...table.map((row) => row[i]!.length)));
const line = (cells: string[]) => cells.map((c, i) => (i >= 2 && i <= 4 ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join('  ');
console.log(line(header));
console.log(widths.map((w) => '-'.repeat(w)).join('  '));
for (const row of table) console.log(line(row));

const resultsDir = path.join(__dirname, 'results');
fs.mkdirSync(resultsDir, { recursive: true });
fs.writeFileSync(
  path.join(resultsDir, 'latest.json'),
  JSON.stringify({ date: new Date().toISOString(), node: process.version, cpus: os.cpus().length, loadavg: os.loadavg(), records }, null, 2) + '\n',
);
log(`Wrote ${path.join('bench', 'results', 'latest.json')}`);
