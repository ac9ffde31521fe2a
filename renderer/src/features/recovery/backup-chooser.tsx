import { useState } from 'react';
import type { Result } from '@common/result';
import type { UserDataBackup, UserDataRecoveryResult } from '@common/security/user-data-backups';
import { callApi } from '../../shared/data/call-api';
import { useApiQuery } from '../../shared/data/use-api-query';
import { backupAge, backupState, backupTime, KIND_LABELS, newestRestorable } from './backup-words';
import { RestoreConfirmation } from './restore-confirmation';
import './recovery.css';

/**
 * The backups of the notes, as main listed and checked them: the newest usable one first, with a
 * confirmation before it replaces the notes file, then every other one. A backup is named to
 * main by the name main gave it.
 */
export function BackupChooser({ onRecovered, offerFreshStart }: { onRecovered: (result: UserDataRecoveryResult) => void; offerFreshStart: boolean }) {
  const [asking, setAsking] = useState<UserDataBackup | 'fresh'>();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string>();
  const listed = useApiQuery('listUserDataBackups', undefined).state;

  async function run(call: () => Promise<Result<UserDataRecoveryResult>>) {
    setBusy(true);
    setProblem(undefined);
    const result = await call();
    setBusy(false);
    setAsking(undefined);
    if (result.ok) onRecovered(result.value);
    else setProblem(result.error.message);
  }
  const restore = (backup: UserDataBackup) => run(() => callApi('restoreUserDataBackup', { name: backup.name }));

  if (listed.status === 'loading') return <p className="recovery-loading">Looking at the backups…</p>;
  if (listed.status === 'error') return <p className="unlock-problem">{listed.error.message}</p>;
  const { backups, folder } = listed.value;
  const newest = newestRestorable(backups);
  const others = backups.filter((backup) => backup !== newest);

  return (
    <div className="recovery-backups">
      {problem && (
        <p className="unlock-problem" role="alert">
          {problem}
        </p>
      )}
      {newest ? (
        asking === newest ? (
          <RestoreConfirmation backup={newest} busy={busy} onConfirm={() => void restore(newest)} onCancel={() => setAsking(undefined)} />
        ) : (
          <>
            <p className="recovery-buttons">
              <button type="button" className="small-button recovery-primary" onClick={() => setAsking(newest)} disabled={busy}>
                Restore the newest backup ({backupTime(newest)}, {backupAge(newest)})…
              </button>
            </p>
            <BackupState backup={newest} withKind />
          </>
        )
      ) : (
        <p>{backups.length ? 'None of the backups can be restored.' : 'There is no backup of your notes.'}</p>
      )}
      {others.length > 0 && (
        <>
          <h3 className="recovery-subtitle">{newest ? 'Other backups' : 'Backups'}</h3>
          <ul className="backup-list" aria-label="Backups of your notes">
            {others.map((backup) => {
              return (
                <li key={backup.name} className="backup-item">
                  <div className="backup-facts">
                    <strong>{backupTime(backup)}</strong> <span className="backup-kind">{KIND_LABELS[backup.kind]}</span>
                    <BackupState backup={backup} />
                  </div>
                  {asking === backup ? (
                    <RestoreConfirmation backup={backup} busy={busy} onConfirm={() => void restore(backup)} onCancel={() => setAsking(undefined)} />
                  ) : (
                    <button
                      type="button"
                      className="small-button"
                      onClick={() => setAsking(backup)}
                      disabled={busy || backup.usable === false}
                      aria-label={`Restore the backup of ${backupTime(backup)}…`}
                    >
                      Restore…
                    </button>
                  )}
                </li>
              );
            })}
          </ul>
        </>
      )}
      {backups.length > 0 && (
        <p className="fact-detail">
          <span className="fact-label">Folder</span> <code dir="ltr">{folder}</code>
        </p>
      )}
      {offerFreshStart &&
        (asking === 'fresh' ? (
          <div className="recovery-confirm" role="group" aria-label="Confirm starting with empty notes">
            <p>
              <strong>Start with empty notes?</strong> Your notes file as it is now and every backup stay in backups/, where Carrel never deletes them by
              itself; you can restore one of them later.
            </p>
            <p className="recovery-buttons">
              <button type="button" className="danger-button" onClick={() => void run(() => callApi('startNewUserData', undefined))} disabled={busy}>
                {busy ? 'Working…' : 'Start with empty notes'}
              </button>
              <button type="button" className="small-button" onClick={() => setAsking(undefined)} disabled={busy}>
                Cancel
              </button>
            </p>
          </div>
        ) : (
          <p className="recovery-buttons">
            <button type="button" className="small-button" onClick={() => setAsking('fresh')} disabled={busy}>
              Start with empty notes…
            </button>
          </p>
        ))}
    </div>
  );
}

function BackupState({ backup, withKind = false }: { backup: UserDataBackup; withKind?: boolean }) {
  const state = backupState(backup);
  return (
    <p className={`backup-state ${state.good === true ? 'fact-good' : state.good === false ? 'fact-bad' : 'backup-unchecked'}`}>
      {withKind && `${KIND_LABELS[backup.kind]}. `}
      {state.text}
    </p>
  );
}
