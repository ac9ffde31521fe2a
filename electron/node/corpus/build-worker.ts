import { parentPort, workerData } from 'node:worker_threads';
import { StepsCancelled } from '../steps/run-steps';
import { buildCorpusInSlices, type BuildProgress } from './build-corpus';
import type { BuildWorkerData, FromBuildWorker } from './build-in-worker';

// A corpus build in its own thread: the same sliced build as in-process (so "cancel", a message
// read between two slices, stops it and removes its temporary file), progress sent to main.

/** Progress is sent at most this often (the panel polls main a few times a second). */
const PROGRESS_EVERY_MS = 50;

const { options, slices } = workerData as BuildWorkerData;
const controller = new AbortController();
const post = (message: FromBuildWorker) => parentPort!.postMessage(message);
parentPort!.on('message', (message: unknown) => {
  if (message === 'cancel') controller.abort();
});

let lastSent = 0;
let latest: BuildProgress | undefined;
const flush = () => {
  if (latest) post({ type: 'progress', progress: latest });
  latest = undefined;
  lastSent = performance.now();
};

buildCorpusInSlices(
  {
    ...options,
    onProgress: (progress) => {
      latest = { ...progress };
      if (performance.now() - lastSent >= PROGRESS_EVERY_MS) flush();
    },
  },
  { ...slices, signal: controller.signal },
).then(
  (summary) => {
    flush();
    post({ type: 'done', summary });
  },
  (error: unknown) => {
    flush();
    post(error instanceof StepsCancelled ? { type: 'cancelled' } : { type: 'failed', message: error instanceof Error ? error.message : String(error) });
  },
).finally(() => parentPort!.close());
