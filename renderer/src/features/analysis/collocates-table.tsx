import { useMemo, useState } from 'react';
import type { Collocate } from '@common/analysis/analysis-types';

type SortKey = 'logLikelihood' | 'mutualInformation' | 'count' | 'frequency' | 'word';

const COLUMNS: { key: SortKey; label: string; title: string }[] = [
  { key: 'word', label: 'Word', title: 'The collocate, in its commonest form near the term' },
  { key: 'count', label: 'Together', title: 'Times it stands within the window of the term' },
  { key: 'frequency', label: 'In corpus', title: 'Its occurrences in the whole corpus' },
  { key: 'logLikelihood', label: 'Log-likelihood', title: "Dunning's G²: how far from chance the pairing is (above 3.84: p < 0.05; above 10.83: p < 0.001)" },
  { key: 'mutualInformation', label: 'MI', title: 'Mutual information, log2(observed / expected): how exclusive the pairing is' },
];

type Props = { collocates: readonly Collocate[]; onPair: (word: string) => void };

/** Collocates, sortable by any column; each word opens the concordance of the pair. */
export function CollocatesTable({ collocates, onPair }: Props) {
  const [sort, setSort] = useState<SortKey>('logLikelihood');
  const sorted = useMemo(
    () =>
      [...collocates].sort((a, b) =>
        sort === 'word' ? a.word.localeCompare(b.word) : b[sort] - a[sort] || b.logLikelihood - a.logLikelihood,
      ),
    [collocates, sort],
  );
  return (
    <table className="collocates-table">
      <caption className="visually-hidden">Collocates, sorted by {COLUMNS.find((c) => c.key === sort)!.label}</caption>
      <thead>
        <tr>
          {COLUMNS.map((column) => (
            <th key={column.key} scope="col" aria-sort={sort === column.key ? (column.key === 'word' ? 'ascending' : 'descending') : undefined}>
              <button type="button" className="link-button" title={column.title} onClick={() => setSort(column.key)}>
                {column.label}
              </button>
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {sorted.map((c) => (
          <tr key={c.word}>
            <th scope="row">
              <button type="button" className="link-button" dir="auto" onClick={() => onPair(c.word)} title={`Concordance of the term near “${c.word}”`}>
                {c.word}
              </button>
            </th>
            <td>{c.count.toLocaleString('en')}</td>
            <td>{c.frequency.toLocaleString('en')}</td>
            <td>{c.logLikelihood.toFixed(2)}</td>
            <td>{c.mutualInformation.toFixed(2)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
