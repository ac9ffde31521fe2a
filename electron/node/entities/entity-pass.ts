import { MessageChannel, receiveMessageOnPort, type MessagePort, type Worker } from 'node:worker_threads';
import type { Steps } from '../steps/run-steps';
import { startWorker, type WorkerEntry } from '../query-worker/worker-entry';
import { EntityIndexBuilder, type EntityIndex } from './entity-index';

/**
 * Stored documents as the finder reads them, a window at a time: their texts (document `from`
 * onwards) and their paragraphs not folded, as (document, idx, start, end) quadruples in one
 * array (cheap to hand to a thread: no object per document or paragraph).
 */
export type EntityBatch = { from: number; texts: string[]; paragraphs: Int32Array; /** Documents given before, refolded since (found-paragraphs.ts). */ redo?: true };
export type EntityWorkerData = { counters: Int32Array };
export type FromEntityWorker = { ok: true; index: EntityIndex } | { ok: false; message: string };

/** Documents per batch. */
export const BATCH_DOCUMENTS = 256;
/** Batches handed over but not yet read, at most: bounds the text waiting in the worker. */
const BATCHES_AHEAD = 4;
/** A worker that reads nothing for so long is given up: the build finds the entities itself. */
const STALL_MS = 60_000;
/** Longest blocking wait between two yields while the build waits for the worker. */
const WAIT_MS = 20;
/**
 * The worker's heap: what it keeps is small (the compact builder, a cache of runs; about 60 MB
 * for GCIDE's 127k entries), and a bounded heap collects sooner, so the build's peak memory
 * grows less. A corpus that needs more runs out, and its entities are found in the build's thread.
 */
const WORKER_OLD_MB = 192;
const WORKER_YOUNG_MB = 16;

/** Adds a batch's paragraphs to the builder (in the worker and in the build's thread alike). */
export function addBatch(builder: EntityIndexBuilder, batch: EntityBatch): void {
  const p = batch.paragraphs;
  let doc = -1;
  let counted = { count: 0 };
  for (let k = 0; k < p.length; k += 4) {
    if (p[k] !== doc) {
      doc = p[k]!;
      counted = { count: 0 };
    }
    builder.addParagraph(doc, p[k + 1]!, p[k + 2]!, batch.texts[doc - batch.from]!.slice(p[k + 2]!, p[k + 3]!), counted);
  }
}

export type EntityPass = {
  /**
   * Hands the worker more documents while it keeps up; cheap, called between steps of other work
   * (and after each document stored, while they are read: whole batches of those stored so far).
   */
  pump(): void;
  /**
   * Every document is stored and refolded (the worker is given again those refolded since it
   * was given them, and reads again what changed of them).
   */
  complete(): void;
  /**
   * The entity index of every document: the worker's, once it has read the rest (yielding
   * between short waits), or, without a worker or when it failed, found in this thread (yielding
   * after each batch). Either way the same index, in the same order. After complete().
   */
  finish(): Steps<EntityIndex>;
  /** Ends the worker (whatever happened; finish() does it too). */
  close(): void;
  /** Where the index was found, once finish() is done. */
  readonly foundIn: 'worker' | 'thread' | undefined;
  /** Whether a worker was started (its index is written after the work it overlaps). */
  readonly threaded: boolean;
};

/** Stored documents: how many so far, a window of them, and those refolded since they were stored. */
export type EntitySource = { stored(): number; read(from: number, to: number): EntityBatch; refolded(): Iterable<number> };

/**
 * Finds the entities of the stored documents in a worker thread while the build does other work
 * (from while documents are still read and stored), or in the build's thread without a worker
 * entry (once complete()).
 */
