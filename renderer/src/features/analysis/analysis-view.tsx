import { useState, type FormEvent } from 'react';
import { CONCORDANCE_SORTS, type ConcordanceLine, type ConcordanceSort } from '@common/analysis/analysis-types';
import { callApi } from '../../shared/data/call-api';
import { useApiQuery } from '../../shared/data/use-api-query';
import { ErrorPanel } from '../../shared/error-panel';
import { CollocatesTable } from './collocates-table';
import { ConcordanceTable } from './concordance-table';
import { DistributionPanel } from './distribution-panel';
import { RepeatedPassagesPanel } from './repeated-passages-panel';
import { EntityIndex } from './entity-index';
import { EntityPage } from './entity-page';
import { WordListPanel } from './word-list-panel';
import { useConcordancePages, type ConcordanceRequest } from './use-concordance-pages';
import './analysis.css';

const SORT_LABELS: Record<ConcordanceSort, string> = {
  corpus: 'Place in the corpus',
  keyword: 'Keyword',
  left1: '1st word to the left',
  left2: '2nd word to the left',
  left3: '3rd word to the left',
  right1: '1st word to the right',
  right2: '2nd word to the right',
  right3: '3rd word to the right',
};

const TABS = [
  { name: 'concordance', label: 'Concordance' },
  { name: 'collocates', label: 'Collocates' },
  { name: 'words', label: 'Word list' },
  { name: 'distribution', label: 'Distribution' },
  { name: 'repeated', label: 'Repeated passages' },
  { name: 'entities', label: 'Entities' },
] as const;
type Tab = (typeof TABS)[number]['name'];

type Props = {
  /** Opens the reader at a passage. */
  onOpen: (passage: { documentId: string; offset: number; end: number }) => void;
};

