import { useCallback, useMemo, useRef, useState, type ReactNode } from 'react';
import type { Highlight, HighlightColor } from '@common/notes/notes-types';
import { useApiMutation } from '../../shared/data/use-api-mutation';
import { useApiQuery } from '../../shared/data/use-api-query';
import { useWholeDocument } from '../../shared/data/use-document';
import type { Decoration, MarginLabel } from '../../shared/decorations';
import type { CiteTarget, ScrollTarget, TextSelection } from '../../shared/reader-types';
import { useUndo } from '../../shared/undo/undo-context';
import { pageAtOffset } from '../../shared/page-at-offset';
import { DocumentNotesPanel } from './document-notes-panel';
import { highlightDecorations, highlightIdOf } from './highlight-colors';
import { HighlightEditor } from './highlight-editor';
import { HighlightList } from './highlight-list';
import { SelectionToolbar } from './selection-toolbar';
import './notes-panel.css';

const NO_HIGHLIGHTS: readonly Highlight[] = [];

/** What other features add to the reader's highlights, composed by the app (the coding feature: codes). */
export type ReaderNotesExtensions = {
  /** Labels of a highlight: in the margin beside it and on its entry in the list. */
  labelsOf?: (highlightId: string) => readonly MarginLabel[];
  /** Added to the selected highlight's editor. */
  highlightExtra?: (highlight: Highlight) => ReactNode;
  /** Added to the selection toolbar; `done` clears the selection. */
  selectionExtra?: (selection: TextSelection, done: () => void) => ReactNode;
};

export type ReaderNotes = {
  decorations: readonly Decoration[];
  onSelectionChange: (selection: TextSelection | null) => void;
  onDecorationClick: (ids: string[]) => void;
  /** The selection toolbar, when text is selected. */
  toolbar: ReactNode;
  /** Highlights and document notes for the reader's side panel. */
  panel: ReactNode;
  /** Bumped each time the user selects or creates a highlight: the panel has something to show (0 before). */
  revealed: number;
  error: string | null;
};

/**
 * Everything the notes feature adds to the reader of one document. The app passes the parts
 * to the reader; `onJump` asks the reader to scroll.
 */
