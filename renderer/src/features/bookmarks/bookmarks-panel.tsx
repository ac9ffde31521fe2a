import { useId, useState } from 'react';
import type { Bookmark } from '@common/notes/notes-types';
import { useCommands, useShortcutText } from '../../shared/commands/command-provider';
import { useApiMutation } from '../../shared/data/use-api-mutation';
import { useApiQuery } from '../../shared/data/use-api-query';
import { useUndo } from '../../shared/undo/undo-context';
import './bookmarks.css';

type Props = {
  documentId: string;
  /** Where the reader is now: a new bookmark goes there. */
  currentOffset: () => number;
  onJump: (offset: number) => void;
};

/** Bookmarks of one document: add one at the reading position (label optional), jump, rename, delete. */
export function BookmarksPanel({ documentId, currentOffset, onJump }: Props) {
  const list = useApiQuery('listBookmarks', { documentId });
  const [label, setLabel] = useState('');
  // The panel says every failure of its own actions inline, one at a time.
  const [error, setError] = useState<string | null>(null);
  const inline = { report: 'inline' } as const;
  const notebook = ['queryNotebook', 'listNotedDocuments'] as const;
  const create = useApiMutation('createBookmark', { ...inline, failure: 'The bookmark was not saved', invalidates: notebook });
  const update = useApiMutation('updateBookmark', { ...inline, failure: 'The label was not saved', invalidates: ['queryNotebook'] });
  const del = useApiMutation('deleteBookmark', { ...inline, failure: 'The bookmark was not deleted', invalidates: notebook });
  const [renaming, setRenaming] = useState<string | null>(null);
  const { recordDeletion } = useUndo();
  const labelId = useId();
  const { setValue } = list;

  const add = async () => {
    const result = await create.run({ documentId, offset: currentOffset(), label: label.trim() || undefined });
    setError(create.failed(result));
    if (!result.ok) return;
    setLabel('');
    setValue((old) => [...old, result.value].sort((a, b) => a.offset - b.offset));
  };

  const rename = async (bookmark: Bookmark, next: string) => {
    if (next.trim() === bookmark.label) return;
    const result = await update.run({ id: bookmark.id, label: next.trim() });
    if (result.ok) setValue((old) => old.map((b) => (b.id === bookmark.id ? result.value : b)));
    else setError(update.failed(result));
  };

  const remove = async (bookmark: Bookmark) => {
    const result = await del.run({ id: bookmark.id });
    if (!result.ok) return setError(del.failed(result));
    setValue((old) => old.filter((b) => b.id !== bookmark.id));
    recordDeletion(result.value);
  };

  // B bookmarks the reading position from anywhere in the reader; with a selection, keys belong to the highlight toolbar.
  useCommands({ 'bookmarks.add': { when: () => document.getSelection()?.isCollapsed === true, run: () => void add() } });
  const key = useShortcutText('bookmarks.add');

  const bookmarks = list.value ?? [];
  return (
    <section className="panel-section bookmarks-panel" aria-labelledby="bookmarks-title">
      <h2 id="bookmarks-title" className="panel-title">
        Bookmarks <span className="count">{bookmarks.length}</span>
      </h2>
      <form
        className="bookmark-add"
        onSubmit={(event) => {
          event.preventDefault();
          void add();
        }}
      >
        <label className="visually-hidden" htmlFor={labelId}>
          Bookmark label (optional)
        </label>
        <input id={labelId} className="bookmark-label-field" dir="auto" value={label} maxLength={300} placeholder="Label (optional)" onChange={(e) => setLabel(e.target.value)} />
        <button type="submit" className="small-button" title={`Bookmark the place at the top of the page (${key})`}>
          Bookmark here
        </button>
      </form>
      {error && (
        <p className="inline-error" role="alert">
          {error}
        </p>
      )}
      <ul className="bookmark-list">
        {bookmarks.map((b, i) => (
          <li key={b.id} className="bookmark-item">
            <button type="button" className="bookmark-jump" onClick={() => onJump(b.offset)} title="Go to this bookmark">
              <span className="bookmark-icon" aria-hidden="true" /> <span dir="auto">{b.label || `Bookmark ${i + 1}`}</span>
            </button>
            {renaming === b.id ? (
              <input
                className="bookmark-rename"
                aria-label={`Label of ${b.label || `bookmark ${i + 1}`}`}
                dir="auto"
                defaultValue={b.label}
                maxLength={300}
                placeholder="Label"
                autoFocus
                onBlur={(e) => {
                  setRenaming(null);
                  void rename(b, e.target.value);
                }}
                onKeyDown={(e) => {
                  if (e.key === 'Enter' || e.key === 'Escape') {
                    e.preventDefault();
                    if (e.key === 'Escape') e.currentTarget.value = b.label;
                    e.currentTarget.blur();
                  }
                }}
              />
            ) : (
              <button type="button" className="link-button" onClick={() => setRenaming(b.id)}>
                {b.label ? 'Rename' : 'Add label'}
              </button>
            )}
            <button type="button" className="icon-button" aria-label={`Delete ${b.label || `bookmark ${i + 1}`}`} title="Delete" onClick={() => void remove(b)}>
              ×
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
