import { createRequire } from 'node:module';
import path from 'node:path';
import { Worker, type WorkerOptions } from 'node:worker_threads';

/** A worker's script; `typescript` when it is a source file to run through tsx (tests, the harness, benches). */
export type WorkerEntry = { file: string; typescript?: boolean };

/** The workers as sources: electron/node/query-worker/query-worker.ts, electron/node/corpus/build-worker.ts, electron/node/entities/entity-worker.ts, electron/node/search/index-worker.ts and electron/node/citations/citation-worker.ts. */
export const SOURCE_WORKERS = {
  query: { file: path.join(__dirname, 'query-worker.ts'), typescript: true },
  build: { file: path.join(__dirname, '..', 'corpus', 'build-worker.ts'), typescript: true },
  entities: { file: path.join(__dirname, '..', 'entities', 'entity-worker.ts'), typescript: true },
  index: { file: path.join(__dirname, '..', 'search', 'index-worker.ts'), typescript: true },
  citations: { file: path.join(__dirname, '..', 'citations', 'citation-worker.ts'), typescript: true },
} satisfies Record<string, WorkerEntry>;

/** The workers electron-vite bundles beside out/main/index.js (electron.vite.config.ts). */
export function bundledWorkers(mainDir: string): { query: WorkerEntry; build: WorkerEntry; entities: WorkerEntry; index: WorkerEntry; citations: WorkerEntry } {
  return {
    query: { file: path.join(mainDir, 'query-worker.js') },
    build: { file: path.join(mainDir, 'build-worker.js') },
    entities: { file: path.join(mainDir, 'entity-worker.js') },
    index: { file: path.join(mainDir, 'index-worker.js') },
    citations: { file: path.join(mainDir, 'citation-worker.js') },
  };
}

/** Starts a worker thread on an entry; a TypeScript source is loaded through tsx's require hook. */
export function startWorker(entry: WorkerEntry, options: Pick<WorkerOptions, 'workerData' | 'transferList' | 'resourceLimits'>): Worker {
  if (!entry.typescript) return new Worker(entry.file, options);
  const tsx = createRequire(__filename).resolve('tsx/cjs');
  return new Worker(`require(${JSON.stringify(tsx)}); require(${JSON.stringify(entry.file)});`, { ...options, eval: true });
}