export function useReaderNotes(
  documentId: string,
  onJump: (target: Omit<ScrollTarget, 'key'>) => void,
  /** What the reader was opened for: a highlight to select, a document note to show. */
  opened?: { highlightId?: string; noteId?: string },
  /** Given by the app when citations are on: "Cite" on the selection toolbar and on a highlight. */
  onCite?: (target: CiteTarget) => void,
  extensions: ReaderNotesExtensions = {},
): ReaderNotes {
  const { labelsOf, highlightExtra, selectionExtra } = extensions;
  const list = useApiQuery('listHighlights', { documentId });
  // The reader's own query (the same key): the pages of a PDF document, for "p. 12" beside each highlight.
  const whole = useWholeDocument(documentId);
  const doc = whole.status === 'ready' ? whole.value : undefined;
  const pageOf = useCallback((offset: number) => (doc ? pageAtOffset(doc.paragraphs, offset) : undefined), [doc]);
  const notebook = ['queryNotebook', 'listNotedDocuments', 'listTags'] as const;
  const create = useApiMutation('createHighlight', { report: 'inline', failure: 'The highlight was not saved', invalidates: notebook });
  const move = useApiMutation('resolveAnchorReview', {
    report: 'inline',
    failure: 'The highlight was not moved',
    invalidates: ['listHighlights', 'listAnchorReviews', 'queryNotebook'],
  });
  const del = useApiMutation('deleteHighlight', { report: 'inline', failure: 'The highlight was not deleted', invalidates: notebook });
  const highlights = list.value ?? NO_HIGHLIGHTS;
  const [selection, setSelection] = useState<TextSelection | null>(null);
  const [selected, setSelected] = useState<{ id: string; focus: 'note' | 'editor' | null; seq: number } | null>(
    opened?.highlightId ? { id: opened.highlightId, focus: null, seq: 0 } : null,
  );
  const seq = useRef(0);
  const listTitleRef = useRef<HTMLHeadingElement>(null);
  const select = useCallback((id: string, focus: 'note' | 'editor' | null) => setSelected({ id, focus, seq: ++seq.current }), []);
  const [lastColor, setLastColor] = useState<HighlightColor>('yellow');
  const [error, setError] = useState<string | null>(null);
  const { recordDeletion } = useUndo();
  const { setValue, refetch } = list;
  const loaded = list.value !== undefined;

  const createHighlight = useCallback(
    async (color: HighlightColor, withNote: boolean) => {
      if (!selection) return;
      const { start, end } = selection;
      setSelection(null);
      document.getSelection()?.removeAllRanges();
      setLastColor(color);
      const result = await create.run({ documentId, start, end, color });
      setError(create.failed(result));
      if (!result.ok) return;
      if (loaded) setValue((old) => [...old, result.value]);
      else void refetch(); // the list is still loading: fetch it again, with the new one
      select(result.value.id, withNote ? 'note' : 'editor');
    },
    [documentId, selection, setValue, loaded, create, refetch, select],
  );

  const reattach = useCallback(
    async (highlightId: string) => {
      if (!selection) return;
      const { start, end } = selection;
      setSelection(null);
      document.getSelection()?.removeAllRanges();
      const result = await move.run({ highlightId, action: 'reattach', start, end });
      setError(move.failed(result));
    },
    [selection, move],
  );

  const onUpdated = useCallback((h: Highlight) => setValue((old) => old.map((x) => (x.id === h.id ? h : x))), [setValue]);

  const remove = useCallback(
    async (h: Highlight) => {
      const result = await del.run({ id: h.id });
      if (!result.ok) {
        setError(del.failed(result));
        return;
      }
      setSelected(null);
      setValue((old) => old.filter((x) => x.id !== h.id));
      recordDeletion(result.value);
      // Its editor (and the button pressed) is gone: focus goes to the list of highlights, not the page.
      listTitleRef.current?.focus({ preventScroll: true });
    },
    [recordDeletion, setValue, del],
  );

  const jumpTo = useCallback(
    (h: Highlight) => {
      if (h.anchor.status !== 'orphaned') onJump({ offset: h.anchor.start, end: h.anchor.end, align: 'center' });
    },
    [onJump],
  );

  const onDecorationClick = useCallback(
    (ids: string[]) => {
      const id = ids.map(highlightIdOf).find((x) => x !== null);
      if (id) select(id, null);
    },
    [select],
  );

  const current = selected ? highlights.find((h) => h.id === selected.id) : undefined;
  const decorations = useMemo(() => highlightDecorations(highlights, current?.id ?? null, labelsOf), [highlights, current?.id, labelsOf]);

  const panel = (
    <div className="notes-panel">
      {error && (
        <p className="inline-error" role="alert">
          {error}
        </p>
      )}
      {current && (
        <HighlightEditor
          key={current.id}
          highlight={current}
          focus={selected?.focus ?? null}
          onUpdated={onUpdated}
          onDelete={(h) => void remove(h)}
          onJump={jumpTo}
          onClose={() => setSelected(null)}
          onCite={onCite && ((h) => onCite({ highlightId: h.id }))}
          extra={highlightExtra?.(current)}
        />
      )}
      <section className="panel-section" aria-labelledby="highlights-title">
        <h2 id="highlights-title" className="panel-title" tabIndex={-1} ref={listTitleRef}>
          Highlights <span className="count">{highlights.length}</span>
        </h2>
        {highlights.length === 0 ? (
          <p className="panel-hint">Select text (with the keyboard: F7), then pick a colour or press 1–6 (H repeats the last colour, N adds a note).</p>
        ) : (
          <HighlightList
            highlights={highlights}
            pageOf={pageOf}
            labelsOf={labelsOf}
            selectedId={current?.id ?? null}
            onSelect={(h) => {
              select(h.id, null);
              jumpTo(h);
            }}
          />
        )}
      </section>
      <DocumentNotesPanel key={documentId} documentId={documentId} focusNoteId={opened?.noteId} />
    </div>
  );

  const toolbar = selection ? (
    <SelectionToolbar
      selection={selection}
      lastColor={lastColor}
      onHighlight={(c, n) => void createHighlight(c, n)}
      onDismiss={() => setSelection(null)}
      onReattach={current?.needsReview ? () => void reattach(current.id) : undefined}
      extra={selectionExtra?.(selection, () => {
        setSelection(null);
        document.getSelection()?.removeAllRanges();
      })}
      onCite={
        onCite &&
        (() => {
          onCite({ start: selection.start, end: selection.end });
          setSelection(null);
          document.getSelection()?.removeAllRanges();
        })
      }
    />
  ) : null;

  return { decorations, onSelectionChange: setSelection, onDecorationClick, toolbar, panel, error, revealed: selected?.seq ?? 0 };
}
