import type { z } from 'zod';
import type { CollocatesResponse, ConcordanceResponse } from '../../analysis/analysis-types';
import type { ANALYSIS_SCHEMAS } from './analysis-schemas';
import { featureChannels } from './feature-channels';

type In<M extends keyof typeof ANALYSIS_SCHEMAS> = z.infer<(typeof ANALYSIS_SCHEMAS)[M]>;

/** Corpus analysis over the search index: keyword in context and collocates. */
export interface AnalysisContract {
  /** Every occurrence of a query in the texts with its context, sorted and paged; a malformed query fails with `query-syntax`. */
  concordance(input: In<'concordance'>): ConcordanceResponse;
  /** The words near a query's occurrences, with counts, log-likelihood and mutual information. */
  collocates(input: In<'collocates'>): CollocatesResponse;
}

export const ANALYSIS_CHANNELS = featureChannels('analysis', ['concordance', 'collocates']);
