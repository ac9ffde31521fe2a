import type { z } from 'zod';
import type { NOTEBOOK_SCHEMAS } from '../ipc/contract/notebook-schemas';
import type { Deletion, Highlight } from './notes-types';

/** A span of the current document text offered as the new place of a highlight. */
export type AnchorProposal = {
  start: number;
  end: number;
  /** The current text at [start, end). */
  text: string;
  /** Context either side in the current text, for showing it in place. */
  prefix: string;
  suffix: string;
  /** Confidence in [0, 1]. */
  score: number;
};

/**
 * A highlight whose document changed and whose new place is doubtful or unknown. Old text
 * is highlight.quote (exact/prefix/suffix as made); new text is `proposal`, if any.
 */
export type AnchorReview = {
  highlight: Highlight;
  documentTitle: string;
  /** Why it is here: fuzzy match, ambiguous (several equally good places), not found, or document gone. */
  reason: 'fuzzy' | 'ambiguous' | 'not-found' | 'document-missing';
  proposal: AnchorProposal | null;
};

/**
 * The user's decision on a review:
 * - accept: move the highlight to the proposal (its selectors are rebuilt from the current text);
 * - reattach: move it to a span the user selected in the reader;
 * - keep-orphaned: keep the highlight and its note without a place (shown in the notebook as orphaned);
 * - delete: soft delete, undoable like any delete.
 */
export type AnchorReviewDecision = z.infer<typeof NOTEBOOK_SCHEMAS.resolveAnchorReview>;

/** What a review decision did: the highlight as it now is, or the deletion to undo it with. */
export type AnchorReviewOutcome = { kind: 'updated'; highlight: Highlight } | { kind: 'deleted'; deletion: Deletion };
