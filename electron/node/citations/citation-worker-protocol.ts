import type { CitationCall } from './citation-calls';

/** What main sends the citation worker: one call, or several answered together. */
export type ToCitationWorker = { id: number; calls: CitationCall[] };

/** An error thrown in the worker, as data: a ServiceError keeps its code (and retryable). */
export type CitationWorkerError = { message: string; stack?: string; code?: string; retryable?: boolean };

/** A call's answers (one per call sent), or its error; or (once, first) that citation-js has loaded. */
export type FromCitationWorker = { id: number; answers: string[] } | { id: number; error: CitationWorkerError } | { ready: true };

export type CitationWorkerData = {
  cslDir: string;
  /** Test-only: a call about the item with this id ends the worker (exit code 1), as a crash would. */
  exitOnItem?: string;
  /** Test-only: a call about the item with this id never returns (a busy loop), as a hang would. */
  hangOnItem?: string;
};
