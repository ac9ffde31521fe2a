import { useApiQuery } from '../../shared/data/use-api-query';
import './related-documents.css';

type Props = {
  documentId: string;
  /** Opens another document in the reader. */
  onOpen: (id: string) => void;
};

/** The documents most like the open one (TF-IDF cosine over the corpus index), each a button that opens it. */
export function RelatedDocuments({ documentId, onOpen }: Props) {
  const related = useApiQuery('relatedDocuments', { documentId, limit: 6 });
  return (
    <section className="panel-section related-panel" aria-labelledby="related-title">
      <h2 id="related-title" className="panel-title">
        Related
      </h2>
      {related.error && <p className="inline-error">The related documents could not be found: {related.error.message}</p>}
      {related.loading && <p className="related-hint">Comparing with the corpus…</p>}
      {related.value && related.value.related.length === 0 && <p className="related-hint">No other document shares its distinctive words.</p>}
      {related.value && related.value.related.length > 0 && (
        <ol className="related-list">
          {related.value.related.map((doc) => (
            <li key={doc.id}>
              <button type="button" className="related-open" onClick={() => onOpen(doc.id)} title={`Similarity ${Math.round(doc.score * 100)} % (cosine of their TF-IDF vectors)`}>
                <span dir="auto" className="related-title">
                  {doc.title}
                </span>
                <span className="related-score" aria-label={`similarity ${Math.round(doc.score * 100)} %`}>
                  {Math.round(doc.score * 100)} %
                </span>
              </button>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
