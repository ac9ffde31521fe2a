import { useEffect, useRef, useState } from 'react';
import { callApi } from '../../shared/data/call-api';
import { useUndo } from '../../shared/undo/undo-context';
import './deleted-items.css';

type State = { step: 'idle' } | { step: 'confirm' } | { step: 'working' } | { step: 'done'; message: string; ok: boolean };

/**
 * “Deleted items” in the Security panel: how long a delete can be undone and where it may
 * still survive, and “Empty deleted items now…”, which erases every deleted item at once after
 * a confirmation and says what it erased.
 */
export function DeletedItemsSettings({ available }: { available: boolean }) {
  const [state, setState] = useState<State>({ step: 'idle' });
  const { forgetDeletions } = useUndo();
  const cancel = useRef<HTMLButtonElement>(null);
  const opener = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (state.step === 'confirm') cancel.current?.focus();
  }, [state.step]);

  async function empty() {
    setState({ step: 'working' });
    const result = await callApi('emptyDeletedItems', undefined);
    if (result.ok) forgetDeletions();
    setState({ step: 'done', ok: result.ok, message: result.ok ? result.value.message : result.error.message });
  }
  function close() {
    setState({ step: 'idle' });
    // Focus goes back where it came from, for keyboard users.
    window.setTimeout(() => opener.current?.focus());
  }

  return (
    <div className="deleted-items">
      <p>
        A deleted highlight, note or bookmark can be brought back with Ctrl+Z or the Undo button for an hour while Carrel stays open. After
        that, and whenever Carrel closes or starts, it is erased from the notes database for good: overwritten, not just hidden.
      </p>
      <p className="fact-detail">
        Backups made before a delete still hold what was deleted: a daily backup until seven newer ones replace it (a week if Carrel is
        opened every day), a backup made before an update of Carrel until five newer updates.
      </p>
      {state.step === 'confirm' || state.step === 'working' ? (
        <div
          className="deleted-items-confirm"
          role="alertdialog"
          aria-labelledby="deleted-items-question"
          onKeyDown={(event) => {
            if (event.key === 'Escape' && state.step === 'confirm') close();
          }}
        >
          <p id="deleted-items-question">Erase every deleted item now, in every corpus? They can no longer be undone.</p>
          <p className="encryption-buttons">
            <button type="button" className="danger-button" onClick={() => void empty()} disabled={state.step === 'working'}>
              {state.step === 'working' ? 'Erasing…' : 'Erase for good'}
            </button>
            <button type="button" className="small-button" ref={cancel} onClick={close} disabled={state.step === 'working'}>
              Cancel
            </button>
          </p>
        </div>
      ) : (
        <p className="encryption-buttons">
          <button type="button" className="small-button" ref={opener} onClick={() => setState({ step: 'confirm' })} disabled={!available}>
            Empty deleted items now…
          </button>
          {!available && <span className="fact-detail">Your notes must be open (unlocked) for this.</span>}
        </p>
      )}
      {state.step === 'done' && (
        <p className={state.ok ? 'deleted-items-result' : 'unlock-problem'} role={state.ok ? 'status' : 'alert'} data-fact="deleted-items-result">
          {state.message}
        </p>
      )}
    </div>
  );
}
