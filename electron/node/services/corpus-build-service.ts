import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { BUILD_STATUS_MAX_SKIPPED, type CorpusBuildStatus } from '../../common/corpus/corpus-choice-types';
import type { CarrelServices } from '../../common/ipc/ipc-contract';
import { buildCorpusInSlices, type BuildSummary } from '../corpus/build-corpus';
import type { RunBuild } from '../corpus/build-in-worker';
import { CORPUS_APPLICATION_ID } from '../corpus/corpus-format';
import { openDatabase } from '../sqlite/open-database';
import { StepsCancelled, type SliceOptions } from '../steps/run-steps';
import type { CorpusDialogs } from './corpus-dialogs';
import { ServiceError } from './service-error';

export type CorpusBuildService = Pick<CarrelServices, 'startCorpusBuild' | 'getCorpusBuild' | 'cancelCorpusBuild'> & {
  /**
   * Builds a folder main already knows (no dialog) into a file, with the same checks, progress
   * and cancel as a build the user started: rebuilding a corpus made by an older Carrel.
   */
  /** originals: false to leave the PDFs' originals out, as the corpus rebuilt had them (default: kept). */
  startKnownBuild(request: { sourcesDir: string; outFile: string; title?: string; originals?: boolean }): CorpusBuildStatus;
  /** Stops a running build (its temporary file is removed) and waits for it. */
  close(): Promise<void>;
};

export type CorpusBuildDeps = {
  dialogs?: CorpusDialogs;
  /** Where built corpora go unless the user picks another place. */
  corporaDir?: string;
  /** The corpus file open now, if one is: a build never replaces it under the reader. */
  currentCorpusFile: () => string | undefined;
  /** Called with each finished build (the app adds it to the recent corpora). */
  onBuilt: (summary: BuildSummary) => void;
  nativeBinding?: string;
  /** How a build shares the process (slice length, rest between slices); tests slow builds down to watch one run. Read at the start of each build. */
  pacing?: Pick<SliceOptions, 'sliceMs' | 'pauseMs'>;
  /** Where the build runs: a worker thread in the app (buildInWorker), in this thread by default. */
  run?: RunBuild;
};

type Job = { status: CorpusBuildStatus; controller: AbortController; started: number; done: Promise<void> };

/** A file name for the corpus of a folder: its name, made safe for any file system. */
export function suggestedCorpusName(sourcesDir: string): string {
  const base = path.basename(path.resolve(sourcesDir)).normalize('NFC');
  const safe = base.replace(/[^\p{L}\p{N}._-]+/gu, '-').replace(/^[-.]+|[-.]+$/g, '');
  return `${safe || 'corpus'}.sqlite`;
}

/** Refuses to overwrite anything that is not a Carrel corpus (a notes database, a document…). */
function checkReplaceable(file: string, nativeBinding?: string): void {
  const stat = fs.statSync(file, { throwIfNoEntry: false });
  if (!stat) return;
  const refuse = () => {
    throw new ServiceError('build-target', `${file} already exists and is not a Carrel corpus, so it was left untouched. Choose another file name.`);
  };
  if (!stat.isFile()) refuse();
  try {
    const db = openDatabase(file, { readonly: true, fileMustExist: true, nativeBinding });
    try {
      if (db.pragma('application_id', { simple: true }) !== CORPUS_APPLICATION_ID) refuse();
    } finally {
      db.close();
    }
  } catch (error) {
    if (error instanceof ServiceError) throw error;
    refuse();
  }
}

/**
 * Builds corpora from folders inside the app: one at a time, in a worker thread (or in time
 * slices on this one) so the window stays responsive, reporting progress for the panel to poll, cancellable at any point
 * without leaving a half-written file.
 */
