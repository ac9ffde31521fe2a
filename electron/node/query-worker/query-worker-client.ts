import type { Worker } from 'node:worker_threads';
import { SUPERSEDED } from '../../common/ipc/superseded';
import { fail, type Result } from '../../common/result';
import type { Caller } from '../ipc/handler-table';
import { startWorker, type WorkerEntry } from './worker-entry';
import { SUPERSEDING_METHODS, type CorpusRef, type FromWorker, type ToWorker, type WorkerData, type WorkerHold, type WorkerMethod } from './worker-protocol';

/** A call running longer than this is stopped (its worker ended and started again). */
export const QUERY_TIME_BOUND_MS = 5000;
/** A superseded call still running after this gives way: the worker is restarted for the newer one. */
export const SUPERSEDE_GRACE_MS = 500;


export type QueryWorkerOptions = {
  entry: WorkerEntry;
  nativeBinding?: string;
  timeBoundMs?: number;
  supersedeGraceMs?: number;
  /** Test-only: see WorkerHold. */
  hold?: WorkerHold;
  log?: (message: string) => void;
};

export type QueryWorker = {
  call(method: WorkerMethod, input: unknown, corpus: CorpusRef, caller?: Caller): Promise<Result<unknown>>;
  /** How many times the worker was ended and started again (a runaway or superseded call). */
  restarts(): number;
  close(): Promise<void>;
};

type Call = {
  id: number;
  method: WorkerMethod;
  input: unknown;
  corpus: CorpusRef;
  key?: string;
  answered: boolean;
  resolve: (result: Result<unknown>) => void;
};

const seconds = (ms: number) => `${Math.round(ms / 100) / 10} seconds`;

/** What a call stopped at the time bound says: what happened, and what to do. */
export function timeBoundMessage(method: WorkerMethod, ms: number): string {
  if (method === 'search' || method === 'findInDocument' || method === 'concordance' || method === 'collocates') {
    return `This query was stopped after ${seconds(ms)}: it matches too much to answer in time. Make it narrower: add words that must be there (+word or AND), put words in "quotes" as a phrase, or use fewer wildcards (*) and fuzzy words (~).`;
  }
  return `Reading the corpus was stopped after ${seconds(ms)}. Try again; if it keeps happening, rebuild the corpus or open another one.`;
}

/**
 * Main's side of the query worker: a queue of calls sent one at a time (so main knows which
 * call runs), a newer search or find from the same window supersedes the older (answered
 * "superseded" at once; if it is running, the worker gets SUPERSEDE_GRACE_MS to finish it
 * before it is restarted), and a call running past the time bound is stopped with a message.
 */