export function startEntityPass(source: EntitySource, entry: WorkerEntry | undefined, stallMs = STALL_MS): EntityPass {
  const { stored, read } = source;
  let thread: { worker: Worker; port: MessagePort; counters: Int32Array } | undefined;
  let next = 0;
  let posted = 0;
  /** Documents in all, once complete(). */
  let count: number | undefined;
  /** Ranges of documents to give again (refolded after they were given), [from, to). */
  const redo: [number, number][] = [];
  const threaded = entry !== undefined;
  if (threaded) {
    const counters = new Int32Array(new SharedArrayBuffer(8));
    const { port1, port2 } = new MessageChannel();
    const worker = startWorker(entry, {
      workerData: { port: port2, counters } satisfies EntityWorkerData & { port: MessagePort },
      transferList: [port2],
      resourceLimits: { maxOldGenerationSizeMb: WORKER_OLD_MB, maxYoungGenerationSizeMb: WORKER_YOUNG_MB },
    });
    worker.unref();
    // Its failures are seen through the counters (a stall) or its answer; an event must not throw.
    worker.on('error', () => {});
    thread = { worker, port: port1, counters };
  }

  const close = () => {
    if (!thread) return;
    thread.port.close();
    void thread.worker.terminate();
    thread = undefined;
  };

  let finishPosted = false;
  /** The worker's index once it answered (undefined: not yet, or it failed). */
  let answered: EntityIndex | undefined;

  // Its answer is taken, and the thread ended, as soon as it is there: its memory goes while the
  // build is still writing the search index.
  const collect = () => {
    const answer = receiveMessageOnPort(thread!.port)?.message as FromEntityWorker | undefined;
    if (answer?.ok) answered = answer.index;
    close();
  };

  const pump = () => {
    if (!thread) return;
    const ahead = () => posted - Atomics.load(thread!.counters, 0) < BATCHES_AHEAD;
    while (redo.length > 0 && ahead()) {
      const [from, to] = redo.shift()!;
      thread.port.postMessage({ ...read(from, to), redo: true } satisfies EntityBatch);
      posted++;
    }
    // While documents are read, only whole batches: the worker keeps up with the reading.
    const available = count ?? stored() - (stored() % BATCH_DOCUMENTS);
    while (next < available && ahead()) {
      const batch = read(next, Math.min(available, next + BATCH_DOCUMENTS));
      next += batch.texts.length;
      thread.port.postMessage(batch);
      posted++;
    }
    if (count !== undefined && next >= count && redo.length === 0 && !finishPosted) {
      thread.port.postMessage('finish');
      finishPosted = true;
    }
    // counters[1]: the answer is posted (the index, or the worker's failure).
    if (Atomics.load(thread.counters, 1) === 1) collect();
  };

  const complete = () => {
    count = stored();
    // No document: nothing for a worker to find.
    if (count === 0) close();
    // Consecutive documents given before go again together, a batch at most at a time.
    for (const ord of [...source.refolded()].filter((o) => o < next).sort((a, b) => a - b)) {
      const last = redo.at(-1);
      if (last && last[1] === ord && last[1] - last[0] < BATCH_DOCUMENTS) last[1]++;
      else redo.push([ord, ord + 1]);
    }
  };

  function* inThisThread(count: number): Steps<EntityIndex> {
    const builder = new EntityIndexBuilder();
    for (let from = 0; from < count; from += BATCH_DOCUMENTS) {
      addBatch(builder, read(from, Math.min(count, from + BATCH_DOCUMENTS)));
      yield;
    }
    return builder.finish();
  }

  function* fromWorker(): Steps<void> {
    let lastRead = -1;
    let lastProgress = performance.now();
    for (pump(); thread; pump()) {
      const { counters } = thread;
      const read = Atomics.load(counters, 0);
      if (read !== lastRead) {
        lastRead = read;
        lastProgress = performance.now();
      }
      if (performance.now() - lastProgress > stallMs) return;
      Atomics.wait(counters, 1, 0, WAIT_MS);
      yield;
    }
  }

  let foundIn: EntityPass['foundIn'];
  return {
    pump,
    complete,
    *finish() {
      if (count === undefined) throw new Error('The entity pass was not given every document (complete())');
      try {
        if (thread) yield* fromWorker();
        if (answered) {
          foundIn = 'worker';
          return answered;
        }
      } finally {
        close();
      }
      // No worker, or it failed: the same index, found here.
      foundIn = 'thread';
      return yield* inThisThread(count);
    },
    close,
    get foundIn() {
      return foundIn;
    },
    threaded,
  };
}
