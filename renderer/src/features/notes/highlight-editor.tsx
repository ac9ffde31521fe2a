import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import type { Highlight, HighlightColor } from '@common/notes/notes-types';
import { callApi } from '../../shared/data/call-api';
import { useApiMutation } from '../../shared/data/use-api-mutation';
import { COLOR_LABELS, HIGHLIGHT_COLORS } from './highlight-colors';
import { NoteEditor } from './note-editor';
import { TagInput } from './tag-input';

type Props = {
  highlight: Highlight;
  /** Where focus goes as it opens: the note field (right after "highlight and add a note"), the editor itself (right after highlighting), or nowhere. */
  focus: 'note' | 'editor' | null;
  onUpdated: (highlight: Highlight) => void;
  onDelete: (highlight: Highlight) => void;
  onJump: (highlight: Highlight) => void;
  onClose: () => void;
  /** Offered when the reader can cite (the citations feature): cite this highlight. */
  onCite?: (highlight: Highlight) => void;
  /** What another feature adds for this highlight (its codes), below the tags. */
  extra?: ReactNode;
};

const ANCHOR_LABELS = {
  exact: '',
  moved: 'The document changed; this highlight was found at a new place.',
  fuzzy: 'The document changed; this is the closest match. Accept it in the notebook’s review list, or select the right text and choose “Move highlight here”.',
  orphaned: 'The document changed and this passage was not found. The note is kept. Select the right text and choose “Move highlight here” to place it again.',
} as const;

const shortQuote = (quote: string) => {
  const line = quote.replace(/\s+/gu, ' ').trim();
  return line.length > 40 ? `${[...line].slice(0, 39).join('').trimEnd()}…` : line;
};

/** The selected highlight: colour, quote, Markdown note, tags, delete. */
export function HighlightEditor({ highlight, focus, onUpdated, onDelete, onJump, onClose, onCite, extra }: Props) {
  const { id } = highlight;
  const saveNote = useCallback(
    async (note: string) => {
      // The editor says a failed save itself (use-autosave.ts), with its retries.
      const result = await callApi('updateHighlight', { id, note });
      if (result.ok) onUpdated(result.value);
      return result;
    },
    [id, onUpdated],
  );
  const [error, setError] = useState<string | null>(null);
  const sectionRef = useRef<HTMLElement>(null);
  // A new highlight: focus comes here, where its colour, note and tags are, not back to the page.
  useEffect(() => {
    if (focus === 'editor') sectionRef.current?.focus({ preventScroll: true });
  }, [focus]);
  const invalidates = ['queryNotebook', 'listTags'] as const;
  const recolour = useApiMutation('updateHighlight', { report: 'inline', failure: 'The colour was not changed', invalidates });
  const retag = useApiMutation('updateHighlight', { report: 'inline', failure: 'The tags were not saved', invalidates });
  const update = async (change: { color?: HighlightColor; tags?: string[] }) => {
    const mutation = change.color ? recolour : retag;
    const result = await mutation.run({ id, ...change });
    if (result.ok) onUpdated(result.value);
    setError(mutation.failed(result));
  };

  return (
    <section className="highlight-editor card" aria-label="Selected highlight" tabIndex={-1} ref={sectionRef}>
      <div className="card-head">
        <h2 className="card-title">Highlight</h2>
        <button type="button" className="link-button" onClick={onClose} aria-label="Close the highlight">
          Close
        </button>
      </div>
      <blockquote className={`quote quote-${highlight.color}`} dir="auto">
        <button type="button" className="quote-jump" onClick={() => onJump(highlight)} title="Show it in the text">
          {highlight.quote.exact}
        </button>
      </blockquote>
      {ANCHOR_LABELS[highlight.anchor.status] && <p className="anchor-note">{ANCHOR_LABELS[highlight.anchor.status]}</p>}
      <div className="color-choice" role="radiogroup" aria-label="Colour">
        {HIGHLIGHT_COLORS.map((color) => (
          <button
            key={color}
            type="button"
            role="radio"
            aria-checked={highlight.color === color}
            aria-label={COLOR_LABELS[color]}
            title={COLOR_LABELS[color]}
            className={`swatch swatch-${color}`}
            onClick={() => void update({ color })}
          />
        ))}
      </div>
      {/* Keyed by highlight: each highlight gets its own editor and autosave. */}
      <NoteEditor
        key={id}
        saveKey={`highlight-note:${id}`}
        what={`The note on the highlight “${shortQuote(highlight.quote.exact)}”`}
        initial={highlight.note}
        save={saveNote}
        label="Note"
        autoFocus={focus === 'note'}
      />
      <TagInput tags={highlight.tags} onChange={(tags) => void update({ tags })} />
      {extra}
      {error && (
        <p className="inline-error" role="alert">
          {error}
        </p>
      )}
      <div className="card-actions">
        {onCite && (
          <button type="button" className="small-button" onClick={() => onCite(highlight)}>
            Cite…
          </button>
        )}
        <button type="button" className="danger-button" onClick={() => onDelete(highlight)}>
          Delete highlight
        </button>
      </div>
    </section>
  );
}
