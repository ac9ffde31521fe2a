import type { SkipReason } from './skip-reasons';

/** A corpus file Carrel opened or built before, for "Recent corpora". */
export type RecentCorpus = {
  file: string;
  corpusId: string;
  title: string;
  documentCount: number;
  /** When it was last opened (or built), ISO 8601. */
  openedAt: string;
  /** Built in the app and not opened since. */
  builtOnly?: boolean;
  /** It is the corpus open now. */
  isOpen: boolean;
  /** The file is still where it was. */
  available: boolean;
};

/** "Recent corpora", and why the list could not be saved if so (it is then kept until Carrel closes). */
export type RecentCorpusList = {
  corpora: RecentCorpus[];
  /** In words for the user, e.g. the disk is full. */
  saveProblem?: string;
};

export type BuildPhase = 'reading' | 'indexing' | 'finishing';

/** How far a corpus build is, as the builder reports it. */
export type BuildProgress = {
  phase: BuildPhase;
  /** Files handled so far (reading) out of total. */
  done: number;
  total: number;
  bytes: number;
  totalBytes: number;
  /** Documents added so far, and of those, indexed so far (the indexing phase). */
  documents: number;
  indexed: number;
};

export type CorpusBuildState = 'running' | 'done' | 'failed' | 'cancelled';

/** Most skipped files a status carries; the count is always complete. */
export const BUILD_STATUS_MAX_SKIPPED = 500;

/** A corpus build started from the app, as the progress panel shows it. */
export type CorpusBuildStatus = BuildProgress & {
  jobId: string;
  sourcesDir: string;
  outFile: string;
  state: CorpusBuildState;
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

/**
 * A corpus file made by an older Carrel (or whose build did not finish): where it came from,
 * as its own meta table says, and whether this Carrel can rebuild it.
 */
export type OutdatedCorpus = {
  file: string;
  fileName: string;
  title: string;
  corpusId: string;
  /** The builder that made it ('' when the file does not say). */
  builderVersion: string;
  /** When it was made, ISO 8601 ('' when the file does not say). */
  createdAt: string;
  formatVersion: number;
  /** The format this Carrel reads. */
  currentFormatVersion: number;
  /** The folder it is rebuilt from (one that makes the same corpus id, so notes stay with it), when Carrel knows one. */
  sourcesDir?: string;
  /** When sourcesDir is unknown: why, and what the user can do, in words. */
  advice?: string;
};
