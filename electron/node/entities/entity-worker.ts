import { workerData, type MessagePort } from 'node:worker_threads';
import type { EntityBatch, EntityWorkerData, FromEntityWorker } from './entity-pass';
import { FoundParagraphs } from './found-paragraphs';

// The entity finder in its own thread (entity-pass.ts): documents come in batches, in corpus
// order (from while they are read; those refolded since come again, as redo), and their finds
// go through the same EntityIndexBuilder as in the build's thread once every document is in, so
// the index is the same. counters[0] counts the batches read; counters[1] turns 1 once the answer is posted.

const { port, counters } = workerData as EntityWorkerData & { port: MessagePort };
const found = new FoundParagraphs();

const answer = (message: FromEntityWorker) => {
  // The mentions move to the build's thread (no copy).
  port.postMessage(message, message.ok ? [message.index.mentions.buffer as ArrayBuffer] : []);
  Atomics.store(counters, 1, 1);
  Atomics.notify(counters, 1);
  port.close();
};

port.on('message', (message: EntityBatch | 'finish') => {
  try {
    if (message === 'finish') return answer({ ok: true, index: found.index() });
    if (message.redo) found.redo(message);
    else found.add(message);
    Atomics.add(counters, 0, 1);
    Atomics.notify(counters, 0);
  } catch (error) {
    answer({ ok: false, message: error instanceof Error ? error.message : String(error) });
  }
});
