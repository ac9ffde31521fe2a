import { buildSelectors } from '../../../common/anchoring/build-selectors';
import { trimSpan } from '../../../common/anchoring/text-offsets';
import type { CarrelServices } from '../../../common/ipc/ipc-contract';
import type { AnchorProposal, AnchorReview } from '../../../common/notes/anchor-review-types';
import {
  listLiveHighlightsOfCorpus,
  replaceHighlightSelectors,
  saveAnchorCache,
  setReviewState,
  type HighlightRecord,
} from '../../user-store/queries/highlight-queries';
import { ServiceError } from '../service-error';
import { deleteHighlight, requireLiveHighlight } from './highlight-service';
import {
  currentAnchor,
  currentDocument,
  currentDocuments,
  highlightView,
  highlightViews,
  needsReview,
  type CurrentDocument,
} from './highlight-view';
import type { UserDataContext } from './user-data-context';

export type AnchorReviewService = Pick<CarrelServices, 'listAnchorReviews' | 'resolveAnchorReview'>;

const PROPOSAL_CONTEXT = 80;

function proposalOf(record: HighlightRecord, current: CurrentDocument): AnchorProposal | null {
  const cache = record.anchorCache;
  if (!current || !cache || cache.sha256 !== current.sha256 || cache.start === null || cache.end === null) return null;
  const text = current.text();
  return {
    start: cache.start,
    end: cache.end,
    text: text.slice(cache.start, cache.end),
    prefix: text.slice(Math.max(0, cache.start - PROPOSAL_CONTEXT), cache.start),
    suffix: text.slice(cache.end, cache.end + PROPOSAL_CONTEXT),
    score: cache.score ?? 0,
  };
}

function reasonOf(record: HighlightRecord, current: CurrentDocument): AnchorReview['reason'] {
  if (!current) return 'document-missing';
  const cache = record.anchorCache;
  if (!cache || cache.status === 'orphaned') return 'not-found';
  return cache.status === 'fuzzy' ? 'fuzzy' : 'ambiguous';
}

/**
 * The review list: highlights whose document changed and whose new place is doubtful
 * (fuzzy, ambiguous) or unknown (orphaned, document gone). Only the user's decision moves,
 * re-attaches or deletes them.
 */
export function createAnchorReviewService(ctx: UserDataContext): AnchorReviewService {
  return {
    listAnchorReviews() {
      const documents = currentDocuments(ctx);
      const records = listLiveHighlightsOfCorpus(ctx.store().db, ctx.corpusId());
      const metas = ctx.corpus().documentMetas([...new Set(records.map((record) => record.documentId))]);
      const titles = new Map([...metas].map(([id, meta]) => [id, meta.title] as const));
      const highlights = highlightViews(ctx, records, documents);
      const reviews: AnchorReview[] = [];
      records.forEach((record, i) => {
        const highlight = highlights[i]!;
        if (!highlight.needsReview) return;
        const current = documents(record.documentId);
        reviews.push({
          highlight,
          documentTitle: titles.get(record.documentId) ?? '',
          reason: reasonOf(record, current),
          proposal: proposalOf(record, current),
        });
      });
      return reviews;
    },

    resolveAnchorReview(decision) {
      const record = requireLiveHighlight(ctx, decision.highlightId);
      if (decision.action === 'delete') return { kind: 'deleted', deletion: deleteHighlight(ctx, record) };
      const current = currentDocument(ctx, record.documentId);
      const { db } = ctx.store();
      if (decision.action === 'keep-orphaned') {
        const anchor = currentAnchor(ctx, record, current);
        if (anchor === 'same' || !needsReview(record, anchor)) throw new ServiceError('invalid-argument', 'This highlight is in its place; there is nothing to review.');
        ctx.store().write(() => {
          // A doubtful place the user rejected becomes an orphan; its place stays on offer as a proposal.
          if (anchor !== 'missing' && anchor.status !== 'orphaned') saveAnchorCache(db, record.id, { ...anchor, status: 'orphaned', ambiguous: false });
          setReviewState(db, record.id, 'kept-orphaned', ctx.now());
        });
      } else {
        if (!current) throw new ServiceError('not-found', 'The document of this highlight is not in the open corpus any more.');
        currentAnchor(ctx, record, current);
        const target = decision.action === 'reattach' ? decision : proposalOf(record, current);
        if (!target) throw new ServiceError('no-proposal', 'There is no proposed place to accept: select the text in the reader and re-attach it.');
        const text = current.text();
        if (target.end > text.length) throw new ServiceError('invalid-argument', 'The new place reaches past the end of the document.');
        const span = trimSpan(text, target.start, target.end);
        if (span.start === span.end) throw new ServiceError('invalid-argument', 'Only spaces are selected: select some text to attach the highlight to.');
        const selectors = buildSelectors(text, span.start, span.end);
        ctx.store().write(() => replaceHighlightSelectors(db, record.id, { documentSha256: current.sha256, ...selectors }, ctx.now()));
      }
      const updated = requireLiveHighlight(ctx, record.id);
      return { kind: 'updated', highlight: highlightView(ctx, updated, current) };
    },
  };
}
