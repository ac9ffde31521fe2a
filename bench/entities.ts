/**
 * `npm run bench:entities`: the entity index against hand labels, and what it costs a build.
 * 1. Precision and recall per type on the five bundled articles against
 *    tests/fixtures/entities/labels.json: per document, an entry of the index that names an
 *    entity there counts as right when one of its spellings is one of a labelled entity's
 *    (compared normalised, entity-key.ts), and a labelled entity is found when an entry matches it.
 * 2. With --gcide (Debian's GCIDE, ~127k files, as bench:build): the same build without and with
 *    the entity index, each in its own process (wall time, CPU time of all its threads, peak
 *    RSS), and their ratios.
 * Figures go to bench/results/entities.json.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { ENTITY_TYPES, type EntityType } from '../electron/common/entities/entity-types';
import { buildCorpus } from '../electron/node/corpus/build-corpus';
import { openDatabase } from '../electron/node/sqlite/open-database';
import { normaliseName } from '../electron/node/entities/entity-key';
import { DATA_DIR, ensurePackages, readGcide, writeEntriesAsFiles } from './debian-texts';

const ROOT = path.resolve(__dirname, '..');
const { values } = parseArgs({ options: { gcide: { type: 'boolean', default: false }, limit: { type: 'string' }, child: { type: 'string' }, out: { type: 'string' }, without: { type: 'boolean', default: false } } });
const log = (line: string) => process.stderr.write(`${line}\n`);

if (values.child) {
  // One build in this process: its wall time and peak RSS.
  const t0 = performance.now();
  buildCorpus({ sourcesDir: values.child, outFile: values.out!, title: 'GCIDE', withoutEntities: values.without });
  const usage = process.resourceUsage();
  // CPU time of every thread of the process (the machine is shared: wall time swings, CPU time less).
  const cpuS = +((usage.userCPUTime + usage.systemCPUTime) / 1e6).toFixed(2);
  console.log(JSON.stringify({ wallS: +((performance.now() - t0) / 1000).toFixed(2), cpuS, peakRssMB: Math.round(usage.maxRSS / 1024) }));
  process.exit(0);
}

type Labels = { documents: Record<string, Record<EntityType, string[][]>> };

function quality() {
  const labels = JSON.parse(fs.readFileSync(path.join(ROOT, 'tests', 'fixtures', 'entities', 'labels.json'), 'utf8')) as Labels;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'carrel-entities-bench-'));
  const file = path.join(dir, 'bundled.sqlite');
  buildCorpus({ sourcesDir: path.join(ROOT, 'resources', 'corpus', 'sources'), outFile: file });
  const db = openDatabase(file, { readonly: true });
  const rows = db
    .prepare(
      `SELECT DISTINCT d.id AS doc, e.ord AS entity, e.type, e.name, v.name AS variant FROM entity_mentions m
       JOIN entity_variants v ON v.ord = m.variant JOIN entities e ON e.ord = v.entity JOIN documents d ON d.ord = m.doc_ord`,
    )
    .all() as { doc: string; entity: number; type: EntityType; name: string; variant: string }[];
  db.close();
  fs.rmSync(dir, { recursive: true, force: true });
  const predicted = new Map<string, Map<number, { type: EntityType; names: Set<string>; shown: string }>>();
  for (const r of rows) {
    let doc = predicted.get(r.doc);
    if (!doc) predicted.set(r.doc, (doc = new Map()));
    let e = doc.get(r.entity);
    if (!e) doc.set(r.entity, (e = { type: r.type, names: new Set([normaliseName(r.name)]), shown: r.name }));
    e.names.add(normaliseName(r.variant));
  }
  const result: Record<string, { predicted: number; correct: number; labelled: number; found: number; precision: number; recall: number }> = {};
  const wrong: string[] = [];
  const missed: string[] = [];
  for (const type of ENTITY_TYPES) {
    let p = 0, correct = 0, labelled = 0, found = 0;
    for (const [docId, byType] of Object.entries(labels.documents)) {
      const gold = (byType[type] ?? []).map((aliases) => new Set(aliases.map(normaliseName)));
      const mine = [...(predicted.get(docId)?.values() ?? [])].filter((e) => e.type === type);
      p += mine.length;
      labelled += gold.length;
      for (const e of mine) {
        if (gold.some((g) => [...e.names].some((n) => g.has(n)))) correct++;
        else wrong.push(`${type} ${docId.slice(0, 3)} ${e.shown}`);
      }
      for (const [k, g] of gold.entries()) {
        if (mine.some((e) => [...e.names].some((n) => g.has(n)))) found++;
        else missed.push(`${type} ${docId.slice(0, 3)} ${(byType[type] ?? [])[k]![0]}`);
      }
    }
    result[type] = { predicted: p, correct, labelled, found, precision: +(correct / Math.max(1, p)).toFixed(3), recall: +(found / Math.max(1, labelled)).toFixed(3) };
  }
  return { perType: result, wrong, missed };
}

function buildCost() {
  const entries = readGcide(ensurePackages(log, ['dict-gcide'])).slice(0, values.limit ? Number(values.limit) : undefined);
  const sources = path.join(DATA_DIR, 'sources', 'gcide-entities');
  writeEntriesAsFiles(entries, sources, log);
  const run = (without: boolean) => {
    const out = path.join(DATA_DIR, 'corpora', `gcide-entities-${without ? 'without' : 'with'}.sqlite`);
    const args = ['--import', 'tsx', __filename, '--child', sources, '--out', out, ...(without ? ['--without'] : [])];
    const figures = JSON.parse(execFileSync(process.execPath, args, { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] })) as { wallS: number; cpuS: number; peakRssMB: number };
    const db = openDatabase(out, { readonly: true });
    const counts = db.prepare('SELECT (SELECT count(*) FROM entities) AS entities, (SELECT count(*) FROM entity_mentions) AS mentions').get() as { entities: number; mentions: number };
    db.close();
    return { ...figures, ...counts, fileMB: +(fs.statSync(out).size / 1024 / 1024).toFixed(1) };
  };
  log('Building GCIDE without the entity index …');
  const without = run(true);
  log('Building GCIDE with the entity index …');
  const withIndex = run(false);
  fs.rmSync(sources, { recursive: true, force: true });
  return {
    documents: entries.length,
    without,
    with: withIndex,
    timeRatio: +(withIndex.wallS / without.wallS).toFixed(2),
    cpuRatio: +(withIndex.cpuS / without.cpuS).toFixed(2),
    rssDeltaMB: withIndex.peakRssMB - without.peakRssMB,
  };
}

const q = quality();
for (const [type, r] of Object.entries(q.perType)) log(`${type.padEnd(7)} precision ${r.precision.toFixed(3)} (${r.correct}/${r.predicted})  recall ${r.recall.toFixed(3)} (${r.found}/${r.labelled})`);
const figures = { date: new Date().toISOString(), quality: q, ...(values.gcide ? { gcide: buildCost() } : {}) };
fs.mkdirSync(path.join(__dirname, 'results'), { recursive: true });
fs.writeFileSync(path.join(__dirname, 'results', 'entities.json'), `${JSON.stringify(figures, null, 2)}\n`);
console.log(JSON.stringify({ ...figures, quality: q.perType }, null, 2));
