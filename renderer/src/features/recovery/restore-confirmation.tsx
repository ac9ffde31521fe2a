import { useEffect, useRef, type KeyboardEvent } from 'react';
import type { UserDataBackup } from '@common/security/user-data-backups';
import { backupTime } from './backup-words';

/** Asks before a restore, saying what it keeps and what it does not bring back. Esc cancels. */
export function RestoreConfirmation({
  backup,
  busy,
  onConfirm,
  onCancel,
}: {
  backup: UserDataBackup;
  busy: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const confirm = useRef<HTMLButtonElement>(null);
  useEffect(() => confirm.current?.focus(), []);
  const keyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape' && !busy) {
      event.stopPropagation();
      onCancel();
    }
  };
  return (
    <div className="recovery-confirm" role="group" aria-label="Confirm the restore" onKeyDown={keyDown}>
      <p>
        <strong>Restore the backup of {backupTime(backup)}?</strong> Your notes file as it is now is kept in backups/ first, so nothing is deleted.
        Highlights, notes and bookmarks made after that time are not in this backup.
        {backup.encryption === 'encrypted' && ' This backup is encrypted: Carrel asks for the passphrase it was made with.'}
      </p>
      <p className="recovery-buttons">
        <button ref={confirm} type="button" className="small-button recovery-primary" onClick={onConfirm} disabled={busy}>
          {busy ? 'Restoring…' : 'Restore this backup'}
        </button>
        <button type="button" className="small-button" onClick={onCancel} disabled={busy}>
          Cancel
        </button>
      </p>
    </div>
  );
}
