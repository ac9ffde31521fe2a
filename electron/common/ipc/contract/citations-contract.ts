import type { z } from 'zod';
import type { CitationStyle, DocumentDetails, FormattedCitation } from '../../citations/citation-types';
import type { ExportResult } from '../../exports/export-types';
import type { CITATIONS_SCHEMAS } from './citations-schemas';
import { featureChannels } from './feature-channels';

type In<M extends keyof typeof CITATIONS_SCHEMAS> = z.infer<(typeof CITATIONS_SCHEMAS)[M]>;

/**
 * Bibliographic details (CSL-JSON derived from the corpus, edits kept in the notes database),
 * citations in the bundled styles, and bibliographies. citation-js runs in Node services only.
 */
export interface CitationsContract {
  getDocumentDetails(input: In<'getDocumentDetails'>): DocumentDetails;
  saveDocumentDetails(input: In<'saveDocumentDetails'>): DocumentDetails;
  /** Forgets the user's edits: the details derived from the corpus again. */
  resetDocumentDetails(input: In<'resetDocumentDetails'>): DocumentDetails;
  getCitationStyle(input: In<'getCitationStyle'>): CitationStyle;
  setCitationStyle(input: In<'setCitationStyle'>): CitationStyle;
  /** The citation of a document, of a span of it, or of a highlight (with its locator and quote). */
  formatCitation(input: In<'formatCitation'>): Promise<FormattedCitation>;
  /** BibTeX, RIS or CSL-JSON of the corpus, one document or the documents of a notebook filter, to a file chosen in the shell's dialog. */
  exportBibliography(input: In<'exportBibliography'>): Promise<ExportResult>;
}

export const CITATIONS_CHANNELS = featureChannels('citations', [
  'getDocumentDetails',
  'saveDocumentDetails',
  'resetDocumentDetails',
  'getCitationStyle',
  'setCitationStyle',
  'formatCitation',
  'exportBibliography',
]);
