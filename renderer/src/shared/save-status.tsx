import type { SaveStatus } from './use-autosave';
import './save-status.css';

const LABELS = { saved: 'Saved', unsaved: 'Editing…', saving: 'Saving…' } as const;

/** The visible state of an autosaving field. */
export function SaveStatusLabel({ status }: { status: SaveStatus }) {
  return (
    <span className={`save-status save-${status.state}`} role="status" aria-live="polite">
      {status.state === 'error' ? `Not saved: ${status.message}` : LABELS[status.state]}
    </span>
  );
}
