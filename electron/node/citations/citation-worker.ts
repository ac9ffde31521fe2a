import { parentPort, workerData } from 'node:worker_threads';
import { ServiceError } from '../services/service-error';
import { runCall, type CitationCall } from './citation-calls';
import { createCitationEngine } from './citation-engine';
import type { CitationWorkerData, FromCitationWorker, ToCitationWorker } from './citation-worker-protocol';

// The citation worker: citation-js and citeproc-js, off Electron's main thread. Loading them
// and parsing a style's CSL and locale take seconds on a busy machine (issue 15); here they
// hold only this thread, and main's calls (IPC, the query worker's answers) go on meanwhile.

const data = workerData as CitationWorkerData;
const engine = createCitationEngine(data.cslDir);
const answer = (message: FromCitationWorker) => parentPort!.postMessage(message);

const itemIds = (call: CitationCall): string[] => (call.method === 'bibliography' ? call.args[0].map((item) => item.id) : [call.args[0].id]);

/** The test hooks of CitationWorkerData. */
function testHooks(calls: CitationCall[]): void {
  const ids = calls.flatMap(itemIds);
  if (data.exitOnItem !== undefined && ids.includes(data.exitOnItem)) process.exit(1);
  if (data.hangOnItem !== undefined && ids.includes(data.hangOnItem)) for (;;);
}

parentPort!.on('message', (message: ToCitationWorker) => {
  try {
    testHooks(message.calls);
    answer({ id: message.id, answers: message.calls.map((call) => runCall(engine, call)) });
  } catch (error) {
    const e = error instanceof Error ? error : new Error(String(error));
    answer({ id: message.id, error: { message: e.message, stack: e.stack, ...(e instanceof ServiceError ? { code: e.code, retryable: e.retryable } : {}) } });
  }
});
answer({ ready: true });
