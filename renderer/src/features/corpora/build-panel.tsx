import type { CorpusBuildStatus } from '@common/corpus/corpus-choice-types';
import { SKIP_REASON_LABELS, type SkipReason } from '@common/corpus/skip-reasons';
import type { IpcError } from '@common/result';
import { counted } from '../../shared/counted';
import { buildFigures, buildFraction, buildHeading, formatMegabytes } from './build-figures';
import './corpora.css';

type Props = {
  status?: CorpusBuildStatus;
  error?: IpcError;
  onCancel: () => void;
  onOpen: (file: string) => void;
  onDismiss: () => void;
};


function SkippedFiles({ summary }: { summary: NonNullable<CorpusBuildStatus['summary']> }) {
  if (summary.skippedCount === 0) return <p>No file was skipped.</p>;
  const byReason = new Map<SkipReason, typeof summary.skipped>();
  for (const skip of summary.skipped) byReason.set(skip.reason, [...(byReason.get(skip.reason) ?? []), skip]);
  return (
    <details className="build-skipped" open={summary.skippedCount <= 20}>
      <summary>
        {counted(summary.skippedCount, 'file', 'files')} skipped
        {summary.skippedCount > summary.skipped.length ? ` (the first ${summary.skipped.length} are listed)` : ''}
      </summary>
      {[...byReason].map(([reason, skips]) => (
        <section key={reason} aria-label={SKIP_REASON_LABELS[reason]}>
          <h4>
            {SKIP_REASON_LABELS[reason]} ({skips.length})
          </h4>
          <ul>
            {skips.map((skip) => (
              <li key={skip.path}>
                <code dir="auto">{skip.path}</code>: <span dir="auto">{skip.message}</span>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </details>
  );
}

/** A corpus build started from the app: progress while it runs, then what went in and what did not. */
export function BuildPanel({ status, error, onCancel, onOpen, onDismiss }: Props) {
  if (error) {
    return (
      <section className="build-panel" role="alert" aria-labelledby="build-title">
        <h3 id="build-title">The build cannot be followed</h3>
        <p>{error.message}</p>
        <button type="button" className="small-button" onClick={onDismiss}>
          Close
        </button>
      </section>
    );
  }
  if (!status) return null;
  const fraction = buildFraction(status);
  return (
    <section className="build-panel" aria-labelledby="build-title" data-state={status.state}>
      <h3 id="build-title">
        {buildHeading(status)} <code dir="auto">{status.outFile}</code>
      </h3>
      <p className="fact-detail">
        From <code dir="auto">{status.sourcesDir}</code>
      </p>
      {status.state === 'running' && (
        <>
          <progress className="build-progress" max={1} value={fraction} aria-label="Corpus build progress" />
          <p className="build-figures">
            {Math.round(fraction * 100)}% · {buildFigures(status)}
          </p>
          <button type="button" className="small-button" onClick={onCancel}>
            Cancel build
          </button>
        </>
      )}
      <p role="status" className="build-state">
        {status.state === 'running' && 'Building… you can keep reading meanwhile.'}
        {status.state === 'cancelled' && 'Cancelled. Nothing was written.'}
        {status.state === 'failed' && status.error}
        {status.state === 'done' &&
          status.summary &&
          `Done: ${counted(status.summary.documents, 'document', 'documents')} added from ${formatMegabytes(status.summary.totalBytes)} in ${(status.summary.durationMs / 1000).toFixed(1)} s.`}
      </p>
      {status.state === 'done' && status.summary && (
        <>
          <SkippedFiles summary={status.summary} />
          <div className="build-actions">
            <button type="button" className="small-button" onClick={() => onOpen(status.outFile)}>
              Open “{status.summary.title}”
            </button>
            <button type="button" className="small-button" onClick={onDismiss}>
              Close
            </button>
          </div>
        </>
      )}
      {(status.state === 'cancelled' || status.state === 'failed') && (
        <button type="button" className="small-button" onClick={onDismiss}>
          Close
        </button>
      )}
    </section>
  );
}
