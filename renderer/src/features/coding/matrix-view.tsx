import { useMemo, useState } from 'react';
import type { CodingCsvTable } from '@common/coding/coding-types';
import { callApi } from '../../shared/data/call-api';
import { useApiQuery } from '../../shared/data/use-api-query';
import { ErrorPanel } from '../../shared/error-panel';
import { codeColorClass } from './code-colors';
import { treeRows } from './code-tree';
import { HEAT_STEPS, heatStep } from './heat-steps';
import { useCodebook } from './use-codebook';
import './coding.css';

type Props = {
  /** Opens the passages of a code, of one document (a cell) or all (a row's total). */
  onShowPassages: (codeId: string, documentId?: string) => void;
  onShowCodebook: () => void;
};

const EXPORTS: { table: CodingCsvTable; label: string }[] = [
  { table: 'matrix', label: 'Export the matrix (CSV)' },
  { table: 'cooccurrence', label: 'Export the co-occurrence table (CSV)' },
  { table: 'passages', label: 'Export all coded passages (CSV)' },
];

/** The code × document matrix as a heat map (each cell opens its passages), the co-occurrence of codes, and their CSV exports. */
export function MatrixView({ onShowPassages, onShowCodebook }: Props) {
  const { codes, byId } = useCodebook();
  const matrix = useApiQuery('getCodingMatrix', undefined);
  const rows = useMemo(() => treeRows(codes), [codes]);
  const [status, setStatus] = useState<string>('');
  const [failure, setFailure] = useState<string | null>(null);
  const documents = matrix.value?.documents ?? [];
  const count = useMemo(() => new Map((matrix.value?.counts ?? []).map((c) => [`${c.codeId}\n${c.documentId}`, c.count])), [matrix.value]);
  const max = Math.max(0, ...(matrix.value?.counts ?? []).map((c) => c.count));
  const pairs = (matrix.value?.cooccurrence ?? []).filter((p) => byId.has(p.a) && byId.has(p.b)).sort((x, y) => y.count - x.count);
  const paths = new Map(rows.map((r) => [r.code.id, r.path]));

  const exportCsv = async (table: CodingCsvTable) => {
    setFailure(null);
    setStatus('Choosing where to save…');
    const result = await callApi('exportCodingCsv', { table });
    if (!result.ok) {
      setStatus('');
      setFailure(`The CSV was not saved: ${result.error.message}`);
    } else setStatus(result.value.saved ? `Saved ${result.value.rows} rows to ${result.value.file}.` : 'Not saved (cancelled).');
  };

  return (
    <div className="coding-view">
      <h1>Code × document matrix</h1>
      <div className="coding-toolbar">
        <button type="button" className="small-button" onClick={onShowCodebook}>
          Codebook
        </button>
        {EXPORTS.map((e) => (
          <button key={e.table} type="button" className="small-button" onClick={() => void exportCsv(e.table)}>
            {e.label}
          </button>
        ))}
        <p className="coding-hint" role="status">
          {status}
        </p>
      </div>
      {failure && (
        <p className="inline-error" role="alert">
          {failure}
        </p>
      )}
      {matrix.error && <ErrorPanel title="The matrix could not be counted" error={matrix.error} />}
      {rows.length === 0 || documents.length === 0 ? (
        <p className="coding-hint">No coded passages yet: apply codes to passages in the reader, and their counts per document show here.</p>
      ) : (
        <>
          <p className="heat-legend" aria-hidden="true">
            Fewer
            {Array.from({ length: HEAT_STEPS }, (_, i) => (
              <span key={i} className={`heat-${i + 1}`} />
            ))}
            more passages (largest cell: {max})
          </p>
          <div className="matrix-scroll">
            <table className="coding-table matrix-table">
              <caption className="visually-hidden">Coded passages per code (rows) and document (columns); each count opens its passages</caption>
              <thead>
                <tr>
                  <th scope="col">Code</th>
                  {documents.map((d) => (
                    <th key={d.id} scope="col" dir="auto">
                      {d.title || d.id}
                    </th>
                  ))}
                  <th scope="col">Total</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((row) => {
                  const cells = documents.map((d) => count.get(`${row.code.id}\n${d.id}`) ?? 0);
                  const total = cells.reduce((a, b) => a + b, 0);
                  return (
                    <tr key={row.code.id}>
                      <th scope="row" className={`code-depth-${Math.min(row.depth, 5)} ${codeColorClass(row.code.color)}`}>
                        <span className="code-dot" aria-hidden="true" /> <span dir="auto">{row.code.name}</span>
                      </th>
                      {cells.map((n, i) => (
                        <td key={documents[i]!.id}>
                          {n > 0 ? (
                            <button
                              type="button"
                              className={`heat-cell heat-${heatStep(n, max)}`}
                              aria-label={`${n} ${n === 1 ? 'passage' : 'passages'} coded ${row.code.name} in ${documents[i]!.title || documents[i]!.id}`}
                              onClick={() => onShowPassages(row.code.id, documents[i]!.id)}
                            >
                              {n}
                            </button>
                          ) : (
                            <span className="heat-cell heat-0">0</span>
                          )}
                        </td>
                      ))}
                      <td className="total">{total}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        </>
      )}
      <h2 className="panel-title">Co-occurrence of codes</h2>
      {pairs.length === 0 ? (
        <p className="coding-hint">No passage carries two codes yet.</p>
      ) : (
        <table className="coding-table cooccurrence-table">
          <caption className="visually-hidden">Pairs of codes applied to the same passages</caption>
          <thead>
            <tr>
              <th scope="col">Code</th>
              <th scope="col">Code</th>
              <th scope="col">Passages with both</th>
            </tr>
          </thead>
          <tbody>
            {pairs.map((p) => (
              <tr key={`${p.a}\n${p.b}`}>
                <td className="plain" dir="auto">
                  {paths.get(p.a)}
                </td>
                <td className="plain" dir="auto">
                  {paths.get(p.b)}
                </td>
                <td className="plain">{p.count}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
