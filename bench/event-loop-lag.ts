/**
 * `npm run bench:lag`: how long the main process's event loop stalls (perf_hooks
 * monitorEventLoopDelay) while the window's calls run through the handler table main registers:
 * 300 queries drawn from the corpus, the 20 worst hostile queries, then a corpus build started
 * as "Build corpus from folder" does and polled as the panel polls it.
 * Both ways are measured: `in-process` (search and builds on main's thread, as before issue 15,
 * and as the CLI still does) and `workers` (the query and build workers the app uses now).
 * Options: --size 1k|10k|full (query corpus, bench/data/corpora/size-*.sqlite, default 10k)
 *          --build-limit N (GCIDE entries built, default 30000; 0 for all ~127k)
 *          --mode in-process|workers|both (default both)  --queries-per-kind 75
 * Figures go to bench/results/event-loop-lag.json.
 */
import fs from 'node:fs';
import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import type { CorpusBuildStatus } from '../electron/common/corpus/corpus-choice-types';
import type { Result } from '../electron/common/result';
import { createAppHandlerTable } from '../electron/node/ipc/app-handler-table';
import type { HandlerTable } from '../electron/node/ipc/handler-table';
import { SOURCE_WORKERS } from '../electron/node/query-worker/worker-entry';
import { createServices } from '../electron/node/services/create-services';
import { openDatabase } from '../electron/node/sqlite/open-database';
import { ensureBenchCorpus, gcideDocs, kjvChapters, sizedDocs } from './bench-corpora';
import { makeQueries } from './bench-queries';
import { DATA_DIR, ensurePackages, readBible, readGcide, writeEntriesAsFiles } from './debian-texts';

const { values } = parseArgs({
  options: {
    size: { type: 'string', default: '10k' },
    'build-limit': { type: 'string', default: '30000' },
    mode: { type: 'string', default: 'both' },
    'queries-per-kind': { type: 'string', default: '75' },
  },
});
const log = (line: string) => process.stderr.write(`${line}\n`);

/** The sampling interval (ms); a sample's lag is its delay beyond the interval. */
const RESOLUTION_MS = 1;

/**
 * Queries that make the engine work hardest: wildcards and fuzzy words on the commonest
 * stems, phrases and NEAR groups of the commonest words, a hundred words at once. The 20 that
 * take longest in-process on this corpus are the ones measured.
 */
const HOSTILE_CANDIDATES = [
  'a*', 'b*', 'c*', 's*', 't*', 'th*', 'co*', 'pr*', 'st*', 're*',
  'the~2', 'and~2', 'of~2', 'that~2', 'which~2', 'with~2', 'from~2', 'they~2',
  '"of the"', '"the state of"', '"in the"', '"and the"', '"to the"', '"of the same"', '"it is"',
  'the NEAR/100 of', 'and NEAR/100 the', 'a NEAR/50 the NEAR/50 of', 'in NEAR/100 to',
  '+the +of +and +to +a +in', 'the of and to a in that is was he for it with as his on be at by',
  Array.from({ length: 99 }, (_, i) => ['the', 'of', 'and', 'to', 'a', 'in', 'that', 'is', 'be', 'for', 'with'][i % 11]!).join(' '),
  'th* co* pr* st* re* s* a* b* c* t*',
  '"the lord" NEAR/100 "of the"',
  'the^5 of^3 and~1 a*',
  'title:a* text:the~2',
];

type Lag = { p50Ms: number; p99Ms: number; maxMs: number; meanMs: number; samples: number };

function measureLag<T>(run: () => Promise<T>): Promise<{ lag: Lag; wallMs: number; value: T }> {
  const histogram = monitorEventLoopDelay({ resolution: RESOLUTION_MS });
  const started = performance.now();
  histogram.enable();
  return run().then((value) => {
    histogram.disable();
    const ms = (ns: number) => Math.max(0, ns / 1e6 - RESOLUTION_MS);
    return {
      lag: {
        p50Ms: +ms(histogram.percentile(50)).toFixed(2),
        p99Ms: +ms(histogram.percentile(99)).toFixed(2),
        maxMs: +ms(histogram.max).toFixed(2),
        meanMs: +ms(histogram.mean).toFixed(2),
        samples: histogram.count,
      },
      wallMs: Math.round(performance.now() - started),
      value,
    };
  });
}

const root = ensurePackages(log);
const size = values.size!;
const n = size === 'full' ? 'full' : Number(size.replace(/k$/, '000'));
const { file: corpusFile } = ensureBenchCorpus(`size-${size}`, () => {
  log('Reading the KJV and GCIDE …');
  return sizedDocs(n, kjvChapters(readBible(root, 'kjv')), gcideDocs(readGcide(root)));
}, log);

const db = openDatabase(corpusFile, { readonly: true });
const queries = makeQueries(db, Number(values['queries-per-kind'])).map((q) => q.carrel);
db.close();

const buildLimit = Number(values['build-limit']);
const buildSources = path.join(DATA_DIR, 'sources', 'gcide-lag');
const entries = readGcide(root);
writeEntriesAsFiles(buildLimit > 0 ? entries.slice(0, buildLimit) : entries, buildSources, log);
const buildOut = path.join(DATA_DIR, 'corpora', 'gcide-lag.sqlite');

