import { useEffect, useState } from 'react';
import type { WordListProgress } from '@common/analysis/analysis-types';
import { callApi } from '../../shared/data/call-api';

/** How often the count's progress is asked for while it runs. */
const POLL_MS = 250;

/** The word list being counted: documents counted of all, and Cancel (the count stops at its next batch). */
export function WordListProgressBar() {
  const [progress, setProgress] = useState<WordListProgress | undefined>();
  const [cancelling, setCancelling] = useState(false);
  useEffect(() => {
    let live = true;
    const ask = async () => {
      const result = await callApi('wordListProgress', undefined);
      if (live && result.ok) setProgress(result.value);
    };
    void ask();
    const timer = setInterval(() => void ask(), POLL_MS);
    return () => {
      live = false;
      clearInterval(timer);
    };
  }, []);
  const total = progress?.running ? progress.documentsTotal : 0;
  const done = progress?.running ? progress.documentsDone : 0;
  const cancel = async () => {
    setCancelling(true);
    await callApi('cancelWordList', undefined);
  };
  return (
    <div className="word-list-progress">
      <progress className="analysis-progress" max={Math.max(1, total)} value={done} aria-label="Word list progress" />
      <p className="analysis-hint" role="status">
        {cancelling
          ? 'Stopping the count…'
          : total > 0
            ? `Counting the words… ${done.toLocaleString('en')} of ${total.toLocaleString('en')} documents`
            : 'Counting the words…'}
      </p>
      <button type="button" className="small-button" onClick={() => void cancel()} disabled={cancelling}>
        Cancel
      </button>
    </div>
  );
}
