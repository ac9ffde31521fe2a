import type { CitationEngine } from './citation-engine';

/** One call of the engine, as data: what main sends the citation worker, one or many at a time. */
export type CitationCall = {
  [M in keyof CitationEngine]: { method: M; args: Parameters<CitationEngine[M]> };
}[keyof CitationEngine];

/**
 * The engine as the services use it: each answer a promise, since it may come from the citation
 * worker (citation-client.ts) rather than from citation-js on the calling thread.
 */
export type AsyncCitationEngine = {
  [M in keyof CitationEngine]: (...args: Parameters<CitationEngine[M]>) => Promise<ReturnType<CitationEngine[M]>>;
} & {
  /** Several calls in one round trip (a notebook export's references and citations), answered in order. */
  batch(calls: CitationCall[]): Promise<string[]>;
  /** Ends the worker, if there is one. */
  close(): Promise<void>;
};

/** Runs one call on an engine (the worker and the in-process engine alike). */
export function runCall(engine: CitationEngine, call: CitationCall): string {
  switch (call.method) {
    case 'reference':
      return engine.reference(...call.args);
    case 'citation':
      return engine.citation(...call.args);
    case 'bibliography':
      return engine.bibliography(...call.args);
  }
}

/**
 * The engine on the calling thread, created at its first call (the command line and unit tests,
 * which have no workers). Its work still blocks the thread: the app uses the worker.
 */
export function inProcessEngine(create: () => CitationEngine): AsyncCitationEngine {
  let engine: CitationEngine | undefined;
  const run = async (call: CitationCall) => runCall((engine ??= create()), call);
  return {
    reference: (...args) => run({ method: 'reference', args }),
    citation: (...args) => run({ method: 'citation', args }),
    bibliography: (...args) => run({ method: 'bibliography', args }),
    batch: async (calls) => {
      const answers: string[] = [];
      for (const call of calls) answers.push(await run(call));
      return answers;
    },
    close: async () => {},
  };
}
