import { setImmediate as yieldToEventLoop, setTimeout as sleep } from 'node:timers/promises';

/**
 * Long work written once as a generator: each `yield` marks a point where it may pause.
 * The command line drives it straight through; the app drives it in time slices so that
 * Electron's main process keeps answering the window while a corpus builds.
 */
export type Steps<T> = Generator<unknown, T, undefined>;

/** Runs every step at once. */
export function runSteps<T>(steps: Steps<T>): T {
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
  }
}

export class StepsCancelled extends Error {
  constructor() {
    super('Cancelled.');
  }
}

export type SliceOptions = {
  /** Longest stretch of work between two turns of the event loop. */
  sliceMs?: number;
  /** Aborting stops at the next step; the generator's `finally` blocks clean up. */
  signal?: AbortSignal;
  /** Rest between two slices (default 0: only a turn of the event loop), for work that should take a back seat. */
  pauseMs?: number;
};

/** Runs the steps in slices of about sliceMs, yielding to the event loop before and between slices. */
export async function runStepsInSlices<T>(steps: Steps<T>, options: SliceOptions = {}): Promise<T> {
  const sliceMs = options.sliceMs ?? 25;
  try {
    // The caller gets its promise back before any work is done.
    await yieldToEventLoop();
    for (;;) {
      const sliceEnd = performance.now() + sliceMs;
      do {
        if (options.signal?.aborted) throw new StepsCancelled();
        const next = steps.next();
        if (next.done) return next.value;
      } while (performance.now() < sliceEnd);
      if (options.pauseMs) await sleep(options.pauseMs);
      else await yieldToEventLoop();
    }
  } finally {
    // Runs the generator's own clean-up when it stopped early (cancel or error).
    steps.return(undefined as never);
  }
}
