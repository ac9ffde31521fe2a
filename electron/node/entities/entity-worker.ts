import { workerData, type MessagePort } from 'node:worker_threads';
import { EntityIndexBuilder } from './entity-index';
import type { EntityBatch, EntityWorkerData, FromEntityWorker } from './entity-pass';

// The entity finder in its own thread (entity-pass.ts): documents come in batches, in corpus
// order, and go through the same EntityIndexBuilder as in the build's thread, so the index is
// the same. counters[0] counts the batches read; counters[1] turns 1 once the answer is posted.

const { port, counters } = workerData as EntityWorkerData & { port: MessagePort };
const builder = new EntityIndexBuilder();

const post = (message: FromEntityWorker) => {
  port.postMessage(message);
  Atomics.store(counters, 1, 1);
  Atomics.notify(counters, 1);
};

port.on('message', (message: EntityBatch | 'finish') => {
  try {
    if (message === 'finish') {
      post({ ok: true, entities: builder.finish() });
      port.close();
      return;
    }
    for (const doc of message) {
      const counted = { count: 0 };
      const p = doc.paragraphs;
      for (let k = 0; k < p.length; k += 3) builder.addParagraph(doc.ord, p[k]!, p[k + 1]!, doc.text.slice(p[k + 1]!, p[k + 2]!), counted);
    }
    Atomics.add(counters, 0, 1);
    Atomics.notify(counters, 0);
  } catch (error) {
    post({ ok: false, message: error instanceof Error ? error.message : String(error) });
    port.close();
  }
});
