import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { UserDataBackup } from '@common/security/user-data-backups';
import { useApiMutation } from '../../shared/data/use-api-mutation';
import { useApiQuery } from '../../shared/data/use-api-query';
import { backupState, backupTime, KIND_LABELS } from './backup-words';
import { RestoreConfirmation } from './restore-confirmation';
import './recovery.css';

const size = (bytes: number) => (bytes < 1024 * 1024 ? `${Math.max(1, Math.round(bytes / 1024))} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`);

/**
 * The backups of healthy notes (Security view): each with its date, kind, size, whether it is
 * encrypted and what its check found; “Back up now”; and Restore, which asks first and keeps the
 * notes file as it is in backups/ before putting the backup in its place.
 */
export function BackupsSection() {
  const listed = useApiQuery('listUserDataBackups', undefined);
  const client = useQueryClient();
  const [asking, setAsking] = useState<string>();
  const [message, setMessage] = useState<string>();
  const backUp = useApiMutation('backUpUserDataNow', { report: 'inline', failure: 'No backup was made', invalidates: ['listUserDataBackups'] });
  const restore = useApiMutation('restoreUserDataBackup', { report: 'inline', failure: 'The backup was not restored' });
  const busy = backUp.pending || restore.pending;

  const backUpNow = async () => {
    setMessage(undefined);
    const result = await backUp.run(undefined);
    if (result.ok) setMessage(`Backed up at ${backupTime(result.value)}: ${backupState(result.value).text}`);
  };
  const restoreOne = async (backup: UserDataBackup) => {
    setMessage(undefined);
    const result = await restore.run({ name: backup.name });
    setAsking(undefined);
    if (!result.ok) return;
    setMessage(result.value.message);
    // Everything shown may have changed: read it all again from main (the view stays as it is meanwhile).
    await client.invalidateQueries();
  };

  return (
    <div className="backups-section">
      <p className="recovery-buttons">
        <button type="button" className="small-button recovery-primary" onClick={() => void backUpNow()} disabled={busy}>
          {backUp.pending ? 'Backing up…' : 'Back up now'}
        </button>
      </p>
      {message && (
        <p className="encryption-message" role="status">
          {message}
        </p>
      )}
      {(backUp.error ?? restore.error) && (
        <p className="inline-error" role="alert">
          {backUp.error ?? restore.error}
        </p>
      )}
      {listed.error && <p className="inline-error">The backups could not be listed: {listed.error.message}</p>}
      {listed.value?.automaticProblem && <p className="inline-error">{listed.value.automaticProblem}</p>}
      {listed.value && listed.value.backups.length === 0 && <p>No backup yet.</p>}
      {listed.value && listed.value.backups.length > 0 && (
        <ul className="backup-list" aria-label="Backups of your notes">
          {listed.value.backups.map((backup) => {
            const state = backupState(backup);
            return (
              <li key={backup.name} className="backup-item" data-backup={backup.name}>
                <div className="backup-facts">
                  <strong>{backupTime(backup)}</strong> <span className="backup-kind">{KIND_LABELS[backup.kind]}</span>{' '}
                  <span className="backup-size">
                    {size(backup.bytes)}
                    {backup.encryption === 'encrypted' ? ', encrypted' : ''}
                  </span>
                  <p className={`backup-state ${state.good === true ? 'fact-good' : state.good === false ? 'fact-bad' : 'backup-unchecked'}`}>{state.text}</p>
                </div>
                {asking === backup.name ? (
                  <RestoreConfirmation backup={backup} busy={restore.pending} onConfirm={() => void restoreOne(backup)} onCancel={() => setAsking(undefined)} />
                ) : (
                  <button
                    type="button"
                    className="small-button"
                    onClick={() => setAsking(backup.name)}
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
      )}
      {listed.value && (
        <p className="fact-detail">
          <span className="fact-label">Folder</span> <code dir="ltr">{listed.value.folder}</code>
        </p>
      )}
    </div>
  );
}
