import { useEffect, useId, useRef, useState } from 'react';
import type { Result } from '../../../../electron/common/result';
import { MarkdownView } from '../../shared/markdown-view';
import { SaveStatusLabel } from '../../shared/save-status';
import { useAutosave } from '../../shared/use-autosave';

type Props = {
  initial: string;
  save: (text: string) => Promise<Result<unknown>>;
  label: string;
  placeholder?: string;
  /** Start in the text field with focus (a new note). */
  autoFocus?: boolean;
};

/**
 * A Markdown note edited in place: shown rendered (sanitised); click it, or press Enter on it,
 * to edit; saves by itself about a second after the last keystroke, on blur and on close.
 */
export function NoteEditor({ initial, save, label, placeholder = 'Write a note (Markdown)…', autoFocus = false }: Props) {
  const [text, setText] = useState(initial);
  const [editing, setEditing] = useState(autoFocus || initial.trim() === '');
  const { status, change, flush } = useAutosave(save);
  const fieldRef = useRef<HTMLTextAreaElement>(null);
  const id = useId();
  const focusNext = useRef(autoFocus);

  useEffect(() => {
    if (editing && focusNext.current) {
      fieldRef.current?.focus();
      focusNext.current = false;
    }
  }, [editing]);

  const startEditing = () => {
    focusNext.current = true;
    setEditing(true);
  };

  return (
    <div className="note-editor">
      <div className="note-editor-head">
        <label className="field-label" htmlFor={id}>
          {label}
        </label>
        <SaveStatusLabel status={status} />
      </div>
      {editing ? (
        <textarea
          id={id}
          ref={fieldRef}
          className="note-field"
          dir="auto"
          value={text}
          placeholder={placeholder}
          rows={Math.min(14, Math.max(4, text.split('\n').length + 1))}
          onChange={(event) => {
            setText(event.target.value);
            change(event.target.value);
          }}
          onBlur={() => {
            void flush();
            if (text.trim()) setEditing(false);
          }}
          onKeyDown={(event) => {
            if (event.key === 'Escape') {
              event.preventDefault(); // leave the field, not the reader
              void flush();
              if (text.trim()) setEditing(false);
            }
          }}
        />
      ) : (
        <div
          id={id}
          className="note-preview"
          role="button"
          tabIndex={0}
          aria-label={`${label}: edit`}
          title="Click or press Enter to edit"
          onClick={(event) => {
            if (!(event.target as Element).closest('a')) startEditing();
          }}
          onKeyDown={(event) => {
            if (event.key === 'Enter') {
              event.preventDefault();
              startEditing();
            }
          }}
        >
          <MarkdownView source={text} />
        </div>
      )}
    </div>
  );
}
