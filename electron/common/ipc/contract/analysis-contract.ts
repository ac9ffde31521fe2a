import type { z } from 'zod';
import type { CollocatesResponse, ConcordanceResponse, CsvExportResult, DistributionResponse, RelatedResponse, WordListProgress, WordListResponse } from '../../analysis/analysis-types';
import type { DocumentRepeats, ParagraphElsewhere, RepeatedResponse } from '../../analysis/repeated-types';
import type { ANALYSIS_SCHEMAS } from './analysis-schemas';
import { featureChannels } from './feature-channels';

type In<M extends keyof typeof ANALYSIS_SCHEMAS> = z.infer<(typeof ANALYSIS_SCHEMAS)[M]>;

/** Corpus analysis over the search index: keyword in context and collocates. */
export interface AnalysisContract {
  /** Every occurrence of a query in the texts with its context, sorted and paged; a malformed query fails with `query-syntax`. */
  concordance(input: In<'concordance'>): ConcordanceResponse;
  /** The words near a query's occurrences, with counts, log-likelihood and mutual information. */
  collocates(input: In<'collocates'>): CollocatesResponse;
  /** Asks where to save (the shell's dialog), then writes the concordance as CSV; `saved: false` when cancelled. */
  exportConcordanceCsv(input: In<'exportConcordanceCsv'>): Promise<CsvExportResult>;
  /** Words or n-grams of the corpus or of chosen documents, the most frequent (MAX_WORD_LIST_ENTRIES); counted a batch at a time, other requests answered between. */
  wordList(input: In<'wordList'>): Promise<WordListResponse>;
  /** How far the latest word list has been counted (polled while it runs). */
  wordListProgress(input: In<'wordListProgress'>): WordListProgress;
  /** Stops the word list being counted at its next batch (its request fails with `cancelled`); `cancelled: false` when none runs. */
  cancelWordList(input: In<'cancelWordList'>): { cancelled: boolean };
  /** The word list as CSV, to a file chosen in a save dialog. */
  exportWordListCsv(input: In<'exportWordListCsv'>): Promise<CsvExportResult>;
  /** A query's occurrences per document and per 10,000 words, and by period where documents have dates. */
  distribution(input: In<'distribution'>): DistributionResponse;
  /** The documents most like one, by TF-IDF cosine over the index (computed on first use, kept per corpus). */
  relatedDocuments(input: In<'relatedDocuments'>): Promise<RelatedResponse>;
  /** The corpus's repeated passages (found at build time), in groups, largest first, a page at a time. */
  repeatedPassages(input: In<'repeatedPassages'>): RepeatedResponse;
  /** The paragraphs of a document that stand elsewhere too, and in how many other places. */
  documentRepeats(input: In<'documentRepeats'>): DocumentRepeats;
  /** One paragraph's other places, most alike first, with how alike each is (read when its mark is opened). */
  paragraphElsewhere(input: In<'paragraphElsewhere'>): ParagraphElsewhere;
}

export const ANALYSIS_CHANNELS = featureChannels('analysis', ['concordance', 'collocates', 'exportConcordanceCsv', 'wordList', 'wordListProgress', 'cancelWordList', 'exportWordListCsv', 'distribution', 'relatedDocuments', 'repeatedPassages', 'documentRepeats', 'paragraphElsewhere']);
