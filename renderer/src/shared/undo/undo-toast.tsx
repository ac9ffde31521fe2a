import type { UndoMessage } from './undo-context';
import './undo-toast.css';

type Props = {
  message: (UndoMessage & { key: number }) | null;
  onUndo?: () => void;
  onDismiss: () => void;
};

/** A polite live region: screen readers hear what was deleted and that Ctrl+Z brings it back. */
export function UndoToast({ message, onUndo, onDismiss }: Props) {
  return (
    <div className="toast-region" role="status" aria-live="polite">
      {message && (
        <div className={`toast toast-${message.tone}`} key={message.key}>
          <span className="toast-text" dir="auto">
            {message.text}
            {message.subject !== undefined && <bdi>{message.subject}</bdi>}
          </span>
          {onUndo && (
            <button type="button" className="toast-undo" onClick={onUndo} title="Undo (Ctrl+Z)">
              Undo
            </button>
          )}
          <button type="button" className="toast-close" onClick={onDismiss} aria-label="Dismiss">
            ×
          </button>
        </div>
      )}
    </div>
  );
}