export function createCorpusBuildService(deps: CorpusBuildDeps): CorpusBuildService {
  const jobs = new Map<string, Job>();
  const running = () => [...jobs.values()].find((job) => job.status.state === 'running');
  const snapshot = (job: Job): CorpusBuildStatus => ({
    ...job.status,
    elapsedMs: job.status.state === 'running' ? performance.now() - job.started : job.status.elapsedMs,
  });
  const requireJob = (jobId: string): Job => {
    const job = jobs.get(jobId);
    if (!job) throw new ServiceError('not-found', 'No such corpus build.');
    return job;
  };

  const start = (sourcesDir: string, outFile: string, title: string | undefined, originals = true): Job => {
    const jobId = randomUUID();
    const controller = new AbortController();
    const status: CorpusBuildStatus = {
      jobId, sourcesDir, outFile, state: 'running', phase: 'reading',
      done: 0, total: 0, bytes: 0, totalBytes: 0, documents: 0, indexed: 0, elapsedMs: 0,
    };
    const job: Job = { status, controller, started: performance.now(), done: Promise.resolve() };
    const finish = (patch: Partial<CorpusBuildStatus>) => {
      Object.assign(status, patch, { elapsedMs: performance.now() - job.started });
    };
    job.done = (deps.run ?? buildCorpusInSlices)(
      {
        sourcesDir,
        outFile,
        title,
        originals,
        onProgress: (progress) => Object.assign(status, progress),
      },
      { ...deps.pacing, signal: controller.signal },
    ).then(
      (summary) => {
        finish({
          state: 'done',
          summary: {
            corpusId: summary.corpusId,
            title: summary.title,
            documents: summary.documents,
            skippedCount: summary.skipped.length,
            skipped: summary.skipped.slice(0, BUILD_STATUS_MAX_SKIPPED),
            totalBytes: summary.totalBytes,
            durationMs: summary.durationMs,
          },
        });
        deps.onBuilt(summary);
      },
      (error: unknown) => {
        if (error instanceof StepsCancelled) finish({ state: 'cancelled' });
        else finish({ state: 'failed', error: `The corpus could not be built: ${(error as Error).message}` });
      },
    );
    jobs.set(jobId, job);
    return job;
  };

  /** Starts a build after the checks every build passes: never over the open corpus, inside its sources, or over a file that is not a corpus. */
  const checkedStart = (sourcesDir: string, target: string, title: string | undefined, originals = true): Job => {
    const outFile = path.resolve(target);
    const open = deps.currentCorpusFile();
    if (open !== undefined && outFile === path.resolve(open)) {
      throw new ServiceError('build-target', 'That is the corpus open now. Choose another file name, or open another corpus first.');
    }
    const within = path.relative(path.resolve(sourcesDir), outFile);
    if (!within.startsWith('..') && !path.isAbsolute(within)) {
      throw new ServiceError('build-target', 'The corpus file cannot be written inside the folder it is built from. Choose a place outside it.');
    }
    if (running()) throw new ServiceError('build-running', 'A corpus is being built already. Wait for it to finish or cancel it.');
    checkReplaceable(outFile, deps.nativeBinding);
    return start(sourcesDir, outFile, title, originals);
  };

  return {
    async startCorpusBuild({ title, originals }) {
      if (!deps.dialogs) throw new ServiceError('unavailable', 'Building a corpus from the app needs the Carrel app window; use "npx carrel corpus build".');
      if (running()) throw new ServiceError('build-running', 'A corpus is being built already. Wait for it to finish or cancel it.');
      const sourcesDir = await deps.dialogs.chooseSourcesFolder();
      if (!sourcesDir) return null;
      if (!fs.statSync(sourcesDir, { throwIfNoEntry: false })?.isDirectory()) {
        throw new ServiceError('not-found', `The folder ${sourcesDir} was not found.`);
      }
      const suggested = path.join(deps.corporaDir ?? path.dirname(path.resolve(sourcesDir)), suggestedCorpusName(sourcesDir));
      const chosen = await deps.dialogs.chooseBuildOutput(suggested);
      if (!chosen) return null;
      return snapshot(checkedStart(sourcesDir, chosen, title?.trim() || undefined, originals ?? true));
    },
    startKnownBuild({ sourcesDir, outFile, title, originals }) {
      if (running()) throw new ServiceError('build-running', 'A corpus is being built already. Wait for it to finish or cancel it.');
      if (!fs.statSync(sourcesDir, { throwIfNoEntry: false })?.isDirectory()) {
        throw new ServiceError('not-found', `The folder ${sourcesDir} was not found.`);
      }
      return snapshot(checkedStart(sourcesDir, outFile, title, originals ?? true));
    },
    getCorpusBuild: ({ jobId }) => snapshot(requireJob(jobId)),
    async cancelCorpusBuild({ jobId }) {
      const job = requireJob(jobId);
      job.controller.abort();
      await job.done;
      return snapshot(job);
    },
    async close() {
      const job = running();
      job?.controller.abort();
      await job?.done;
    },
  };
}
