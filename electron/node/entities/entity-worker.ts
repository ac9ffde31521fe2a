import { workerData, type MessagePort } from 'node:worker_threads';
import { EntityIndexBuilder } from './entity-index';
import { addBatch, type EntityBatch, type EntityWorkerData, type FromEntityWorker } from './entity-pass';

// The entity finder in its own thread (entity-pass.ts): documents come in batches, in corpus
// order, and go through the same EntityIndexBuilder as in the build's thread, so the index is
// the same. counters[0] counts the batches read; counters[1] turns 1 once the answer is posted.

const { port, counters } = workerData as EntityWorkerData & { port: MessagePort };
const builder = new EntityIndexBuilder();

const answer = (message: FromEntityWorker) => {
  port.postMessage(message);
  Atomics.store(counters, 1, 1);
  Atomics.notify(counters, 1);
  port.close();
};

port.on('message', (message: EntityBatch | 'finish') => {
  try {
    if (message === 'finish') return answer({ ok: true, entities: builder.finish() });
    addBatch(builder, message);
    Atomics.add(counters, 0, 1);
    Atomics.notify(counters, 0);
  } catch (error) {
    answer({ ok: false, message: error instanceof Error ? error.message : String(error) });
  }
});
