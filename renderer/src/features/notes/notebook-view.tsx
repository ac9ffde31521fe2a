import { useEffect, useId, useMemo, useRef, useState, type ReactNode } from 'react';
import type { Result } from '@common/result';
import type { NotebookEntry, NotebookQuery } from '@common/notes/notebook-types';
import type { HighlightColor, UserItemKind } from '@common/notes/notes-types';
import { useApiMutation } from '../../shared/data/use-api-mutation';
import { useApiQuery } from '../../shared/data/use-api-query';
import { ErrorPanel } from '../../shared/error-panel';
import { useUndo } from '../../shared/undo/undo-context';
import { AnchorReviewList } from './anchor-review-list';
import { COLOR_LABELS, HIGHLIGHT_COLORS } from './highlight-colors';
import { NotebookEntryView, type NotebookJump } from './notebook-entry';
import { displayTitle } from '../../shared/display-title';
import './notes-panel.css';
import './notebook.css';

export type NotebookFilters = { text: string; colors: HighlightColor[]; tag: string; documentId: string; kind: UserItemKind | '' };

export const NO_FILTERS: NotebookFilters = { text: '', colors: [], tag: '', documentId: '', kind: '' };

type Props = {
  onOpen: (jump: NotebookJump) => void;
  /** The filters as last left: the app keeps them in its view state, so coming back from an entry finds the notebook as it was. */
  filters: NotebookFilters;
  onFiltersChange: (filters: NotebookFilters) => void;
  /** What the app adds under the filters (export and import), given the query the notebook shows. */
  tools?: (query: NotebookQuery) => ReactNode;
};

const TEXT_DELAY_MS = 200;
const KINDS: { value: UserItemKind | ''; label: string }[] = [
  { value: '', label: 'Everything' },
  { value: 'highlight', label: 'Highlights' },
  { value: 'note', label: 'Document notes' },
  { value: 'bookmark', label: 'Bookmarks' },
];

/** What a delete from the notebook makes stale, beside the notebook itself. */
const AFTER_DELETE = ['queryNotebook', 'listNotedDocuments', 'listTags', 'listAnchorReviews'] as const;

function entryKey(entry: NotebookEntry): string {
  return entry.kind === 'highlight' ? entry.highlight.id : entry.kind === 'note' ? entry.note.id : entry.bookmark.id;
}

