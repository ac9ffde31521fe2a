import { workerData } from 'node:worker_threads';
import { chunkOf, IndexScanner } from './build-search-index';
import type { FromIndexWorker, IndexBatch, IndexWorkerData } from './index-pass';

// One run of consecutive documents of the search index in its own thread (index-pass.ts): they
// come in batches, in order, through the same IndexScanner as in the build's thread, and the
// chunk goes back as typed arrays handed over, not copied. counters[0] counts the batches read;
// counters[1] turns 1 once the answer is posted.

const { from, count, counters, port } = workerData as IndexWorkerData;
const scanner = new IndexScanner(from, count);

const answer = (message: FromIndexWorker, transfer: ArrayBuffer[] = []) => {
  port.postMessage(message, transfer);
  Atomics.store(counters, 1, 1);
  Atomics.notify(counters, 1);
  port.close();
};

port.on('message', (message: IndexBatch | 'finish') => {
  try {
    if (message === 'finish') {
      const chunk = chunkOf(scanner);
      const arrays = [chunk.lengths, chunk.wordTerms, chunk.termEntries, chunk.keys, chunk.tfs, chunk.entryBytes, chunk.occurrences];
      return answer({ ok: true, chunk }, [...new Set(arrays.map((a) => a.buffer as ArrayBuffer))]);
    }
    message.documents.forEach((doc, k) => scanner.add(message.from + k, doc));
    Atomics.add(counters, 0, 1);
    Atomics.notify(counters, 0);
  } catch (error) {
    answer({ ok: false, message: error instanceof Error ? error.message : String(error) });
  }
});
