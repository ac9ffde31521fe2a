import { useState } from 'react';
import type { WordListEntry, WordListSort } from '@common/analysis/analysis-types';
import { callApi } from '../../shared/data/call-api';
import { useApiQuery } from '../../shared/data/use-api-query';
import { ErrorPanel } from '../../shared/error-panel';
import { DocumentChooser } from './document-chooser';
import { WordListProgressBar } from './word-list-progress';
import { WordListTable } from './word-list-table';

type Props = {
  /** Opens the concordance of a word or n-gram (a phrase). */
  onConcordance: (query: string) => void;
  /** Says how an export went. */
  onStatus: (message: string) => void;
};

const NGRAM_LABELS = ['Words', 'Two-word sequences (bigrams)', 'Three-word sequences (trigrams)'];

/** The word list of the corpus or of chosen documents: words or n-grams, most frequent first. */
export function WordListPanel({ onConcordance, onStatus }: Props) {
  const [n, setN] = useState(1);
  const [hideStopWords, setHideStopWords] = useState(true);
  const [sort, setSort] = useState<WordListSort>('count');
  const [documentIds, setDocumentIds] = useState<string[]>([]);
  const input = { n, hideStopWords, sort, ...(documentIds.length > 0 ? { documentIds } : {}) };
  const list = useApiQuery('wordList', input, { keepPrevious: true });
  const value = list.value;
  const label = n === 1 ? 'Word' : `${n}-gram`;
  // While a new count runs (or after it was cancelled) the last list stays: it is named by its own n.
  const shownLabel = value && value.n !== n ? (value.n === 1 ? 'Word' : `${value.n}-gram`) : label;

  const exportCsv = async () => {
    const result = await callApi('exportWordListCsv', input);
    if (!result.ok) onStatus(`The word list was not exported: ${result.error.message}`);
    else if (result.value.saved) onStatus(`Saved ${result.value.rows.toLocaleString('en')} rows to ${result.value.file}.`);
  };
  const open = (entry: WordListEntry) => onConcordance(!value || value.n === 1 ? entry.words : `"${entry.words}"`);

  return (
    <>
      <div className="analysis-options">
        <label>
          Count
          <select value={n} onChange={(event) => setN(Number(event.target.value))}>
            {NGRAM_LABELS.map((text, i) => (
              <option key={text} value={i + 1}>
                {text}
              </option>
            ))}
          </select>
        </label>
        <label>
          Sort by
          <select value={sort} onChange={(event) => setSort(event.target.value as WordListSort)}>
            <option value="count">Frequency</option>
            <option value="word">{label}</option>
          </select>
        </label>
        <label className="analysis-check">
          <input type="checkbox" checked={hideStopWords} onChange={(event) => setHideStopWords(event.target.checked)} />
          Hide function words (the, of, <bdi>في</bdi>, <bdi>من</bdi>…)
        </label>
        <button type="button" className="small-button" onClick={() => void exportCsv()} disabled={!value || value.entries.length === 0}>
          Export CSV…
        </button>
      </div>
      <DocumentChooser chosen={documentIds} onChange={setDocumentIds} />
      {list.error?.code === 'cancelled' ? (
        <div className="word-list-cancelled">
          <p className="analysis-hint" role="status">
            {list.error.message}
          </p>
          <button type="button" className="small-button" onClick={() => void list.refetch()}>
            Count again
          </button>
        </div>
      ) : (
        list.error && <ErrorPanel title="The word list could not be made" error={list.error} />
      )}
      {list.fetching && <WordListProgressBar />}
      {value && (
        <>
          <p className="analysis-count word-list-count" aria-live="polite">
            {value.distinct.toLocaleString('en')} distinct {value.n === 1 ? 'words' : `${value.n}-grams`}, {value.tokens.toLocaleString('en')} counted, in {value.documents.toLocaleString('en')} document
            {value.documents === 1 ? '' : 's'}
            {value.truncated ? ` (the ${value.entries.length.toLocaleString('en')} most frequent listed)` : ''}
            {hideStopWords ? ', function words hidden' : ''}
          </p>
          {value.entries.length > 0 && <WordListTable key={JSON.stringify(input)} entries={value.entries} label={shownLabel} onOpen={open} />}
        </>
      )}
    </>
  );
}