/** Every highlight, note and bookmark of the corpus, grouped by document, filtered and searched. */
export function NotebookView({ onOpen, filters, onFiltersChange, tools }: Props) {
  const [text, setText] = useState(filters.text);
  const [debounced, setDebounced] = useState(filters.text.trim());
  const [colors, setColors] = useState<HighlightColor[]>(filters.colors);
  const [tag, setTag] = useState(filters.tag);
  const [documentId, setDocumentId] = useState(filters.documentId);
  const [kind, setKind] = useState<UserItemKind | ''>(filters.kind);
  // Only documents with notes: a corpus may hold 100k+ documents, most without any.
  const documents = useApiQuery('listNotedDocuments', undefined);
  const tags = useApiQuery('listTags', { limit: 200 });
  const { recordDeletion } = useUndo();
  // A failed delete is said in the toast area: the entry it was asked from stays where it was.
  const deleteHighlight = useApiMutation('deleteHighlight', { failure: 'The highlight was not deleted', invalidates: [...AFTER_DELETE, 'listHighlights'] });
  const deleteNote = useApiMutation('deleteDocumentNote', { failure: 'The note was not deleted', invalidates: [...AFTER_DELETE, 'listDocumentNotes'] });
  const deleteBookmark = useApiMutation('deleteBookmark', { failure: 'The bookmark was not deleted', invalidates: [...AFTER_DELETE, 'listBookmarks'] });
  const ids = { search: useId(), tag: useId(), doc: useId(), kind: useId() };

  useEffect(() => {
    onFiltersChange({ text, colors, tag, documentId, kind });
  }, [text, colors, tag, documentId, kind, onFiltersChange]);

  useEffect(() => {
    const timer = window.setTimeout(() => setDebounced(text.trim()), TEXT_DELAY_MS);
    return () => window.clearTimeout(timer);
  }, [text]);

  const query = useMemo<NotebookQuery>(
    () => ({
      ...(debounced && { text: debounced }),
      ...(colors.length > 0 && { colors }),
      ...(tag && { tags: [tag] }),
      ...(documentId && { documentIds: [documentId] }),
      ...(kind && { kinds: [kind] }),
    }),
    [debounced, colors, tag, documentId, kind],
  );
  // The last answer stays in view while the answer to changed filters is on its way.
  const result = useApiQuery('queryNotebook', query, { keepPrevious: true });
  const filtered = Object.keys(query).length > 0;

  // After a delete, focus goes to the entry that took its place (the next, else the one before), or the title.
  const focusAfterDelete = useRef<{ gone: string; next: string | null } | null>(null);
  const titleRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    const pending = focusAfterDelete.current;
    if (!pending || !result.value) return;
    if (result.value.groups.some((g) => g.entries.some((e) => entryKey(e) === pending.gone))) return; // the answer without it is still on its way
    focusAfterDelete.current = null;
    const entry = pending.next ? document.querySelector(`[data-entry-key="${CSS.escape(pending.next)}"]`) : null;
    const target = entry?.querySelector<HTMLButtonElement>('.entry-open:not(:disabled), .icon-button');
    if (target) target.focus();
    else titleRef.current?.focus();
  }, [result.value]);

  const remove = async (entry: NotebookEntry) => {
    const keys = result.value?.groups.flatMap((g) => g.entries.map(entryKey)) ?? [];
    const at = keys.indexOf(entryKey(entry));
    focusAfterDelete.current = { gone: entryKey(entry), next: keys[at + 1] ?? keys[at - 1] ?? null };
    let deleted: Result<Parameters<typeof recordDeletion>[0]>;
    if (entry.kind === 'highlight') deleted = await deleteHighlight.run({ id: entry.highlight.id });
    else if (entry.kind === 'note') deleted = await deleteNote.run({ id: entry.note.id });
    else deleted = await deleteBookmark.run({ id: entry.bookmark.id });
    if (!deleted.ok) {
      focusAfterDelete.current = null; // the entry stays, and so does focus
      return;
    }
    recordDeletion(deleted.value);
  };

  const toggleColor = (color: HighlightColor) => setColors((old) => (old.includes(color) ? old.filter((c) => c !== color) : [...old, color]));

  return (
    <section className="notebook" aria-labelledby="notebook-title" aria-busy={text.trim() !== debounced}>
      <h1 id="notebook-title" className="section-title" tabIndex={-1} ref={titleRef}>
        Notebook {result.value && <span className="count">{result.value.total === 1 ? '1 entry' : `${result.value.total} entries`}</span>}
      </h1>
      <AnchorReviewList onOpen={(documentId, highlightId) => onOpen({ documentId, highlightId })} />
      <div className="notebook-filters" role="search" aria-label="Search the notebook">
        <label className="visually-hidden" htmlFor={ids.search}>
          Search the notebook
        </label>
        <input id={ids.search} type="search" className="notebook-search" dir="auto" placeholder="Search highlights, notes, tags, bookmarks" value={text} onChange={(e) => setText(e.target.value)} />
        <div className="filter-row">
          <div className="color-filter" role="group" aria-label="Colours">
            {HIGHLIGHT_COLORS.map((color) => (
              <button
                key={color}
                type="button"
                className={`swatch swatch-${color}`}
                aria-pressed={colors.includes(color)}
                aria-label={`Only ${COLOR_LABELS[color].toLowerCase()}`}
                title={COLOR_LABELS[color]}
                onClick={() => toggleColor(color)}
              />
            ))}
          </div>
          <span className="filter-field">
            <label className="filter-label" htmlFor={ids.tag}>
              Tag
            </label>
            <select id={ids.tag} value={tag} onChange={(e) => setTag(e.target.value)}>
              <option value="">Any tag</option>
              {tags.value?.map((t) => (
                <option key={t.name} value={t.name}>
                  {t.name} ({t.count})
                </option>
              ))}
            </select>
          </span>
          <span className="filter-field">
            <label className="filter-label" htmlFor={ids.doc}>
              Document
            </label>
            <select id={ids.doc} className="document-filter" value={documentId} onChange={(e) => setDocumentId(e.target.value)}>
              <option value="">All documents</option>
              {documents.value?.map((d) => (
                <option key={d.id} value={d.id}>
                  {d.available ? displayTitle(d.title) : `${d.id} (no longer in this corpus)`}
                </option>
              ))}
            </select>
          </span>
          <span className="filter-field">
            <label className="filter-label" htmlFor={ids.kind}>
              Show
            </label>
            <select id={ids.kind} value={kind} onChange={(e) => setKind(e.target.value as UserItemKind | '')}>
              {KINDS.map((k) => (
                <option key={k.value} value={k.value}>
                  {k.label}
                </option>
              ))}
            </select>
          </span>
        </div>
      </div>
      {tools?.(query)}
      {result.error && <ErrorPanel title="The notebook could not be searched" error={result.error} />}
      {tags.error && <p className="status">The tags could not be listed: {tags.error.message}</p>}
      {documents.error && <p className="status">The documents with notes could not be listed: {documents.error.message}</p>}
      {result.value && result.value.total === 0 && (
        <p className="status">{filtered ? 'Nothing matches these filters.' : 'Nothing yet: highlight a passage, write a note or bookmark a place in the reader.'}</p>
      )}
      {result.value?.groups.map((group) => (
        <section key={group.documentId} className="notebook-group" aria-label={group.documentTitle || 'Missing document'}>
          {/* The title in its own direction, isolated: an Arabic one must not pull the count into it. */}
          <h2 className="notebook-group-title">
            <bdi>{group.documentTitle || 'A document no longer in the corpus'}</bdi> <span className="count">{group.entries.length}</span>
          </h2>
          <ol className="notebook-entries">
            {group.entries.map((entry) => (
              <NotebookEntryView key={entryKey(entry)} entryKey={entryKey(entry)} entry={entry} documentId={group.documentId} available={group.documentAvailable} onOpen={onOpen} onDelete={(e) => void remove(e)} />
            ))}
          </ol>
        </section>
      ))}
    </section>
  );
}
