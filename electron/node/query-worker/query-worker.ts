import { parentPort, workerData } from 'node:worker_threads';
import type { CarrelServices } from '../../common/ipc/ipc-contract';
import { fail } from '../../common/result';
import { createHandler } from '../ipc/handler-table';
import { createAnalysisService } from '../services/analysis-service';
import { createCorpusService, type CorpusService } from '../services/corpus-service';
import { createSearchService } from '../services/search-service';
import type { CorpusRef, FromWorker, ToWorker, WorkerData, WorkerMethod } from './worker-protocol';

// The query worker: its own read-only connection to the corpus main has open, and the same
// services and handlers (schema check, error Results) main would run in-process.

const data = workerData as WorkerData;
let opened: { ref: CorpusRef; corpus: CorpusService } | undefined;

const corpus = (): CorpusService => opened!.corpus;
const requireStore = () => corpus().requireStore();
const services = {
  listDocuments: () => corpus().listDocuments(undefined),
  getDocument: (request) => corpus().getDocument(request),
  getDocumentStart: (request) => corpus().getDocumentStart(request),
  getOriginal: (request) => corpus().getOriginal(request),
  ...createSearchService(requireStore),
  ...createAnalysisService(requireStore),
} satisfies Pick<CarrelServices, WorkerMethod>;
const handlers = new Map<WorkerMethod, ReturnType<typeof createHandler>>();
const handlerOf = (method: WorkerMethod) => {
  let handler = handlers.get(method);
  if (!handler) handlers.set(method, (handler = createHandler(services as unknown as CarrelServices, method)));
  return handler;
};

/** Opens the corpus named by the call unless it is the one open (same file, same opening). */
function use(ref: CorpusRef): void {
  if (opened && opened.ref.file === ref.file && opened.ref.generation === ref.generation) return;
  opened?.corpus.close();
  opened = { ref, corpus: createCorpusService(ref.file, { nativeBinding: data.nativeBinding }) };
}

function hold(message: ToWorker): void {
  const spec = data.hold;
  if (!spec || spec.method !== message.method || (message.input as { query?: unknown } | undefined)?.query !== spec.query) return;
  const release = new Int32Array(spec.release);
  while (Atomics.load(release, 0) === 0) Atomics.wait(release, 0, 0);
}

const answer = (message: FromWorker) => parentPort!.postMessage(message);

parentPort!.on('message', (message: ToWorker) => {
  try {
    use(message.corpus);
    hold(message);
  } catch (error) {
    console.error(error);
    answer({ id: message.id, result: fail('internal', 'Something went wrong inside Carrel. The details were written to the log.') });
    return;
  }
  void handlerOf(message.method)(message.input).then((result) => answer({ id: message.id, result }));
});
answer({ ready: true });
