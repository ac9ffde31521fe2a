import { useEffect, useId, useRef, useState } from 'react';
import type { Result } from '@common/result';
import { MarkdownView } from '../../shared/markdown-view';
import { pendingValue } from '../../shared/pending-saves';
import { afterPointerRelease, trackPointerPresses } from '../../shared/pointer-release';
import { SaveProblem, SaveStatusLabel } from '../../shared/save-status';
import { useAutosave } from '../../shared/use-autosave';

type Props = {
  /** Names what is saved, for pending-saves.ts: text not saved yet comes back under the same key. */
  saveKey: string;
  /** What it is, for the window's list of changes not saved ("A note on a highlight"). */
  what: string;
  initial: string;
  save: (text: string) => Promise<Result<unknown>>;
  label: string;
  placeholder?: string;
  /** Start in the text field with focus (a new note). */
  autoFocus?: boolean;
};

/**
 * A Markdown note edited in place: shown rendered (sanitised) as readable text, with an Edit
 * button (a click on the text edits too); saves by itself about a second after the last keystroke,
 * on blur and on close. Text that is not saved stays in the field, marked, with the reason: the
 * field turns back into the rendered note only once its text is saved.
 */
export function NoteEditor({ saveKey, what, initial, save, label, placeholder = 'Write a note (Markdown)…', autoFocus = false }: Props) {
  // Text an earlier editor on this note could not save comes back, not the stored text.
  const [restored] = useState(() => pendingValue<string>(saveKey));
  const [text, setText] = useState(restored ?? initial);
  // 'leaving': left by blur or Escape; the field stays until its text is saved, never shorter.
  const [mode, setMode] = useState<'edit' | 'leaving' | 'preview'>(autoFocus || restored !== undefined || initial.trim() === '' ? 'edit' : 'preview');
  const { status, change, flush } = useAutosave(saveKey, save, what);
  const fieldRef = useRef<HTMLTextAreaElement>(null);
  const editRef = useRef<HTMLButtonElement>(null);
  // Left by Escape: focus goes on to the Edit button once the note shows, not to the page.
  const focusEdit = useRef(false);
  const id = useId();
  const problemId = `${id}-problem`;
  const focusNext = useRef(autoFocus);
  // "Saved" means something only once there is a note: not on an empty one never typed in.
  const [typed, setTyped] = useState(false);
  useEffect(trackPointerPresses, []);

  const editing = mode === 'edit' || (mode === 'leaving' && !(status.state === 'saved' && text.trim() !== ''));

  useEffect(() => {
    if (editing && focusNext.current) {
      fieldRef.current?.focus();
      focusNext.current = false;
    }
    if (!editing && focusEdit.current) {
      editRef.current?.focus();
      focusEdit.current = false;
    }
  }, [editing]);

  const startEditing = () => {
    focusNext.current = true;
    setMode('edit');
  };
  const leave = () => {
    void flush();
    setMode('leaving');
  };
  // Blurred by a mouse-down elsewhere: the field keeps its size until that click is done, so the
  // button pressed (e.g. "Delete highlight" below) does not move away from under the pointer.
  const leaveOnBlur = () => {
    void flush();
    afterPointerRelease(() => setMode((m) => (m === 'edit' && fieldRef.current !== document.activeElement ? 'leaving' : m)));
  };
  const failed = status.state === 'failed';

  return (
    <div className={`note-editor${failed ? ' note-editor-unsaved' : ''}`}>
      <div className="note-editor-head">
        {editing ? (
          <label className="field-label" htmlFor={id}>
            {label}
          </label>
        ) : (
          <span className="field-label">{label}</span>
        )}
        {(typed || text.trim() !== '' || status.state !== 'saved') && <SaveStatusLabel status={status} />}
      </div>
      {editing ? (
        <textarea
          id={id}
          ref={fieldRef}
          className={`note-field${failed ? ' note-field-unsaved' : ''}`}
          dir="auto"
          value={text}
          placeholder={placeholder}
          aria-invalid={failed || undefined}
          aria-describedby={failed ? problemId : undefined}
          rows={Math.min(14, Math.max(4, text.split('\n').length + 1))}
          onChange={(event) => {
            setText(event.target.value);
            setTyped(true);
            setMode('edit');
            change(event.target.value);
          }}
          onFocus={() => setMode('edit')}
          onBlur={leaveOnBlur}
          onKeyDown={(event) => {
            if (event.key === 'Escape') {
              event.preventDefault(); // leave the field, not the reader
              focusEdit.current = true;
              leave();
            }
          }}
        />
      ) : (
        <div className="note-view">
          {/* The note is read as text; the pointer may click it to edit, the keyboard has the button. */}
          <div
            id={id}
            className="note-preview"
            title="Click to edit"
            onClick={(event) => {
              if (!(event.target as Element).closest('a')) startEditing();
            }}
          >
            <MarkdownView source={text} />
          </div>
          <button type="button" ref={editRef} className="link-button note-edit" aria-label={`Edit ${label.toLowerCase()}`} onClick={startEditing}>
            Edit
          </button>
        </div>
      )}
      <SaveProblem status={status} id={problemId} onRetry={() => void flush()} />
    </div>
  );
}
