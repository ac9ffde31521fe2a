import { useApiQuery } from '../../shared/data/use-api-query';
import { ErrorPanel } from '../../shared/error-panel';
import { DistributionChart, rate } from './distribution-chart';
import { PeriodChart } from './period-chart';

type Props = {
  query: string;
  /** Opens the concordance of the query in one document. */
  onOpenDocument: (documentId: string) => void;
};

/** How often a term occurs in each document and over time, as charts and as the same figures in tables. */
export function DistributionPanel({ query, onOpenDocument }: Props) {
  const distribution = useApiQuery('distribution', { query }, { enabled: query.trim() !== '', keepPrevious: true });
  const value = distribution.value;
  if (!query) return <p className="analysis-hint">Type a term, then Analyse: how often it occurs per 10,000 words in each document, and over time where documents have dates.</p>;
  if (distribution.error) return <ErrorPanel title="The distribution could not be made" error={distribution.error} />;
  if (!value) return <p className="analysis-hint">Counting…</p>;
  return (
    <>
      <p className="analysis-count distribution-count" aria-live="polite">
        {value.occurrences.toLocaleString('en')} occurrence{value.occurrences === 1 ? '' : 's'} of {value.query}
        {value.truncated ? ` · the ${value.documents.length} documents with the highest rate` : ''}
        {value.notice ? ` · ${value.notice}` : ''}
      </p>
      <h2 className="analysis-subtitle" id="distribution-documents">
        Per document (per 10,000 words)
      </h2>
      <div className="chart-frame">
        <DistributionChart documents={value.documents} query={value.query} onOpen={onOpenDocument} />
      </div>
      <table className="collocates-table distribution-table" aria-labelledby="distribution-documents">
        <thead>
          <tr>
            <th scope="col">Document</th>
            <th scope="col">Date</th>
            <th scope="col">Words</th>
            <th scope="col">Occurrences</th>
            <th scope="col">Per 10,000 words</th>
          </tr>
        </thead>
        <tbody>
          {value.documents.map((doc) => (
            <tr key={doc.id} data-document={doc.id}>
              <th scope="row">
                <button type="button" className="link-button" dir="auto" onClick={() => onOpenDocument(doc.id)}>
                  {doc.title}
                </button>
              </th>
              <td>{doc.date || '—'}</td>
              <td>{doc.words.toLocaleString('en')}</td>
              <td>{doc.occurrences.toLocaleString('en')}</td>
              <td>{rate(doc.perTenThousand)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h2 className="analysis-subtitle" id="distribution-periods">
        Over time
      </h2>
      {value.periods.length === 0 ? (
        <p className="analysis-hint">No document of this corpus has a date, so there is no chart over time.</p>
      ) : (
        <>
          <div className="chart-frame">
            <PeriodChart periods={value.periods} query={value.query} />
          </div>
          <table className="collocates-table period-table" aria-labelledby="distribution-periods">
            <thead>
              <tr>
                <th scope="col">Period</th>
                <th scope="col">Documents</th>
                <th scope="col">Words</th>
                <th scope="col">Occurrences</th>
                <th scope="col">Per 10,000 words</th>
              </tr>
            </thead>
            <tbody>
              {value.periods.map((p) => (
                <tr key={p.period}>
                  <th scope="row">{p.period}</th>
                  <td>{p.documents.toLocaleString('en')}</td>
                  <td>{p.words.toLocaleString('en')}</td>
                  <td>{p.occurrences.toLocaleString('en')}</td>
                  <td>{rate(p.perTenThousand)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </>
  );
}
