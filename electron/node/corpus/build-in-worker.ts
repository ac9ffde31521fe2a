import { startWorker, type WorkerEntry } from '../query-worker/worker-entry';
import { StepsCancelled, type SliceOptions } from '../steps/run-steps';
import type { BuildOptions, BuildProgress, BuildSummary } from './build-corpus';

export type BuildWorkerData = {
  options: Omit<BuildOptions, 'onProgress'>;
  slices: Pick<SliceOptions, 'sliceMs' | 'pauseMs'>;
};

export type FromBuildWorker =
  | { type: 'progress'; progress: BuildProgress }
  | { type: 'done'; summary: BuildSummary }
  | { type: 'cancelled' }
  | { type: 'failed'; message: string };

export type RunBuild = (options: BuildOptions, slices: SliceOptions) => Promise<BuildSummary>;

/**
 * Runs buildCorpusInSlices in a worker thread (build-worker.ts), with the same contract: progress
 * through options.onProgress, aborting the signal cancels (StepsCancelled once the worker has
 * removed its temporary file), a failure rejects with the builder's message.
 */
export function buildInWorker(entry: WorkerEntry, entities?: WorkerEntry, index?: WorkerEntry): RunBuild {
  return (options, slices) =>
    new Promise<BuildSummary>((resolve, reject) => {
      const { onProgress, ...plain } = options;
      // The entity and index workers' entries (the app's bundle has no sources for the build to find them by).
      const workers = { ...(entities ? { entityWorker: entities } : {}), ...(index ? { indexWorker: index } : {}) };
      const data: BuildWorkerData = { options: { ...workers, ...plain }, slices: { sliceMs: slices.sliceMs, pauseMs: slices.pauseMs } };
      const worker = startWorker(entry, { workerData: data });
      let settled = false;
      const settle = (action: () => void) => {
        if (settled) return;
        settled = true;
        slices.signal?.removeEventListener('abort', cancel);
        action();
      };
      const cancel = () => worker.postMessage('cancel');
      if (slices.signal?.aborted) cancel();
      else slices.signal?.addEventListener('abort', cancel, { once: true });
      worker.on('message', (message: FromBuildWorker) => {
        if (message.type === 'progress') onProgress?.(message.progress);
        else if (message.type === 'done') settle(() => resolve(message.summary));
        else if (message.type === 'cancelled') settle(() => reject(new StepsCancelled()));
        else settle(() => reject(new Error(message.message)));
      });
      worker.on('error', (error) => settle(() => reject(error)));
      worker.on('exit', (code) => settle(() => reject(new Error(`the build stopped unexpectedly (exit code ${code})`))));
    });
}
