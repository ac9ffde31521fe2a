/**
 * One engine on one corpus file, in a fresh process (run with --expose-gc), so that the
 * time from open to first answer and the heap after loading are those of a cold start.
 * Input: a JSON file { engine, file, queries, relevance? }; prints one JSON line.
 */
import fs from 'node:fs';
import { openCorpus } from '../electron/node/corpus/corpus-store';
import { createSearchService } from '../electron/node/services/search-service';
import { openDatabase } from '../electron/node/sqlite/open-database';

type Job = {
  engine: 'carrel' | 'fts5';
  file: string;
  queries: string[];
  /** Relevance runs: expected document id per query; ranks are looked up in the top 100. */
  expected?: string[];
  /** Kind of each query (one-word, phrase …): p50 and p95 are reported per kind too. */
  kinds?: string[];
  /**
   * Other queries of the same kinds, each run once before the timed ones and not timed: both
   * engines get the same round, so that neither's p95 holds its JIT compilation or first calls.
   */
  warmup?: string[];
};

type Engine = { search(query: string, limit: number): { id: string; snippets: number }[] };

function openEngine(job: Job): Engine {
  if (job.engine === 'carrel') {
    const store = openCorpus(job.file);
    const service = createSearchService(() => store);
    return {
      search: (query, limit) => service.search({ query, limit }).results.map((r) => ({ id: r.id, snippets: r.snippets.length })),
    };
  }
  const db = openDatabase(job.file, { readonly: true, fileMustExist: true });
  const statement = db.prepare(
    `SELECT d.id AS id, snippet(fts, 1, '«', '»', '…', 16) AS snippet
       FROM fts JOIN documents d ON d.ord = fts.rowid
      WHERE fts MATCH ? ORDER BY bm25(fts, 5.0, 1.0) LIMIT ?`,
  );
  return {
    search: (query, limit) => (statement.all(query, limit) as { id: string; snippet: string }[]).map((r) => ({ id: r.id, snippets: r.snippet ? 1 : 0 })),
  };
}

const gc = (globalThis as { gc?: () => void }).gc;
const job = JSON.parse(fs.readFileSync(process.argv[2]!, 'utf8')) as Job;
const started = performance.now();
const engine = openEngine(job);
engine.search(job.queries[0]!, 20);
const firstAnswerMs = performance.now() - started;
gc?.();
const MB = 1024 * 1024;
const loaded = process.memoryUsage();
// Postings read from SQLite live in ArrayBuffers (outside the JS heap): reported too, with RSS.
const result: Record<string, number> = {
  firstAnswerMs,
  heapAfterLoadMB: loaded.heapUsed / MB,
  arrayBuffersAfterLoadMB: loaded.arrayBuffers / MB,
  rssAfterLoadMB: loaded.rss / MB,
};
for (const query of job.warmup ?? []) engine.search(query, job.expected ? 100 : 20);
gc?.();
if (job.expected) {
  let reciprocal = 0;
  let recalled = 0;
  let first = 0;
  job.queries.forEach((query, i) => {
    const rank = engine.search(query, 100).findIndex((r) => r.id === job.expected![i]) + 1;
    if (rank > 0) reciprocal += 1 / rank;
    if (rank > 0 && rank <= 10) recalled++;
    if (rank === 1) first++;
  });
  result.mrr = reciprocal / job.queries.length;
  result.recallAt10 = recalled / job.queries.length;
  result.precisionAt1 = first / job.queries.length;
} else {
  // Each query three times; its time is the median, which damps the noise of a shared machine.
  // The first run of each query (caches cold for its terms) is reported separately.
  const firstRuns: number[] = [];
  const medians: number[] = [];
  for (const query of job.queries) {
    const runs: number[] = [];
    for (let r = 0; r < 3; r++) {
      const t = performance.now();
      engine.search(query, 20);
      runs.push(performance.now() - t);
    }
    firstRuns.push(runs[0]!);
    medians.push(runs.sort((a, b) => a - b)[1]!);
  }
  const percentile = (list: number[], p: number) => {
    const sorted = [...list].sort((a, b) => a - b);
    return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
  };
  result.p50Ms = percentile(medians, 50);
  result.p95Ms = percentile(medians, 95);
  result.maxMs = percentile(medians, 100);
  result.firstRunP95Ms = percentile(firstRuns, 95);
  for (const kind of new Set(job.kinds ?? [])) {
    const ofKind = medians.filter((_, i) => job.kinds![i] === kind);
    result[`p50Ms.${kind}`] = percentile(ofKind, 50);
    result[`p95Ms.${kind}`] = percentile(ofKind, 95);
  }
  gc?.();
  const after = process.memoryUsage();
  result.heapAfterQueriesMB = after.heapUsed / MB;
  result.arrayBuffersAfterQueriesMB = after.arrayBuffers / MB;
  result.rssAfterQueriesMB = after.rss / MB;
}
process.stdout.write(`${JSON.stringify(result)}\n`);
