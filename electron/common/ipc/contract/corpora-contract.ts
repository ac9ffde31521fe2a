import type { z } from 'zod';
import type { CorpusInfo } from '../../corpus/corpus-types';
import type { CorpusBuildStatus, OutdatedCorpus, RecentCorpusList } from '../../corpus/corpus-choice-types';
import type { CORPORA_SCHEMAS } from './corpora-schemas';
import { featureChannels } from './feature-channels';

type In<M extends keyof typeof CORPORA_SCHEMAS> = z.infer<(typeof CORPORA_SCHEMAS)[M]>;

/** Corpora: opening another corpus file, recent ones, building one from a folder. */
export interface CorporaContract {
  /** Lets the user pick a corpus file in the shell's dialog and opens it; null when cancelled. */
  chooseCorpus(input: In<'chooseCorpus'>): Promise<CorpusInfo | null>;
  /** Corpora opened or built before, most recent first, and why the list could not be saved if so. */
  listRecentCorpora(input: In<'listRecentCorpora'>): RecentCorpusList;
  /** Opens a corpus from the recent list (main opens only files it listed itself). */
  openRecentCorpus(input: In<'openRecentCorpus'>): CorpusInfo;
  /** Takes a corpus off the recent list; its file is not touched. */
  forgetRecentCorpus(input: In<'forgetRecentCorpus'>): RecentCorpusList;
  /**
   * Asks for a folder and where to write its corpus, then builds it in the background; null when
   * cancelled. The title, when given, overrides the folder's carrel-corpus.json and its name.
   */
  startCorpusBuild(input: In<'startCorpusBuild'>): Promise<CorpusBuildStatus | null>;
  getCorpusBuild(input: In<'getCorpusBuild'>): CorpusBuildStatus;
  /** Stops a build; nothing half-written is left behind. */
  cancelCorpusBuild(input: In<'cancelCorpusBuild'>): Promise<CorpusBuildStatus>;
  /**
   * The corpus Carrel is on (no file) or one from the recent list, when it was made by an older
   * Carrel: where it came from, and the folder it can be rebuilt from if known; else null.
   */
  getOutdatedCorpus(input: In<'getOutdatedCorpus'>): OutdatedCorpus | null;
  /** Rebuilds such a corpus from its known sources into the same file: a build like startCorpusBuild's, no dialog. */
  rebuildCorpus(input: In<'rebuildCorpus'>): CorpusBuildStatus;
}

export const CORPORA_CHANNELS = featureChannels('corpora', [
  'chooseCorpus',
  'listRecentCorpora',
  'openRecentCorpus',
  'forgetRecentCorpus',
  'startCorpusBuild',
  'getCorpusBuild',
  'cancelCorpusBuild',
  'getOutdatedCorpus',
  'rebuildCorpus',
]);
