import { useCallback, useEffect, useRef, useState } from 'react';
import type { DocumentNote } from '@common/notes/notes-types';
import type { Result } from '@common/result';
import { callApi } from '../../shared/data/call-api';
import { useApiMutation } from '../../shared/data/use-api-mutation';
import { useApiQuery } from '../../shared/data/use-api-query';
import { pendingKeys } from '../../shared/pending-saves';
import { useUndo } from '../../shared/undo/undo-context';
import { NoteEditor } from './note-editor';
import { TagInput } from './tag-input';

/**
 * Ids of draft notes that were created, by draft key. A draft whose later text could not be
 * saved outlives its card (pending-saves.ts); the card shown again for it must update that
 * note, not create a second one.
 */
const createdDrafts = new Map<string, string>();

const draftPrefix = (documentId: string) => `document-note-draft:${documentId}:`;
let draftCounter = 0;

/** One document note; a draft (no id yet) is created by its first save. */
type CardProps = {
  documentId: string;
  note: DocumentNote | null;
  /** Key of a draft (a note that may not exist yet). */
  draftKey?: string;
  onDelete: (note: DocumentNote) => Promise<Result<unknown>>;
  onCreated?: (id: string) => void;
  autoFocus: boolean;
  /** Bring this card into view and give it focus (opened from the notebook). */
  reveal?: boolean;
};

function DocumentNoteCard({ documentId, note, draftKey, onDelete, onCreated, autoFocus, reveal = false }: CardProps) {
  const cardRef = useRef<HTMLLIElement>(null);
  useEffect(() => {
    if (!reveal) return;
    cardRef.current?.scrollIntoView({ block: 'nearest' });
    cardRef.current?.focus({ preventScroll: true });
  }, [reveal]);
  const saveKey = draftKey ?? `document-note:${note?.id}`;
  const idRef = useRef(note?.id ?? (draftKey ? createdDrafts.get(draftKey) : undefined) ?? null);
  const [tags, setTags] = useState(note?.tags ?? []);
  const [saved, setSaved] = useState<DocumentNote | null>(note);

  const save = useCallback(
    async (body: string) => {
      const id = idRef.current ?? (draftKey ? createdDrafts.get(draftKey) : undefined);
      // The editor says a failed save itself (use-autosave.ts), with its retries.
      const result = id ? await callApi('updateDocumentNote', { id, body }) : await callApi('createDocumentNote', { documentId, body, tags });
      if (result.ok) {
        if (!id) {
          if (draftKey) createdDrafts.set(draftKey, result.value.id);
          onCreated?.(result.value.id);
        }
        idRef.current = result.value.id;
        setSaved(result.value);
      }
      return result;
    },
    [documentId, draftKey, tags, onCreated],
  );

  // One place on the card for what its tags and delete buttons could not do.
  const [error, setError] = useState<string | null>(null);
  const saveTags = useApiMutation('updateDocumentNote', { report: 'inline', failure: 'The tags were not saved', invalidates: ['listTags', 'queryNotebook'] });
  const changeTags = async (next: string[]) => {
    const before = tags;
    setTags(next);
    if (!idRef.current) return; // a draft: the tags go with its first save
    const result = await saveTags.run({ id: idRef.current, tags: next });
    if (!result.ok) setTags(before); // show the tags as they are stored
    setError(saveTags.failed(result));
  };
  const remove = async (target: DocumentNote) => {
    const result = await onDelete(target);
    setError(result.ok ? null : `The note was not deleted: ${result.error.message}`);
  };

  return (
    <li className={`document-note card${reveal ? ' revealed' : ''}`} ref={cardRef} tabIndex={-1}>
      <NoteEditor saveKey={saveKey} what="A document note" initial={note?.body ?? ''} save={save} label="Document note" autoFocus={autoFocus} />
      <TagInput tags={tags} onChange={(next) => void changeTags(next)} />
      {error && (
        <p className="inline-error" role="alert">
          {error}
        </p>
      )}
      {saved && (
        <div className="card-actions">
          <button type="button" className="danger-button" onClick={() => void remove(saved)}>
            Delete note
          </button>
        </div>
      )}
    </li>
  );
}

/** `restored`: shown again because its text is not saved yet (it does not take focus). */
type Draft = { key: string; id?: string; restored?: boolean };

/** Notes about the whole document, several allowed. */
export function DocumentNotesPanel({ documentId, focusNoteId }: { documentId: string; focusNoteId?: string }) {
  const notes = useApiQuery('listDocumentNotes', { documentId });
  // New notes keep their editor (and focus) after their first save; the list skips their ids.
  // Drafts whose text is not saved yet come back when the document opens again.
  const [drafts, setDrafts] = useState<Draft[]>(() => pendingKeys(draftPrefix(documentId)).map((key) => ({ key, id: createdDrafts.get(key), restored: true })));
  const { recordDeletion } = useUndo();
  // The card the delete was asked from says a failure (DocumentNoteCard.remove).
  const del = useApiMutation('deleteDocumentNote', {
    report: 'inline',
    failure: 'The note was not deleted',
    invalidates: ['listDocumentNotes', 'queryNotebook', 'listNotedDocuments', 'listTags'],
  });

  const remove = async (note: DocumentNote): Promise<Result<unknown>> => {
    const result = await del.run({ id: note.id });
    if (result.ok) {
      setDrafts((d) => d.filter((draft) => draft.id !== note.id));
      recordDeletion(result.value);
    }
    return result;
  };
  const created = useCallback((key: string, id: string) => setDrafts((d) => d.map((draft) => (draft.key === key ? { ...draft, id } : draft))), []);
  const addDraft = () => setDrafts((d) => [...d, { key: `${draftPrefix(documentId)}${Date.now()}-${++draftCounter}` }]);

  const draftIds = new Set(drafts.map((d) => d.id));
  const listed = (notes.value ?? []).filter((note) => !draftIds.has(note.id));
  const count = listed.length + drafts.filter((d) => d.id).length;
  return (
    <section className="panel-section" aria-labelledby="document-notes-title">
      <div className="panel-section-head">
        <h2 id="document-notes-title" className="panel-title">
          Document notes <span className="count">{count}</span>
        </h2>
        <button type="button" className="small-button" onClick={addDraft}>
          New note
        </button>
      </div>
      {notes.error && <p className="status">Notes could not be loaded: {notes.error.message}</p>}
      <ul className="card-list">
        {listed.map((note) => (
          <DocumentNoteCard key={note.id} documentId={documentId} note={note} onDelete={remove} autoFocus={false} reveal={note.id === focusNoteId} />
        ))}
        {drafts.map(({ key, restored }) => (
          <DocumentNoteCard key={key} documentId={documentId} note={null} draftKey={key} onDelete={remove} onCreated={(id) => created(key, id)} autoFocus={!restored} />
        ))}
      </ul>
    </section>
  );
}
