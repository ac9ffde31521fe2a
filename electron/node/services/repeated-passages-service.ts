import type { CarrelServices } from '../../common/ipc/ipc-contract';
import { BUILD_MIN_WORDS } from '../../common/analysis/repeated-types';
import type { CorpusStore } from '../corpus/corpus-store';
import { ServiceError } from './service-error';

export type RepeatedPassagesService = Pick<CarrelServices, 'repeatedPassages' | 'documentRepeats' | 'paragraphElsewhere'>;

/** Repeated passages of the open corpus, as found at build time (repeated-passages.ts). */
export function createRepeatedPassagesService(requireStore: () => CorpusStore): RepeatedPassagesService {
  return {
    repeatedPassages({ minWords = BUILD_MIN_WORDS, offset = 0, limit = 100, sort = 'size' }) {
      const started = performance.now();
      const words = Math.max(minWords, BUILD_MIN_WORDS);
      const { total, groups } = requireStore().repeatedGroups(words, offset, limit, sort);
      return { minWords: words, total, offset, sort, groups, tookMs: performance.now() - started };
    },
    documentRepeats({ documentId }) {
      const repeats = requireStore().documentRepeats(documentId);
      if (!repeats) throw new ServiceError('not-found', 'That document is not in the open corpus.');
      return repeats;
    },
    paragraphElsewhere({ documentId, paragraph }) {
      const places = requireStore().paragraphElsewhere(documentId, paragraph);
      if (!places) throw new ServiceError('not-found', 'That document is not in the open corpus.');
      return places;
    },
  };
}
