import { MessageChannel, receiveMessageOnPort, type MessagePort, type Worker } from 'node:worker_threads';
import type { Steps } from '../steps/run-steps';
import { startWorker, type WorkerEntry } from '../query-worker/worker-entry';
import { EntityIndexBuilder, type IndexedEntity } from './entity-index';

/** A stored document as the finder reads it: its text and its paragraphs not folded, as (idx, start, end) triples. */
export type EntityDocument = { ord: number; text: string; paragraphs: Int32Array };
export type EntityBatch = EntityDocument[];
export type EntityWorkerData = { counters: Int32Array };
export type FromEntityWorker = { ok: true; entities: IndexedEntity[] } | { ok: false; message: string };

/** Characters of text per batch handed to the worker. */
const BATCH_CHARS = 512 * 1024;
/** Batches handed over but not yet read, at most: bounds the text waiting in the worker (a few MB). */
const BATCHES_AHEAD = 4;
/** A worker that reads nothing for so long is given up: the build finds the entities itself. */
const STALL_MS = 60_000;
/** Longest blocking wait between two yields while the build waits for the worker. */
const WAIT_MS = 20;

export type EntityPass = {
  /** Hands the worker more documents while it keeps up; cheap, called between steps of other work. */
  pump(): void;
  /**
   * The entity index of every document: the worker's, once it has read the rest (yielding
   * between short waits), or, without a worker or when it failed, found in this thread (yielding
   * after each document). Either way the same index, the same order.
   */
  finish(): Steps<IndexedEntity[]>;
  /** Ends the worker (whatever happened; finish() does it too). */
  close(): void;
};

/**
 * Finds the entities of documents 0 … count-1 (read(ord) gives one) in a worker thread, while the
 * build does other work, or in the build's thread without a worker entry.
 */
export function startEntityPass(count: number, read: (ord: number) => EntityDocument, entry: WorkerEntry | undefined): EntityPass {
  let thread: { worker: Worker; port: MessagePort; counters: Int32Array } | undefined;
  let nextOrd = 0;
  let posted = 0;
  if (entry && count > 0) {
    const counters = new Int32Array(new SharedArrayBuffer(8));
    const { port1, port2 } = new MessageChannel();
    const worker = startWorker(entry, { workerData: { port: port2, counters } satisfies EntityWorkerData & { port: MessagePort }, transferList: [port2] });
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

  const post = () => {
    const batch: EntityBatch = [];
    let chars = 0;
    while (nextOrd < count && chars < BATCH_CHARS) {
      const doc = read(nextOrd++);
      batch.push(doc);
      chars += doc.text.length;
    }
    thread!.port.postMessage(batch);
    posted++;
  };

  const pump = () => {
    if (!thread) return;
    while (nextOrd < count && posted - Atomics.load(thread.counters, 0) < BATCHES_AHEAD) post();
  };

  function* inThisThread(): Steps<IndexedEntity[]> {
    const builder = new EntityIndexBuilder();
    for (let ord = 0; ord < count; ord++) {
      const { text, paragraphs: p } = read(ord);
      const counted = { count: 0 };
      for (let k = 0; k < p.length; k += 3) builder.addParagraph(ord, p[k]!, p[k + 1]!, text.slice(p[k + 1]!, p[k + 2]!), counted);
      yield;
    }
    return builder.finish();
  }

  function* fromWorker(): Steps<IndexedEntity[] | undefined> {
    const { port, counters } = thread!;
    let lastRead = Atomics.load(counters, 0);
    let lastProgress = performance.now();
    const waitFor = function* (done: () => boolean, slot: number) {
      while (!done()) {
        const read = Atomics.load(counters, 0);
        if (read !== lastRead) {
          lastRead = read;
          lastProgress = performance.now();
        }
        if (performance.now() - lastProgress > STALL_MS) return false;
        Atomics.wait(counters, slot, Atomics.load(counters, slot), WAIT_MS);
        pump();
        yield;
      }
      return true;
    };
    if (!(yield* waitFor(() => nextOrd >= count, 0))) return undefined;
    port.postMessage('finish');
    if (!(yield* waitFor(() => Atomics.load(counters, 1) === 1, 1))) return undefined;
    const answer = receiveMessageOnPort(port)?.message as FromEntityWorker | undefined;
    return answer?.ok ? answer.entities : undefined;
  }

  return {
    pump,
    *finish() {
      try {
        const entities = thread ? yield* fromWorker() : undefined;
        if (entities) return entities;
      } finally {
        close();
      }
      // No worker, or it failed: the same index, found here.
      return yield* inThisThread();
    },
    close,
  };
}
