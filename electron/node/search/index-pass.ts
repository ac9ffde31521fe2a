import { MessageChannel, receiveMessageOnPort, type MessagePort, type Worker } from 'node:worker_threads';
import type { Steps } from '../steps/run-steps';
import { startWorker, type WorkerEntry } from '../query-worker/worker-entry';
import type { IndexableDocument, IndexChunk } from './build-search-index';

export type IndexBatch = { from: number; documents: IndexableDocument[] };
export type IndexWorkerData = { from: number; count: number; counters: Int32Array; port: MessagePort };
export type FromIndexWorker = { ok: true; chunk: IndexChunk } | { ok: false; message: string };

/** Documents per batch. */
const BATCH_DOCUMENTS = 256;
/** Batches handed to a worker but not yet read, at most: bounds the text waiting in it. */
const BATCHES_AHEAD = 8;
/** A worker that reads nothing for so long is given up: the build indexes in its own thread. */
const STALL_MS = 60_000;
/** Longest blocking wait between two yields while the build waits for the workers. */
const WAIT_MS = 20;

export type IndexPass = {
  /** Hands the workers more documents while they keep up; cheap, called between steps of other work. */
  pump(): void;
  /**
   * The index of every document as chunks of consecutive documents, in document order, once
   * every worker answered (yielding, between short waits, the number of documents the workers
   * have indexed so far); undefined when one failed or stalled,
   * for the build to index in its own thread (the same index either way).
   */
  finish(): Steps<IndexChunk[] | undefined>;
  /** Ends the workers (whatever happened; finish() does it too). */
  close(): void;
};

/**
 * Indexes documents 0 … count-1 (read(from, to) gives a window of them) in `threads` worker
 * threads, each the next run of consecutive documents, while the build does other work; their
 * chunks are merged in document order (writeMergedIndexSteps), so the file is the same as one
 * indexed in the build's thread.
 */
export function startIndexPass(count: number, read: (from: number, to: number) => IndexableDocument[], entry: WorkerEntry, threads: number, stallMs = STALL_MS): IndexPass {
  const per = Math.ceil(count / Math.max(1, threads));
  type Thread = { worker: Worker; port: MessagePort; counters: Int32Array; from: number; to: number; next: number; posted: number; finishPosted: boolean; chunk?: IndexChunk; failed?: boolean };
  const workers: Thread[] = [];
  for (let from = 0; from < count; from += per) {
    const to = Math.min(count, from + per);
    // counters[0]: batches read; counters[1]: 1 once the answer is posted.
    const counters = new Int32Array(new SharedArrayBuffer(8));
    const { port1, port2 } = new MessageChannel();
    const worker = startWorker(entry, {
      workerData: { from, count: to - from, counters, port: port2 } satisfies IndexWorkerData,
      transferList: [port2],
    });
    worker.unref();
    const thread: Thread = { worker, port: port1, counters, from, to, next: from, posted: 0, finishPosted: false };
    // Its failures are seen through its answer, a stall, or (when the event loop turns) its error.
    worker.on('error', () => (thread.failed = true));
    workers.push(thread);
  }

  const end = (t: Thread) => {
    t.port.close();
    void t.worker.terminate();
  };
  let closed = false;
  const close = () => {
    if (closed) return;
    closed = true;
    workers.forEach(end);
  };

  const pump = () => {
    if (closed) return;
    for (const t of workers) {
      if (t.chunk || t.failed) continue;
      while (t.next < t.to && t.posted - Atomics.load(t.counters, 0) < BATCHES_AHEAD) {
        const to = Math.min(t.to, t.next + BATCH_DOCUMENTS);
        t.port.postMessage({ from: t.next, documents: read(t.next, to) } satisfies IndexBatch);
        t.next = to;
        t.posted++;
      }
      if (t.next >= t.to && !t.finishPosted) {
        t.port.postMessage('finish');
        t.finishPosted = true;
      }
      if (Atomics.load(t.counters, 1) === 1) {
        const answer = receiveMessageOnPort(t.port)?.message as FromIndexWorker | undefined;
        if (answer?.ok) t.chunk = answer.chunk;
        else t.failed = true;
        end(t);
      }
    }
  };

  return {
    pump,
    *finish() {
      try {
        const progress = workers.map(() => ({ read: -1, at: performance.now() }));
        for (pump(); !closed && workers.some((t) => !t.chunk && !t.failed); pump()) {
          const waiting = workers.findIndex((t) => !t.chunk && !t.failed);
          const t = workers[waiting]!;
          const read = Atomics.load(t.counters, 0);
          const seen = progress[waiting]!;
          if (read !== seen.read) Object.assign(seen, { read, at: performance.now() });
          if (performance.now() - seen.at > stallMs) return undefined;
          // Woken by the batch it reads while there are more to hand it (it would idle till the
          // timeout), else by its answer.
          if (t.next < t.to) Atomics.wait(t.counters, 0, read, WAIT_MS);
          else Atomics.wait(t.counters, 1, 0, WAIT_MS);
          yield workers.reduce((sum, w) => sum + (w.chunk ? w.to - w.from : Math.min(w.to - w.from, Atomics.load(w.counters, 0) * BATCH_DOCUMENTS)), 0);
        }
        if (closed || workers.some((t) => t.failed)) return undefined;
        return workers.map((t) => t.chunk!);
      } finally {
        close();
      }
    },
    close,
  };
}
