import type { Worker } from 'node:worker_threads';
import { startWorker, type WorkerEntry } from '../query-worker/worker-entry';
import { ServiceError } from '../services/service-error';
import type { AsyncCitationEngine, CitationCall } from './citation-calls';
import type { CitationWorkerData, CitationWorkerError, FromCitationWorker, ToCitationWorker } from './citation-worker-protocol';

/**
 * A citation worker that answers nothing for this long is taken for hung, ended, and its calls
 * answered with a message. Generous: the first citation of a style parses its CSL and locale,
 * ~9 s on the shared machine at load 10 (bench/README.md), and a corpus's bibliography is one call.
 */
export const CITATION_TIME_BOUND_MS = 60_000;

export type CitationClientOptions = {
  entry: WorkerEntry;
  cslDir: string;
  timeBoundMs?: number;
  log?: (message: string) => void;
} & Pick<CitationWorkerData, 'exitOnItem' | 'hangOnItem'>;

export type CitationClient = AsyncCitationEngine & {
  /** How many workers were started so far (a new one after a crash, a hang or an exit). */
  starts(): number;
};

type Pending = { resolve: (answers: string[]) => void; reject: (error: Error) => void };

const seconds = (ms: number) => `${Math.round(ms / 100) / 10} seconds`;

/** An error the worker sent back, as it was thrown there (a ServiceError keeps its code). */
function thrown(error: CitationWorkerError): Error {
  const rebuilt = error.code !== undefined ? new ServiceError(error.code, error.message, { retryable: error.retryable }) : new Error(error.message);
  if (error.stack) rebuilt.stack = error.stack;
  return rebuilt;
}

/**
 * Main's side of the citation worker (citation-worker.ts): the engine's calls as promises.
 * The worker is started at the first call (loading citation-js costs seconds of CPU: not paid
 * at every start, nor by a session that never cites). A worker that crashes, exits or stops
 * answering (CITATION_TIME_BOUND_MS, counted from its start, its last answer, or the call
 * sent to an idle worker) has its calls answered with an error, and the next call starts another.
 */
export function createCitationClient(options: CitationClientOptions): CitationClient {
  const timeBoundMs = options.timeBoundMs ?? CITATION_TIME_BOUND_MS;
  const log = options.log ?? ((message: string) => console.warn(message));
  const pending = new Map<number, Pending>();
  let worker: Worker | undefined;
  let ready = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let nextId = 1;
  let startCount = 0;
  let closed = false;

  const failAll = (error: ServiceError) => {
    const waiting = [...pending.values()];
    pending.clear();
    for (const call of waiting) call.reject(error);
  };

  /** The watchdog runs while calls wait, restarted by every sign of life; an idle worker does not hold the process. */
  const watch = () => {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
    if (!worker) return;
    if (pending.size === 0) {
      worker.unref();
      return;
    }
    worker.ref();
    timer = setTimeout(() => {
      timer = undefined;
      log(`The citation worker answered nothing for ${timeBoundMs} ms and was stopped.`);
      const hung = worker;
      worker = undefined;
      void hung?.terminate();
      failAll(new ServiceError('citation-timeout', `Formatting the citation was stopped after ${seconds(timeBoundMs)}: the citation engine did not answer. Try again.`, { retryable: true }));
    }, timeBoundMs);
  };

  const spawn = (): Worker => {
    ready = false;
    startCount++;
    const data: CitationWorkerData = { cslDir: options.cslDir, exitOnItem: options.exitOnItem, hangOnItem: options.hangOnItem };
    const started = startWorker(options.entry, { workerData: data });
    started.on('message', (message: FromCitationWorker) => {
      if (started !== worker) return;
      if ('ready' in message) {
        ready = true;
      } else {
        const call = pending.get(message.id);
        pending.delete(message.id);
        if (call && 'answers' in message) call.resolve(message.answers);
        else if (call && 'error' in message) call.reject(thrown(message.error));
      }
      watch();
    });
    const lost = (why: string) => {
      if (started !== worker) return;
      worker = undefined;
      watch();
      log(`The citation worker ${ready ? 'stopped' : 'could not start'} (${why}).`);
      failAll(
        ready
          ? new ServiceError('internal', 'The citation engine stopped unexpectedly. Try again; the details were written to the log.', { retryable: true })
          : new ServiceError('internal', `Carrel could not start its citation engine (${why}). Try again; if it keeps happening, install Carrel again.`, { retryable: true }),
      );
    };
    started.on('error', (error) => lost(error.message));
    started.on('exit', (code) => lost(`exit code ${code}`));
    return started;
  };

  const send = (calls: CitationCall[]): Promise<string[]> => {
    if (closed) return Promise.reject(new ServiceError('unavailable', 'Carrel is closing.'));
    const idle = pending.size === 0;
    worker ??= spawn();
    const id = nextId++;
    const message: ToCitationWorker = { id, calls };
    return new Promise<string[]>((resolve, reject) => {
      pending.set(id, { resolve, reject });
      try {
        // Messages wait in the worker's port until it has loaded; they are answered in order.
        worker!.postMessage(message);
      } catch (error) {
        pending.delete(id);
        reject(new ServiceError('invalid-argument', `The citation could not be sent to the citation engine (${(error as Error).message}).`));
      }
      if (idle) watch();
    });
  };
  const one = async (call: CitationCall) => (await send([call]))[0]!;

  return {
    reference: (...args) => one({ method: 'reference', args }),
    citation: (...args) => one({ method: 'citation', args }),
    bibliography: (...args) => one({ method: 'bibliography', args }),
    batch: (calls) => (calls.length === 0 ? Promise.resolve([]) : send(calls)),
    starts: () => startCount,
    async close() {
      closed = true;
      const last = worker;
      worker = undefined;
      watch();
      failAll(new ServiceError('unavailable', 'Carrel is closing.'));
      await last?.terminate();
    },
  };
}