/** Corpus analysis: a concordance of any query in the search language, the collocates of a term, word lists and n-grams, a term's distribution. */
export function AnalysisView({ onOpen }: Props) {
  const [tab, setTab] = useState<Tab>('concordance');
  const [draft, setDraft] = useState('');
  const [query, setQuery] = useState('');
  const [width, setWidth] = useState(8);
  const [sort, setSort] = useState<ConcordanceSort>('corpus');
  const [documentId, setDocumentId] = useState<string>();
  const [window, setWindow] = useState(5);
  const [allWords, setAllWords] = useState(false);
  const [status, setStatus] = useState('');
  const [entityKey, setEntityKey] = useState<string>();

  const request: ConcordanceRequest | undefined = tab === 'concordance' && query.trim() !== '' ? { query, width, sort, ...(documentId ? { documentId } : {}) } : undefined;
  const pages = useConcordancePages(request);
  const collocates = useApiQuery(
    'collocates',
    { query, window, hideStopWords: !allWords, minCount: 2, limit: 200 },
    { enabled: tab === 'collocates' && query.trim() !== '', keepPrevious: true },
  );

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setQuery(draft.trim());
    setDocumentId(undefined);
  };
  const openLine = (line: ConcordanceLine) => onOpen({ documentId: line.documentId, offset: line.start, end: line.end });
  const highlight = async (line: ConcordanceLine) => {
    const result = await callApi('createHighlight', { documentId: line.documentId, start: line.start, end: line.end, color: 'yellow' });
    setStatus(result.ok ? `Highlighted “${line.keyword}” in ${line.title}, paragraph ${line.paragraph}.` : `The highlight was not saved: ${result.error.message}`);
  };
  const showConcordance = (next: string, inDocument?: string) => {
    setDraft(next);
    setQuery(next);
    setDocumentId(inDocument);
    setTab('concordance');
  };
  const showPair = (word: string) => showConcordance(`${query} NEAR/${window} ${word}`);
  const exportConcordance = async () => {
    if (!request) return;
    const { query: q, width: w, sort: s, documentId: d } = request;
    const result = await callApi('exportConcordanceCsv', { query: q, width: w, sort: s, ...(d ? { documentId: d } : {}) });
    if (!result.ok) setStatus(`The concordance was not exported: ${result.error.message}`);
    else if (result.value.saved) setStatus(`Saved ${result.value.rows.toLocaleString('en')} lines to ${result.value.file}.`);
  };

  const first = pages.first;
  return (
    <section className="analysis" aria-labelledby="analysis-title">
      <h1 id="analysis-title" className="section-title">
        Corpus analysis
      </h1>
      <form className="analysis-form" role="search" aria-label="Analyse the corpus" onSubmit={submit}>
        <label className="analysis-query">
          <span>Word, phrase or query</span>
          <input type="search" value={draft} dir="auto" onChange={(event) => setDraft(event.target.value)} placeholder='e.g. caliphate, "media office", amaq NEAR/5 video' />
        </label>
        <button type="submit" className="small-button">
          Analyse
        </button>
      </form>
      <div className="analysis-tabs" role="tablist" aria-label="Analysis">
        {TABS.map(({ name, label }, i) => (
          <button
            key={name}
            type="button"
            role="tab"
            id={`analysis-tab-${name}`}
            aria-controls={`analysis-panel-${name}`}
            aria-selected={tab === name}
            tabIndex={tab === name ? 0 : -1}
            className="analysis-tab"
            onClick={() => setTab(name)}
            onKeyDown={(event) => {
              const moves: Record<string, number> = { ArrowRight: i + 1, ArrowLeft: i - 1 + TABS.length, Home: 0, End: TABS.length - 1 };
              const to = moves[event.key];
              if (to === undefined) return;
              event.preventDefault();
              const next = TABS[to % TABS.length]!.name;
              setTab(next);
              document.getElementById(`analysis-tab-${next}`)?.focus();
            }}
          >
            {label}
          </button>
        ))}
      </div>
      <p className="visually-hidden" role="status">
        {status}
      </p>
      {status && <p className="analysis-status">{status}</p>}

      {tab === 'concordance' && (
        <div id="analysis-panel-concordance" role="tabpanel" aria-labelledby="analysis-tab-concordance" className="analysis-panel">
          <div className="analysis-options">
            <label>
              Context
              <select value={width} onChange={(event) => setWidth(Number(event.target.value))}>
                {[3, 5, 8, 12, 20].map((n) => (
                  <option key={n} value={n}>
                    {n} words
                  </option>
                ))}
              </select>
            </label>
            <label>
              Sort by
              <select value={sort} onChange={(event) => setSort(event.target.value as ConcordanceSort)}>
                {CONCORDANCE_SORTS.map((name) => (
                  <option key={name} value={name}>
                    {SORT_LABELS[name]}
                  </option>
                ))}
              </select>
            </label>
            <label>
              Document
              <select value={documentId ?? ''} onChange={(event) => setDocumentId(event.target.value || undefined)} disabled={!first}>
                <option value="">All documents</option>
                {first?.documents.map((doc) => (
                  <option key={doc.id} value={doc.id}>
                    {doc.title} ({doc.lines.toLocaleString('en')})
                  </option>
                ))}
                {first && first.documentsTotal > first.documents.length && (
                  <option disabled value="-">
                    {`the ${first.documents.length.toLocaleString('en')} with the most lines of ${first.documentsTotal.toLocaleString('en')}`}
                  </option>
                )}
              </select>
            </label>
            <button type="button" className="small-button" onClick={() => void exportConcordance()} disabled={!first || first.total === 0}>
              Export CSV…
            </button>
          </div>
          {pages.error && <ErrorPanel title="The concordance could not be made" error={pages.error} />}
          {!query && <p className="analysis-hint">Type a word, a phrase in quotes or any search query, then Analyse. Enter on a line opens the passage; H highlights it.</p>}
          {pages.loading && <p className="analysis-hint">Finding every occurrence…</p>}
          {first && (
            <>
              <p className="analysis-count" aria-live="polite">
                {first.total.toLocaleString('en')} line{first.total === 1 ? '' : 's'}
                {documentId ? '' : ` in ${first.documentsTotal.toLocaleString('en')} document${first.documentsTotal === 1 ? '' : 's'}`}
                {first.truncated ? ' (the first 100,000 only)' : ''}
                {first.notice ? ` · ${first.notice}` : ''}
              </p>
              {first.total > 0 && <ConcordanceTable key={JSON.stringify(request)} pages={pages} total={first.total} onOpen={openLine} onHighlight={(line) => void highlight(line)} />}
            </>
          )}
        </div>
      )}

      {tab === 'collocates' && (
        <div id="analysis-panel-collocates" role="tabpanel" aria-labelledby="analysis-tab-collocates" className="analysis-panel">
          <div className="analysis-options">
            <label>
              Window
              <select value={window} onChange={(event) => setWindow(Number(event.target.value))}>
                {Array.from({ length: 10 }, (_, i) => i + 1).map((n) => (
                  <option key={n} value={n}>
                    ±{n} word{n === 1 ? '' : 's'}
                  </option>
                ))}
              </select>
            </label>
            <label className="analysis-check">
              <input type="checkbox" checked={allWords} onChange={(event) => setAllWords(event.target.checked)} />
              Include function words (the, of, في, من…)
            </label>
          </div>
          {collocates.error && <ErrorPanel title="The collocates could not be found" error={collocates.error} />}
          {!query && <p className="analysis-hint">Type a term, then Analyse: the words seen near it, ranked by log-likelihood.</p>}
          {collocates.value && query && (
            <>
              <p className="analysis-count" aria-live="polite">
                {collocates.value.collocates.length.toLocaleString('en')} collocate{collocates.value.collocates.length === 1 ? '' : 's'} seen twice or more within ±{collocates.value.window} words of{' '}
                {collocates.value.occurrences.toLocaleString('en')} occurrence{collocates.value.occurrences === 1 ? '' : 's'}, in {collocates.value.corpusWords.toLocaleString('en')} words
              </p>
              <CollocatesTable collocates={collocates.value.collocates} onPair={showPair} />
            </>
          )}
        </div>
      )}

      {tab === 'words' && (
        <div id="analysis-panel-words" role="tabpanel" aria-labelledby="analysis-tab-words" className="analysis-panel">
          <WordListPanel onConcordance={(next) => showConcordance(next)} onStatus={setStatus} />
        </div>
      )}

      {tab === 'distribution' && (
        <div id="analysis-panel-distribution" role="tabpanel" aria-labelledby="analysis-tab-distribution" className="analysis-panel">
          <DistributionPanel query={query} onOpenDocument={(id) => showConcordance(query, id)} />
        </div>
      )}

      {tab === 'repeated' && (
        <div id="analysis-panel-repeated" role="tabpanel" aria-labelledby="analysis-tab-repeated" className="analysis-panel">
          <RepeatedPassagesPanel onOpen={onOpen} />
        </div>
      )}

      {tab === 'entities' && (
        <div id="analysis-panel-entities" role="tabpanel" aria-labelledby="analysis-tab-entities" className="analysis-panel">
          {entityKey ? (
            <EntityPage
              entityKey={entityKey}
              onEntity={setEntityKey}
              onBack={() => setEntityKey(undefined)}
              onOpenMention={(m) => onOpen({ documentId: m.documentId, offset: m.start, end: m.end })}
              onStatus={setStatus}
            />
          ) : (
            <EntityIndex onOpen={(e) => setEntityKey(e.key)} />
          )}
        </div>
      )}
    </section>
  );
}
