import { useEffect, useState } from 'react';
import { hiddenFailures, retryAllSaves, watchSaves, type UnsavedChange } from './pending-saves';
import { useCloseGuard } from './use-close-guard';
import './save-problems.css';

/**
 * Changes that could not be saved and whose editor is closed: the window says so until they
 * are saved, so that no one closes Carrel thinking everything is kept; closing the window
 * meanwhile asks first (use-close-guard.ts).
 */
export function UnsavedBanner() {
  const [hidden, setHidden] = useState<UnsavedChange[]>(hiddenFailures);
  useEffect(() => watchSaves(() => setHidden(hiddenFailures())), []);
  useCloseGuard();
  if (hidden.length === 0) return null;
  const [first] = hidden;
  return (
    <div className="unsaved-banner" role="alert">
      <p className="unsaved-banner-text">
        <strong>
          {hidden.length === 1 ? `${first!.label || 'A change'} is not saved.` : `${hidden.length} changes to your notes are not saved.`}
        </strong>{' '}
        {first!.error.message} Its text is kept in this window: open the note again to see or copy it, and do not close Carrel before it is saved.
      </p>
      <button type="button" className="small-button" onClick={retryAllSaves}>
        Try again
      </button>
    </div>
  );
}