export function createQueryWorker(options: QueryWorkerOptions): QueryWorker {
  const timeBoundMs = options.timeBoundMs ?? QUERY_TIME_BOUND_MS;
  const graceMs = options.supersedeGraceMs ?? SUPERSEDE_GRACE_MS;
  const log = options.log ?? ((message: string) => console.warn(message));
  const queue: Call[] = [];
  let running: Call | undefined;
  let timer: ReturnType<typeof setTimeout> | ReturnType<typeof setImmediate> | undefined;
  let worker: Worker | undefined;
  /** The worker has loaded (its first message): calls are sent, and timed, only then. */
  let ready = false;
  let nextId = 1;
  let restartCount = 0;
  let closed = false;

  const answer = (call: Call, result: Result<unknown>) => {
    if (call.answered) return;
    call.answered = true;
    call.resolve(result);
  };
  const stopTimer = () => {
    if (timer !== undefined) {
      clearTimeout(timer as ReturnType<typeof setTimeout>);
      clearImmediate(timer as ReturnType<typeof setImmediate>);
    }
    timer = undefined;
  };

  const spawn = (): Worker => {
    ready = false;
    const data: WorkerData = { nativeBinding: options.nativeBinding, hold: options.hold };
    const started = startWorker(options.entry, { workerData: data });
    started.on('message', (message: FromWorker) => {
      if (started !== worker) return;
      if ('ready' in message) {
        ready = true;
        pump();
        return;
      }
      if (running?.id !== message.id) return;
      const call = running;
      running = undefined;
      stopTimer();
      answer(call, message.result);
      pump();
    });
    const lost = (why: string) => {
      if (started !== worker) return;
      worker = undefined;
      if (!ready) {
        // It never started (a missing or broken bundle): say so rather than start it again and again.
        log(`The query worker could not start (${why}).`);
        for (const waiting of queue.splice(0)) answer(waiting, fail('internal', `Carrel could not start its corpus reader (${why}). Install Carrel again.`));
        return;
      }
      const call = running;
      running = undefined;
      stopTimer();
      if (call) {
        log(`The query worker stopped (${why}) during ${call.method}.`);
        answer(call, fail('internal', 'Reading the corpus stopped unexpectedly. Try again; the details were written to the log.'));
      }
      pump();
    };
    started.on('error', (error) => lost(error.message));
    started.on('exit', (code) => lost(`exit code ${code}`));
    return started;
  };

  const restart = () => {
    const old = worker;
    worker = undefined;
    restartCount++;
    void old?.terminate();
  };

  /** A worker with calls to answer keeps the process alive; an idle one does not (tests, benches). */
  const holdProcess = () => {
    if (running || queue.length > 0) worker?.ref();
    else worker?.unref();
  };

  const pump = () => {
    dispatch();
    holdProcess();
  };

  const dispatch = () => {
    if (closed || running || queue.length === 0) return;
    worker ??= spawn();
    if (!ready) return;
    const call = queue.shift()!;
    running = call;
    const message: ToWorker = { id: call.id, method: call.method, input: call.input, corpus: call.corpus };
    try {
      worker.postMessage(message);
    } catch (error) {
      running = undefined;
      answer(call, fail('invalid-argument', `${call.method}: the argument could not be sent (${(error as Error).message}).`));
      dispatch();
      return;
    }
    timer = setTimeout(() => {
      // Main's own thread may have been held past the bound (a long synchronous handler) while
      // the worker answered: timers run before the messages waiting, so read those first
      // (setImmediate runs after the event loop's poll, where the worker's messages arrive).
      timer = setImmediate(() => {
        timer = undefined;
        if (running !== call) return;
        running = undefined;
        log(`${call.method} ran past ${timeBoundMs} ms and was stopped.`);
        answer(call, fail('query-timeout', timeBoundMessage(call.method, timeBoundMs)));
        restart();
        pump();
      });
    }, timeBoundMs);
  };

  /** Answers the caller's older call of the same kind "superseded"; a running one gets the grace time. */
  const supersede = (key: string) => {
    for (let i = queue.length - 1; i >= 0; i--) {
      if (queue[i]!.key === key) answer(queue.splice(i, 1)[0]!, fail(SUPERSEDED, 'A newer query took the place of this one.'));
    }
    if (running?.key === key && !running.answered) {
      answer(running, fail(SUPERSEDED, 'A newer query took the place of this one.'));
      const call = running;
      stopTimer();
      timer = setTimeout(() => {
        timer = undefined;
        if (running !== call) return;
        running = undefined;
        restart();
        pump();
      }, graceMs);
    }
  };

  // Started at once, so that it has loaded (in parallel with the window) by the first call.
  worker = spawn();
  holdProcess();

  return {
    call(method, input, corpus, caller) {
      if (closed) return Promise.resolve(fail('unavailable', 'Carrel is closing.'));
      const key = caller !== undefined && SUPERSEDING_METHODS.has(method) ? `${String(caller)}\u0000${method}` : undefined;
      if (key !== undefined) supersede(key);
      return new Promise((resolve) => {
        queue.push({ id: nextId++, method, input, corpus, key, answered: false, resolve });
        pump();
      });
    },
    restarts: () => restartCount,
    async close() {
      closed = true;
      stopTimer();
      for (const call of queue.splice(0)) answer(call, fail('unavailable', 'Carrel is closing.'));
      if (running) answer(running, fail('unavailable', 'Carrel is closing.'));
      running = undefined;
      const old = worker;
      worker = undefined;
      await old?.terminate();
    },
  };
}
