import './recovery.css';

/** What a restore or a fresh start did, kept in view after the panel gives way to the notes. */
export function RecoveryNotice({ message, onDismiss }: { message: string; onDismiss: () => void }) {
  return (
    <div className="recovery-notice" role="status">
      <p>{message}</p>
      <button type="button" className="small-button" onClick={onDismiss}>
        Dismiss
      </button>
    </div>
  );
}
