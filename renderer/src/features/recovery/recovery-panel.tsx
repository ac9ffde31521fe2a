import { useState } from 'react';
import { RESTORABLE_CODES, type UserDataRecoveryResult } from '@common/security/user-data-backups';
import type { UserDataStatus } from '@common/security/user-data-status';
import { callApi } from '../../shared/data/call-api';
import { BackupChooser } from './backup-chooser';
import './recovery.css';

const TITLES: Record<string, string> = {
  'user-data-empty': 'Your notes file is empty',
  'user-data-missing': 'Your notes file is missing',
  'user-data-damaged': 'Your notes file is damaged',
  'user-data-read-only': 'Carrel cannot write to the folder of your notes',
  'user-data-disk-full': 'The disk that holds your notes is full',
};

/**
 * Shown instead of the views when the notes cannot be opened for a reason the user can act on:
 * what happened, in main's words, then what to do: restore a backup (or start afresh) when the
 * file itself is lost or damaged, try again once the folder is writable or the disk has room.
 * Reading the corpus without notes stays possible.
 */
export function RecoveryPanel({
  status,
  onRecovered,
  onRetried,
  onContinue,
}: {
  status: UserDataStatus;
  onRecovered: (result: UserDataRecoveryResult) => void;
  onRetried: (status: UserDataStatus) => void;
  onContinue: () => void;
}) {
  const restorable = (RESTORABLE_CODES as readonly string[]).includes(status.code ?? '');
  const [retrying, setRetrying] = useState(false);
  const [stillFailing, setStillFailing] = useState(false);

  async function retry() {
    setRetrying(true);
    const result = await callApi('retryUserData', undefined);
    setRetrying(false);
    if (result.ok && result.value.state !== 'unavailable') onRetried(result.value);
    else setStillFailing(true);
  }

  return (
    <section className="recovery" aria-labelledby="recovery-title">
      <h1 id="recovery-title" className="section-title">
        {TITLES[status.code ?? ''] ?? 'Your notes cannot be opened'}
      </h1>
      <p className="recovery-message">{status.message}</p>
      {restorable ? (
        <BackupChooser onRecovered={onRecovered} offerFreshStart />
      ) : (
        <>
          {stillFailing && (
            <p className="unlock-problem" role="alert">
              Still not possible: {status.code === 'user-data-disk-full' ? 'the disk has no room yet.' : 'the folder cannot be written yet.'}
            </p>
          )}
          <p className="recovery-buttons">
            <button type="button" className="small-button recovery-primary" onClick={() => void retry()} disabled={retrying}>
              {retrying ? 'Trying…' : 'Try again'}
            </button>
          </p>
        </>
      )}
      <p className="recovery-buttons">
        <button type="button" className="small-button" onClick={onContinue}>
          Read without notes for now
        </button>
      </p>
      {status.file && (
        <p className="fact-detail">
          <span className="fact-label">Database</span> <code dir="ltr">{status.file}</code>
        </p>
      )}
    </section>
  );
}
