/**
 * `npm run bench:build`: throughput of the corpus builder on Debian's GCIDE split into one
 * file per entry (about 127k files), phase by phase, with wall and CPU time and peak memory.
 * Options: --limit N (first N entries), --keep (leave the sources in bench/data/sources),
 * --compare N (N rounds of two builds in child processes, one without finding repeated passages
 * and one with, alternating which goes first, so both see the same load: the cost of that work
 * as ratios of wall and CPU time and peak RSS; figures to bench/results/corpus-build-repeated.json).
 * --without-entities: no entity index. --index-threads N: the search index in N worker threads (0: in the build's thread; default: the
 * builder's own choice). --compare-index N: N rounds of three builds in child processes, the index in
 * the build's thread, in 1 and in 2 worker threads, in turns (figures to
 * bench/results/corpus-build-index.json).
 * Figures go to bench/results/corpus-build.json.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { buildCorpus, type BuildPhase } from '../electron/node/corpus/build-corpus';
import { openDatabase } from '../electron/node/sqlite/open-database';
import { DATA_DIR, ensurePackages, readGcide, writeEntriesAsFiles } from './debian-texts';

const { values } = parseArgs({
  options: {
    limit: { type: 'string' },
    keep: { type: 'boolean', default: false },
    compare: { type: 'string' },
    // A child of --compare: build the sources already written, print the figures, nothing else.
    child: { type: 'boolean', default: false },
    'without-repeated': { type: 'boolean', default: false },
    'index-threads': { type: 'string' },
    'without-entities': { type: 'boolean', default: false },
    'compare-index': { type: 'string' },
  },
});
const log = (line: string) => process.stderr.write(`${line}\n`);

const sources = path.join(DATA_DIR, 'sources', 'gcide-build');
if (!values.child) {
  const entries = readGcide(ensurePackages(log)).slice(0, values.limit ? Number(values.limit) : undefined);
  writeEntriesAsFiles(entries, sources, log);
}
if (values.compare) {
  compare(Number(values.compare));
  process.exit(0);
}
if (values['compare-index']) {
  compareIndex(Number(values['compare-index']));
  process.exit(0);
}
const indexThreads = values['index-threads'] === undefined ? undefined : Number(values['index-threads']);

const cpu = () => {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1000;
};
const outFile = path.join(DATA_DIR, 'corpora', 'gcide-build.sqlite');
const marks: Partial<Record<BuildPhase | 'end', { wall: number; cpu: number }>> = {};
const t0 = performance.now();
const c0 = cpu();
const mark = (phase: BuildPhase | 'end') => (marks[phase] ??= { wall: performance.now() - t0, cpu: cpu() - c0 });
log('Building …');
const summary = buildCorpus({ sourcesDir: sources, outFile, title: 'GCIDE', onProgress: (p) => mark(p.phase), repeatedPassages: !values['without-repeated'], withoutEntities: values['without-entities'], ...(indexThreads === undefined ? {} : indexThreads === 0 ? { indexWorker: false } : { indexThreads }) });
mark('end');
const mb = summary.totalBytes / 1024 / 1024;
const span = (from: BuildPhase, to: BuildPhase | 'end') => ({
  wallS: +((marks[to]!.wall - marks[from]!.wall) / 1000).toFixed(2),
  cpuS: +((marks[to]!.cpu - marks[from]!.cpu) / 1000).toFixed(2),
});
const reading = span('reading', 'indexing');
const figures = {
  date: new Date().toISOString(),
  documents: summary.documents,
  skipped: summary.skipped.length,
  sourceMB: +mb.toFixed(1),
  textMChars: +(summary.textChars / 1e6).toFixed(1),
  listingS: +(marks.reading!.wall / 1000).toFixed(2),
  reading: { ...reading, mbPerSWall: +(mb / reading.wallS).toFixed(1), mbPerSCpu: +(mb / reading.cpuS).toFixed(1) },
  indexing: span('indexing', 'finishing'),
  finishing: span('finishing', 'end'),
  totalS: +(marks.end!.wall / 1000).toFixed(2),
  totalMbPerS: +(mb / (marks.end!.wall / 1000)).toFixed(1),
  cpuS: +(marks.end!.cpu / 1000).toFixed(2),
  peakRssMB: Math.round(process.resourceUsage().maxRSS / 1024),
  loadAverage: os.loadavg().map((l) => +l.toFixed(2)),
  corpusFileMB: +(fs.statSync(outFile).size / 1024 / 1024).toFixed(1),
};
if (values.child) {
  console.log(JSON.stringify(figures));
  process.exit(0);
}
fs.mkdirSync(path.join(__dirname, 'results'), { recursive: true });
fs.writeFileSync(path.join(__dirname, 'results', 'corpus-build.json'), `${JSON.stringify(figures, null, 2)}\n`);
console.log(JSON.stringify(figures, null, 2));
if (!values.keep) fs.rmSync(sources, { recursive: true, force: true });

type Figures = typeof figures;

/** Builds without and with repeated passages in turn, each in a fresh process, and reports the ratios. */
function compare(rounds: number): void {
  const run = (without: boolean): Figures & { repeatedGroups: number } => {
    const args = ['--import', 'tsx', __filename, '--child', ...(without ? ['--without-repeated'] : [])];
    const out = execFileSync(process.execPath, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 1 << 24 });
    const figures = JSON.parse(out.trim().split('\n').pop()!) as Figures;
    return { ...figures, repeatedGroups: repeatedGroups(path.join(DATA_DIR, 'corpora', 'gcide-build.sqlite')) };
  };
  const runs: { without: ReturnType<typeof run>; with: ReturnType<typeof run> }[] = [];
  for (let r = 0; r < rounds; r++) {
    log(`Round ${r + 1} of ${rounds} …`);
    if (r % 2 === 0) {
      const without = run(true);
      runs.push({ without, with: run(false) });
    } else {
      const withRepeated = run(false);
      runs.push({ without: run(true), with: withRepeated });
    }
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  const cpuOf = (f: Figures) => f.reading.cpuS + f.indexing.cpuS + f.finishing.cpuS;
  const summary = {
    date: new Date().toISOString(),
    rounds,
    documents: runs[0]!.with.documents,
    repeatedGroups: runs[0]!.with.repeatedGroups,
    loadAverage: os.loadavg().map((l) => +l.toFixed(2)),
    wallS: { without: median(runs.map((r) => r.without.totalS)), with: median(runs.map((r) => r.with.totalS)) },
    cpuS: { without: +median(runs.map((r) => cpuOf(r.without))).toFixed(2), with: +median(runs.map((r) => cpuOf(r.with))).toFixed(2) },
    indexingWallS: { without: median(runs.map((r) => r.without.indexing.wallS)), with: median(runs.map((r) => r.with.indexing.wallS)) },
    peakRssMB: { without: median(runs.map((r) => r.without.peakRssMB)), with: median(runs.map((r) => r.with.peakRssMB)) },
    corpusFileMB: { without: runs[0]!.without.corpusFileMB, with: runs[0]!.with.corpusFileMB },
    ratios: {} as Record<string, number>,
    runs: runs.map((r) => ({ without: { totalS: r.without.totalS, cpuS: +cpuOf(r.without).toFixed(2), peakRssMB: r.without.peakRssMB }, with: { totalS: r.with.totalS, cpuS: +cpuOf(r.with).toFixed(2), peakRssMB: r.with.peakRssMB } })),
  };
  summary.ratios = {
    wall: +(summary.wallS.with / summary.wallS.without).toFixed(3),
    cpu: +(summary.cpuS.with / summary.cpuS.without).toFixed(3),
    peakRssDeltaMB: summary.peakRssMB.with - summary.peakRssMB.without,
  };
  fs.mkdirSync(path.join(__dirname, 'results'), { recursive: true });
  fs.writeFileSync(path.join(__dirname, 'results', 'corpus-build-repeated.json'), `${JSON.stringify(summary, null, 2)}\n`);
  console.log(JSON.stringify(summary, null, 2));
  if (!values.keep) fs.rmSync(sources, { recursive: true, force: true });
}

