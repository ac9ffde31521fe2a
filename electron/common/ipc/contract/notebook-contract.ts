import type { z } from 'zod';
import type { AnchorReview, AnchorReviewOutcome } from '../../notes/anchor-review-types';
import type { NotebookResult, NotedDocument } from '../../notes/notebook-types';
import type { AnnotationExport } from '../../notes/web-annotation';
import type { NOTEBOOK_SCHEMAS } from './notebook-schemas';
import { featureChannels } from './feature-channels';

type In<M extends keyof typeof NOTEBOOK_SCHEMAS> = z.infer<(typeof NOTEBOOK_SCHEMAS)[M]>;

/** Every note of the open corpus at once: the notebook, the review of moved highlights, the export. */
export interface NotebookContract {
  queryNotebook(input: In<'queryNotebook'>): NotebookResult;
  /** Documents of the open corpus with a live highlight, note or bookmark, in library order (the notebook's filter). */
  listNotedDocuments(input: In<'listNotedDocuments'>): NotedDocument[];
  /** Live highlights, notes and bookmarks of the open corpus (or of some documents) as W3C Web Annotations (JSON-LD). */
  exportAnnotations(input: In<'exportAnnotations'>): AnnotationExport;
  /** Highlights whose new place after a document change is doubtful or unknown. */
  listAnchorReviews(input: In<'listAnchorReviews'>): AnchorReview[];
  resolveAnchorReview(input: In<'resolveAnchorReview'>): AnchorReviewOutcome;
}

export const NOTEBOOK_CHANNELS = featureChannels('notebook', [
  'queryNotebook',
  'listNotedDocuments',
  'exportAnnotations',
  'listAnchorReviews',
  'resolveAnchorReview',
]);