/** Each call arrives as IPC does, in a task of its own (so the loop turns, and is sampled, between calls). */
const nextTask = () => new Promise((resolve) => setImmediate(resolve));
const search = async (table: HandlerTable, query: string) => {
  await nextTask();
  return table.search({ query, limit: 20 }, 'bench-window');
};

/** The 20 hostile queries that take longest in-process, each timed once (after one warm-up pass). */
async function worstHostile(): Promise<{ query: string; ms: number }[]> {
  const services = createServices({ corpusFile });
  const table = createAppHandlerTable(services);
  for (const query of HOSTILE_CANDIDATES) await search(table, query);
  const timed: { query: string; ms: number }[] = [];
  for (const query of HOSTILE_CANDIDATES) {
    const started = performance.now();
    await search(table, query);
    timed.push({ query, ms: +(performance.now() - started).toFixed(1) });
  }
  services.close();
  return timed.sort((a, b) => b.ms - a.ms).slice(0, 20);
}

async function runMode(mode: 'in-process' | 'workers', hostile: string[]) {
  log(`${mode}: ${queries.length} queries, ${hostile.length} hostile queries, a build of ${buildLimit || 'all'} GCIDE entries …`);
  fs.rmSync(buildOut, { force: true });
  const services = createServices({
    corpusFile,
    ...(mode === 'workers' ? { workers: SOURCE_WORKERS } : {}),
    dialogs: {
      chooseCorpusFile: () => Promise.resolve(undefined),
      chooseSourcesFolder: () => Promise.resolve(buildSources),
      chooseBuildOutput: () => Promise.resolve(buildOut),
    },
  });
  const table = createAppHandlerTable(services);
  // The worker's first call opens the corpus: not part of what is measured.
  await search(table, 'warm');
  const failed = (result: Result<unknown>) => (result.ok ? 0 : 1);
  let failures = 0;
  const queryPhase = await measureLag(async () => {
    for (const query of queries) failures += failed(await search(table, query));
  });
  const hostilePhase = await measureLag(async () => {
    for (const query of hostile) failures += failed(await search(table, query));
  });
  const buildPhase = await measureLag(async () => {
    const started = await table.startCorpusBuild({});
    if (!started.ok || !started.value) throw new Error(`The build did not start: ${JSON.stringify(started)}`);
    let status: CorpusBuildStatus = started.value;
    // The panel polls the build's status; a search now and then, as a reader would.
    while (status.state === 'running') {
      await new Promise((resolve) => setTimeout(resolve, 100));
      const polled = await table.getCorpusBuild({ jobId: status.jobId });
      if (!polled.ok) throw new Error(polled.error.message);
      status = polled.value;
      failures += failed(await search(table, queries[status.done % queries.length]!));
    }
    if (status.state !== 'done') throw new Error(`The build ended ${status.state}: ${status.error ?? ''}`);
    return status.summary!.documents;
  });
  services.close();
  return {
    mode,
    queries: { ...queryPhase.lag, wallMs: queryPhase.wallMs },
    hostile: { ...hostilePhase.lag, wallMs: hostilePhase.wallMs },
    build: { ...buildPhase.lag, wallMs: buildPhase.wallMs, documents: buildPhase.value },
    failures,
  };
}

async function main() {
  const hostile = await worstHostile();
  log(`Worst hostile queries (in-process ms): ${hostile.map((h) => `${h.query.slice(0, 30)} ${h.ms}`).join(', ')}`);
  const modes = values.mode === 'both' ? (['in-process', 'workers'] as const) : [values.mode as 'in-process' | 'workers'];
  const results = [];
  for (const mode of modes) results.push(await runMode(mode, hostile.map((h) => h.query)));
  fs.rmSync(buildSources, { recursive: true, force: true });
  fs.rmSync(buildOut, { force: true });
  return { hostile, results };
}

void main().then(({ hostile, results }) => {
  const figures = { date: new Date().toISOString(), corpus: `size-${size}`, buildEntries: buildLimit || entries.length, resolutionMs: RESOLUTION_MS, hostile, results };
  fs.mkdirSync(path.join(__dirname, 'results'), { recursive: true });
  fs.writeFileSync(path.join(__dirname, 'results', 'event-loop-lag.json'), `${JSON.stringify(figures, null, 2)}\n`);
  const row = (name: string, lag: Lag & { wallMs: number }) =>
    `${name.padEnd(26)} p50 ${String(lag.p50Ms).padStart(7)}  p99 ${String(lag.p99Ms).padStart(7)}  max ${String(lag.maxMs).padStart(8)} ms  (${(lag.wallMs / 1000).toFixed(1)} s)`;
  for (const result of results) {
    console.log(row(`${result.mode}: ${queries.length} queries`, result.queries));
    console.log(row(`${result.mode}: ${hostile.length} hostile`, result.hostile));
    console.log(row(`${result.mode}: build`, result.build));
    if (result.failures > 0) console.log(`${result.mode}: ${result.failures} calls failed`);
  }
});
