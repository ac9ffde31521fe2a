import type { AnchorReview, AnchorReviewDecision } from '@common/notes/anchor-review-types';
import { useApiMutation } from '../../shared/data/use-api-mutation';
import { useApiQuery } from '../../shared/data/use-api-query';
import { useUndo } from '../../shared/undo/undo-context';

const REASONS: Record<AnchorReview['reason'], string> = {
  fuzzy: 'Similar text found',
  ambiguous: 'Several equally good places',
  'not-found': 'Not found in the new text',
  'document-missing': 'The document is no longer in the corpus',
};

function Passage({ prefix, text, suffix }: { prefix: string; text: string; suffix: string }) {
  return (
    <p className="review-passage" dir="auto">
      <span className="review-context">…{prefix.slice(-60)}</span>
      <mark className="review-exact">{text}</mark>
      <span className="review-context">{suffix.slice(0, 60)}…</span>
    </p>
  );
}

/** Highlights whose document changed and whose new place is doubtful: old and new text side by side. */
export function AnchorReviewList({ onOpen }: { onOpen: (documentId: string, highlightId: string) => void }) {
  const reviews = useApiQuery('listAnchorReviews', undefined);
  const { recordDeletion } = useUndo();
  // Said under the list, where the decision was made.
  const resolve = useApiMutation('resolveAnchorReview', {
    report: 'inline',
    failure: 'Your decision was not saved',
    invalidates: ['listAnchorReviews', 'listHighlights', 'queryNotebook'],
  });

  const decide = async (decision: AnchorReviewDecision) => {
    const result = await resolve.run(decision);
    if (result.ok && result.value.kind === 'deleted') recordDeletion(result.value.deletion);
  };

  const list = reviews.value ?? [];
  if (reviews.error && list.length === 0) return <p className="status">The highlights to review could not be listed: {reviews.error.message}</p>;
  if (list.length === 0) return null;
  return (
    <section className="review-list" aria-labelledby="review-title">
      <h2 id="review-title" className="panel-title">
        Highlights to review <span className="count">{list.length}</span>
      </h2>
      <p className="panel-hint">These documents changed since you highlighted them. Nothing moves until you decide.</p>
      {resolve.error && (
        <p className="inline-error" role="alert">
          {resolve.error}
        </p>
      )}
      <ul className="card-list">
        {list.map((review) => {
          const h = review.highlight;
          return (
            <li key={h.id} className="review-item card">
              <p className="review-head">
                <strong dir="auto">{review.documentTitle || 'Missing document'}</strong> · {REASONS[review.reason]}
                {review.proposal && ` · match ${Math.round(review.proposal.score * 100)}%`}
              </p>
              <div className="review-sides">
                <div>
                  <h4 className="review-side-title">Before</h4>
                  <Passage prefix={h.quote.prefix} text={h.quote.exact} suffix={h.quote.suffix} />
                </div>
                <div>
                  <h4 className="review-side-title">Now</h4>
                  {review.proposal ? <Passage prefix={review.proposal.prefix} text={review.proposal.text} suffix={review.proposal.suffix} /> : <p className="status">No matching text.</p>}
                </div>
              </div>
              <div className="card-actions">
                {review.proposal && (
                  <button type="button" className="small-button" onClick={() => void decide({ highlightId: h.id, action: 'accept' })}>
                    Accept the new place
                  </button>
                )}
                <button type="button" className="small-button" onClick={() => void decide({ highlightId: h.id, action: 'keep-orphaned' })}>
                  Keep without a place
                </button>
                {review.reason !== 'document-missing' && (
                  <button type="button" className="small-button" onClick={() => onOpen(h.documentId, h.id)}>
                    Place it myself
                  </button>
                )}
                <button type="button" className="danger-button" onClick={() => void decide({ highlightId: h.id, action: 'delete' })}>
                  Delete
                </button>
              </div>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
