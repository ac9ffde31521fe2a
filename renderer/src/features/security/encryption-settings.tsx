import { useState, type FormEvent } from 'react';
import type { Result } from '@common/result';
import type { SecurityStatus } from '@common/security/security-status';
import { MIN_PASSPHRASE_LENGTH, type EncryptionChangeResult } from '@common/security/user-data-status';
import { callApi } from '../../shared/data/call-api';
import { PassphraseField } from '../../shared/passphrase-field';
import { useApiQuery } from '../../shared/data/use-api-query';
import './security.css';

type Action = 'encrypt' | 'change' | 'decrypt';

/** The same checks main makes, said before anything is sent. */
function problemWith(passphrase: string, confirmation: string): string | undefined {
  if ([...passphrase].length < MIN_PASSPHRASE_LENGTH) return `Choose a passphrase of at least ${MIN_PASSPHRASE_LENGTH} characters.`;
  if (passphrase !== confirmation) return 'The two passphrases are not the same.';
  return undefined;
}

function ActionForm({ action, onDone, onCancel }: { action: Action; onDone: (message: string) => void; onCancel: () => void }) {
  const [current, setCurrent] = useState('');
  const [passphrase, setPassphrase] = useState('');
  const [confirmation, setConfirmation] = useState('');
  const [problem, setProblem] = useState<string>();
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const local = action === 'decrypt' ? (current ? undefined : 'Enter your passphrase.') : problemWith(passphrase, confirmation);
    if (local || (action === 'change' && !current)) {
      setProblem(local ?? 'Enter your current passphrase.');
      return;
    }
    setBusy(true);
    setProblem(undefined);
    let result: Result<EncryptionChangeResult>;
    if (action === 'encrypt') result = await callApi('encryptUserData', { passphrase, confirmation });
    else if (action === 'change') result = await callApi('changeUserDataPassphrase', { current, passphrase, confirmation });
    else result = await callApi('decryptUserData', { passphrase: current });
    setBusy(false);
    setCurrent('');
    if (result.ok) onDone(result.value.message);
    else setProblem(result.error.message);
  }

  const title = { encrypt: 'Encrypt your notes', change: 'Change the passphrase', decrypt: 'Remove encryption' }[action];
  return (
    <form className="encryption-form" onSubmit={submit} aria-label={title}>
      {action === 'encrypt' && (
        <p className="encryption-warning">
          Carrel asks for this passphrase each time it starts. Nobody can recover your notes without it: write it down somewhere safe.
        </p>
      )}
      {action !== 'encrypt' && <PassphraseField label="Current passphrase" name="current" value={current} onChange={setCurrent} autoFocus />}
      {action !== 'decrypt' && (
        <>
          <PassphraseField label={action === 'change' ? 'New passphrase' : 'Passphrase'} name="passphrase" value={passphrase} onChange={setPassphrase} autoFocus={action === 'encrypt'} />
          <PassphraseField label="Repeat it" name="confirmation" value={confirmation} onChange={setConfirmation} />
        </>
      )}
      {action === 'decrypt' && <p>Your notes and their backups will be stored unencrypted again.</p>}
      {problem && (
        <p className="unlock-problem" role="alert">
          {problem}
        </p>
      )}
      <p className="encryption-buttons">
        <button type="submit" className={action === 'decrypt' ? 'danger-button' : 'small-button'} disabled={busy}>
          {busy ? 'Working…' : title}
        </button>
        <button type="button" className="small-button" onClick={onCancel} disabled={busy}>
          Cancel
        </button>
      </p>
    </form>
  );
}

/** Encrypt / change passphrase / remove encryption, under "Your notes" in the Security panel. */
export function EncryptionSettings({ database, onChanged }: { database: SecurityStatus['userDatabase']; onChanged: (message: string) => void }) {
  const [action, setAction] = useState<Action>();
  // Asked again with the security status after every change (SecurityView).
  const userData = useApiQuery('getUserDataStatus', undefined).state;
  const remembered = userData.status === 'ready' && userData.value.remember?.remembered;
  if (!database.file) return null;
  if (database.locked) return <p className="fact-detail">Unlock your notes to change their encryption.</p>;
  const done = (text: string) => {
    setAction(undefined);
    onChanged(text);
  };
  return (
    <div className="encryption-settings">
      {action ? (
        <ActionForm key={action} action={action} onDone={done} onCancel={() => setAction(undefined)} />
      ) : database.encrypted ? (
        <p className="encryption-buttons">
          <button type="button" className="small-button" onClick={() => setAction('change')}>
            Change passphrase…
          </button>
          <button type="button" className="danger-button" onClick={() => setAction('decrypt')}>
            Remove encryption…
          </button>
          {remembered && (
            <button
              type="button"
              className="small-button"
              onClick={() =>
                void callApi('forgetRememberedKey', undefined).then((result) =>
                  onChanged(
                    result.ok
                      ? 'The key was removed from the system keyring: Carrel asks for the passphrase at the next start.'
                      : `The key was not removed from the system keyring: ${result.error.message}`,
                  ),
                )
              }
            >
              Forget the key kept in the keyring
            </button>
          )}
        </p>
      ) : (
        <p className="encryption-buttons">
          <button type="button" className="small-button" onClick={() => setAction('encrypt')}>
            Encrypt with a passphrase…
          </button>
        </p>
      )}
    </div>
  );
}
