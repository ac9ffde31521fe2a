import { useId, useState, type FormEvent } from 'react';
import type { UserDataStatus } from '@common/security/user-data-status';
import { callApi } from '../../shared/data/call-api';
import { PassphraseField } from '../../shared/passphrase-field';
import './unlock.css';

/**
 * Shown instead of the views while the notes database is encrypted and locked. Enter submits;
 * a wrong passphrase is said plainly and the field is cleared and focused for the next try.
 */
export function UnlockPrompt({ status, onUnlocked }: { status: UserDataStatus; onUnlocked: (status: UserDataStatus) => void }) {
  const { file } = status;
  const [passphrase, setPassphrase] = useState('');
  const [remember, setRemember] = useState(false);
  const [problem, setProblem] = useState<string>();
  const [busy, setBusy] = useState(false);
  const hintId = useId();

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy || !passphrase) return;
    setBusy(true);
    setProblem(undefined);
    const result = await callApi('unlockUserData', remember ? { passphrase, remember } : { passphrase });
    setBusy(false);
    setPassphrase('');
    if (result.ok) onUnlocked(result.value);
    else setProblem(result.error.message);
  }

  return (
    <section className="unlock" aria-labelledby="unlock-title">
      <h1 id="unlock-title" className="section-title">
        Your notes are locked
      </h1>
      <p id={hintId}>
        Your highlights, notes and bookmarks are encrypted on this computer. Enter your passphrase to open them.
      </p>
      <form className="unlock-form" onSubmit={submit}>
        <PassphraseField label="Passphrase" name="passphrase" value={passphrase} onChange={setPassphrase} autoFocus describedBy={hintId} />
        {status.remember?.available && (
          <label className="unlock-remember">
            <input type="checkbox" checked={remember} onChange={(event) => setRemember(event.target.checked)} /> Remember on this computer
            (kept in the system keyring; anyone using your account can then open your notes)
          </label>
        )}
        <button type="submit" className="small-button" disabled={busy || !passphrase}>
          {busy ? 'Opening…' : 'Unlock'}
        </button>
      </form>
      {problem && (
        <p className="unlock-problem" role="alert">
          {problem}
        </p>
      )}
      {file && (
        <p className="fact-detail">
          <span className="fact-label">Database</span> <code dir="ltr">{file}</code>
        </p>
      )}
    </section>
  );
}
