import type { SkipReason } from './skip-reasons';

/** A corpus file Carrel opened or built before, for "Recent corpora". */
export type RecentCorpus = {
  file: string;
  corpusId: string;
  title: string;
  documentCount: number;
  /** When it was last opened (or built), ISO 8601. */
  openedAt: string;
  /** It is the corpus open now. */
  isOpen: boolean;
  /** The file is still where it was. */
  available: boolean;
};

export type CorpusBuildState = 'running' | 'done' | 'failed' | 'cancelled';

/** Most skipped files a status carries; the count is always complete. */
export const BUILD_STATUS_MAX_SKIPPED = 500;

/** A corpus build started from the app, as the progress panel shows it. */
export type CorpusBuildStatus = {
  jobId: string;
  sourcesDir: string;
  outFile: string;
  state: CorpusBuildState;
  phase: 'reading' | 'indexing' | 'finishing';
  /** Files handled so far, of total. */
  done: number;
  total: number;
  bytes: number;
  totalBytes: number;
  /** Documents added so far, and of those indexed so far. */
  documents: number;
  indexed: number;
  elapsedMs: number;
  /** When the build is done: what went in and what was left out, with reasons. */
  summary?: {
    corpusId: string;
    title: string;
    documents: number;
    skippedCount: number;
    /** The first BUILD_STATUS_MAX_SKIPPED skipped files. */
    skipped: { path: string; reason: SkipReason; message: string }[];
    totalBytes: number;
    durationMs: number;
  };
  /** Why it failed, in words for the user. */
  error?: string;
};
