import { useState } from 'react';
import type { CorpusBuildStatus, OutdatedCorpus } from '@common/corpus/corpus-choice-types';
import type { IpcError } from '@common/result';
import { callApi } from '../../shared/data/call-api';
import { useApiQuery } from '../../shared/data/use-api-query';

type Props = {
  /** A file from the recent list; none: the corpus Carrel is on. */
  file?: string;
  /** The rebuild started: the app follows it in the Corpora view. */
  onRebuildStarted: (status: CorpusBuildStatus) => void;
  /** A build is running already (one at a time). */
  building?: boolean;
};

const made = (corpus: OutdatedCorpus) =>
  [corpus.builderVersion ? `Carrel’s corpus builder ${corpus.builderVersion}` : 'an older Carrel', corpus.createdAt ? `on ${corpus.createdAt.slice(0, 10)}` : '']
    .filter(Boolean)
    .join(' ');

/**
 * A corpus made by an older Carrel: where it came from, and "Rebuild" when Carrel knows its
 * sources (else what to do). Shows nothing for a corpus that is not outdated.
 */
export function OutdatedCorpusOffer({ file, onRebuildStarted, building }: Props) {
  const report = useApiQuery('getOutdatedCorpus', file ? { file } : {}).state;
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<IpcError>();
  if (report.status !== 'ready' || !report.value) return null;
  const corpus = report.value;
  const rebuild = async () => {
    setBusy(true);
    setProblem(undefined);
    try {
      const result = await callApi('rebuildCorpus', file ? { file } : {});
      if (result.ok) onRebuildStarted(result.value);
      else setProblem(result.error);
    } finally {
      setBusy(false);
    }
  };
  return (
    <section className="outdated-corpus" aria-labelledby="outdated-corpus-title">
      <h3 id="outdated-corpus-title">
        <span dir="auto">“{corpus.title || corpus.fileName}”</span> needs to be rebuilt
      </h3>
      <dl className="outdated-facts">
        <dt>File</dt>
        <dd>
          <code dir="ltr">{corpus.file}</code>
        </dd>
        <dt>Made by</dt>
        <dd>{made(corpus)}</dd>
        <dt>Format</dt>
        <dd>
          {corpus.formatVersion} (this version of Carrel reads {corpus.currentFormatVersion})
        </dd>
        {corpus.corpusId && (
          <>
            <dt>Corpus id</dt>
            <dd>
              <code dir="ltr">{corpus.corpusId}</code>
            </dd>
          </>
        )}
      </dl>
      {corpus.sourcesDir ? (
        <>
          <p>
            Carrel knows the folder it was built from, <code dir="ltr">{corpus.sourcesDir}</code>. Rebuilding reads it again and
            replaces {corpus.fileName}; the corpus keeps its id, so your highlights, notes and bookmarks stay with it.
          </p>
          <button type="button" className="small-button" onClick={() => void rebuild()} disabled={busy || building}>
            Rebuild “{corpus.title || corpus.fileName}”
          </button>
          {building && <p className="fact-detail">Another corpus is being built: rebuild once it is done.</p>}
        </>
      ) : (
        <p className="outdated-advice">{corpus.advice}</p>
      )}
      {problem && (
        <p className="corpora-problem" role="alert">
          {problem.message}
        </p>
      )}
    </section>
  );
}
