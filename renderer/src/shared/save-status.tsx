import { useEffect, useState } from 'react';
import type { SaveStatus } from './pending-saves';
import './save-status.css';
import './save-problems.css';

const LABELS = { unsaved: 'Editing…', saving: 'Saving…' } as const;

/** The short visible state of an autosaving field, beside its label. */
export function SaveStatusLabel({ status }: { status: SaveStatus }) {
  if (status.state === 'failed') {
    return <span className="save-status save-failed">{status.trying ? 'Not saved · trying again…' : 'Not saved'}</span>;
  }
  return (
    <span className={`save-status save-${status.state}`} role="status" aria-live="polite">
      {status.state === 'saved' ? (status.recovered ? 'Saved now' : 'Saved') : LABELS[status.state]}
    </span>
  );
}

/** Seconds until `at`, updated every second while `at` is set. */
function useSecondsUntil(at: number | null): number | null {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (at === null) return;
    const timer = window.setInterval(() => setNow(Date.now()), 1000);
    return () => window.clearInterval(timer);
  }, [at]);
  return at === null ? null : Math.max(0, Math.ceil((at - now) / 1000));
}

type ProblemProps = { status: SaveStatus; id: string; onRetry: () => void };

/**
 * Why a field is not saved, in the words the service gave, what Carrel does about it, and a
 * way to try again; then, once a try works, that it is saved now.
 */
export function SaveProblem({ status, id, onRetry }: ProblemProps) {
  const seconds = useSecondsUntil(status.state === 'failed' ? status.retryAt : null);
  if (status.state === 'saved' && status.recovered) {
    return (
      <p id={id} className="save-problem save-problem-over" role="status">
        Saved now: the problem is over and everything you wrote here is kept.
      </p>
    );
  }
  if (status.state !== 'failed') return null;
  const next = status.trying
    ? 'Trying again now…'
    : seconds !== null
      ? `Carrel tries again ${seconds <= 1 ? 'in a moment' : `in ${seconds} seconds`}.`
      : 'It is saved when you edit it again or choose Try again.';
  return (
    <div id={id} className="save-problem">
      {/* Only the reason is announced; the countdown below changes every second. */}
      <p className="save-problem-text" role="alert">
        <strong className="save-problem-title">Not saved.</strong> {status.error.message}
      </p>
      <p className="save-problem-next">
        Your text stays here, in this window. {next}
        <button type="button" className="small-button save-problem-retry" onClick={onRetry} disabled={status.trying}>
          Try again
        </button>
      </p>
    </div>
  );
}