/** Builds with the search index in the build's thread, in 1 and in 2 worker threads, in turns, each in a fresh process. */
function compareIndex(rounds: number): void {
  const variants = [0, 1, 2];
  const run = (threads: number): Figures => {
    const args = ['--import', 'tsx', __filename, '--child', '--index-threads', String(threads)];
    const out = execFileSync(process.execPath, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 1 << 24 });
    return JSON.parse(out.trim().split('\n').pop()!) as Figures;
  };
  const runs: Record<number, Figures>[] = [];
  for (let r = 0; r < rounds; r++) {
    log(`Round ${r + 1} of ${rounds} …`);
    const round: Record<number, Figures> = {};
    // A different one first each round: all see the same load on average.
    for (let k = 0; k < variants.length; k++) {
      const threads = variants[(k + r) % variants.length]!;
      round[threads] = run(threads);
    }
    runs.push(round);
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  const of = (threads: number, pick: (f: Figures) => number) => median(runs.map((r) => pick(r[threads]!)));
  const summary = {
    date: new Date().toISOString(),
    rounds,
    sourceMB: runs[0]![0]!.sourceMB,
    medians: Object.fromEntries(
      variants.map((t) => [
        t === 0 ? 'in the build thread' : `${t} index worker${t > 1 ? 's' : ''}`,
        { wallS: of(t, (f) => f.totalS), mbPerS: of(t, (f) => f.totalMbPerS), cpuS: of(t, (f) => f.cpuS), indexingWallS: of(t, (f) => f.indexing.wallS), peakRssMB: of(t, (f) => f.peakRssMB) },
      ]),
    ),
    runs: runs.map((r) => Object.fromEntries(variants.map((t) => [t, { totalS: r[t]!.totalS, cpuS: r[t]!.cpuS, indexingS: r[t]!.indexing.wallS, peakRssMB: r[t]!.peakRssMB, load1: r[t]!.loadAverage[0] }]))),
  };
  fs.mkdirSync(path.join(__dirname, 'results'), { recursive: true });
  fs.writeFileSync(path.join(__dirname, 'results', 'corpus-build-index.json'), `${JSON.stringify(summary, null, 2)}\n`);
  console.log(JSON.stringify(summary, null, 2));
  if (!values.keep) fs.rmSync(sources, { recursive: true, force: true });
}

function repeatedGroups(file: string): number {
  const db = openDatabase(file, { readonly: true });
  try {
    return (db.prepare('SELECT count(DISTINCT grp) FROM repeated_passages').pluck().get() as number) ?? 0;
  } finally {
    db.close();
  }
}
