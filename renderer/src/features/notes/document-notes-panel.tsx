import { useCallback, useEffect, useRef, useState } from 'react';
import type { DocumentNote } from '../../../../electron/common/notes/notes-types';
import { api } from '../../shared/api';
import { useUndo } from '../../shared/undo/undo-context';
import { useLiveResult } from '../../shared/use-live-result';
import { useUserDataVersion } from '../../shared/user-data-version';
import { NoteEditor } from './note-editor';
import { TagInput } from './tag-input';

/** One document note; a draft (no id yet) is created by its first save. */
type CardProps = {
  documentId: string;
  note: DocumentNote | null;
  onDelete: (note: DocumentNote) => void;
  onCreated?: (id: string) => void;
  autoFocus: boolean;
  /** Bring this card into view and give it focus (opened from the notebook). */
  reveal?: boolean;
};

function DocumentNoteCard({ documentId, note, onDelete, onCreated, autoFocus, reveal = false }: CardProps) {
  const cardRef = useRef<HTMLLIElement>(null);
  useEffect(() => {
    if (!reveal) return;
    cardRef.current?.scrollIntoView({ block: 'nearest' });
    cardRef.current?.focus({ preventScroll: true });
  }, [reveal]);
  const idRef = useRef(note?.id ?? null);
  const [tags, setTags] = useState(note?.tags ?? []);
  const [saved, setSaved] = useState<DocumentNote | null>(note);

  const save = useCallback(
    async (body: string) => {
      const result = idRef.current
        ? await api().updateDocumentNote({ id: idRef.current, body })
        : await api().createDocumentNote({ documentId, body, tags });
      if (result.ok) {
        if (!idRef.current) onCreated?.(result.value.id);
        idRef.current = result.value.id;
        setSaved(result.value);
      }
      return result;
    },
    [documentId, tags, onCreated],
  );

  const [error, setError] = useState<string | null>(null);
  const changeTags = async (next: string[]) => {
    setTags(next);
    if (!idRef.current) return; // a draft: the tags go with its first save
    const result = await api().updateDocumentNote({ id: idRef.current, tags: next });
    setError(result.ok ? null : `Tags not saved: ${result.error.message}`);
  };

  return (
    <li className={`document-note card${reveal ? ' revealed' : ''}`} ref={cardRef} tabIndex={-1}>
      <NoteEditor initial={note?.body ?? ''} save={save} label="Document note" autoFocus={autoFocus} />
      <TagInput tags={tags} onChange={(next) => void changeTags(next)} />
      {error && (
        <p className="inline-error" role="alert">
          {error}
        </p>
      )}
      {saved && (
        <div className="card-actions">
          <button type="button" className="danger-button" onClick={() => onDelete(saved)}>
            Delete note
          </button>
        </div>
      )}
    </li>
  );
}

/** Notes about the whole document, several allowed. */
export function DocumentNotesPanel({ documentId, focusNoteId }: { documentId: string; focusNoteId?: string }) {
  const version = useUserDataVersion();
  const notes = useLiveResult(documentId, () => api().listDocumentNotes({ documentId }), [version]);
  // New notes keep their editor (and focus) after their first save; the list skips their ids.
  const [drafts, setDrafts] = useState<{ key: number; id?: string }[]>([]);
  const { recordDeletion } = useUndo();

  const remove = async (note: DocumentNote) => {
    const result = await api().deleteDocumentNote({ id: note.id });
    if (result.ok) {
      setDrafts((d) => d.filter((draft) => draft.id !== note.id));
      recordDeletion(result.value);
    }
  };
  const created = useCallback((key: number, id: string) => setDrafts((d) => d.map((draft) => (draft.key === key ? { key, id } : draft))), []);

  const draftIds = new Set(drafts.map((d) => d.id));
  const listed = (notes.value ?? []).filter((note) => !draftIds.has(note.id));
  const count = listed.length + drafts.filter((d) => d.id).length;
  return (
    <section className="panel-section" aria-labelledby="document-notes-title">
      <div className="panel-section-head">
        <h3 id="document-notes-title" className="panel-title">
          Document notes <span className="count">{count}</span>
        </h3>
        <button type="button" className="small-button" onClick={() => setDrafts((d) => [...d, { key: Date.now() }])}>
          New note
        </button>
      </div>
      {notes.error && <p className="status">Notes could not be loaded: {notes.error.message}</p>}
      <ul className="card-list">
        {listed.map((note) => (
          <DocumentNoteCard key={note.id} documentId={documentId} note={note} onDelete={(n) => void remove(n)} autoFocus={false} reveal={note.id === focusNoteId} />
        ))}
        {drafts.map(({ key }) => (
          <DocumentNoteCard key={key} documentId={documentId} note={null} onDelete={(n) => void remove(n)} onCreated={(id) => created(key, id)} autoFocus />
        ))}
      </ul>
    </section>
  );
}
