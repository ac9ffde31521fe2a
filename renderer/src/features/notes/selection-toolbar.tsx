import { useRef, type KeyboardEvent as ReactKeyboardEvent, type ReactNode } from 'react';
import type { HighlightColor } from '@common/notes/notes-types';
import { useCommands, useShortcutText } from '../../shared/commands/command-provider';
import type { TextSelection } from '../../shared/reader-types';
import { COLOR_LABELS, HIGHLIGHT_COLORS } from './highlight-colors';
import './selection-toolbar.css';

type Props = {
  selection: TextSelection;
  lastColor: HighlightColor;
  onHighlight: (color: HighlightColor, withNote: boolean) => void;
  onDismiss: () => void;
  /** Offered while a highlight awaiting review is selected: move it to this selection. */
  onReattach?: () => void;
  /** Offered when the reader can cite (the citations feature): cite the selection. */
  onCite?: () => void;
  /** Buttons another feature adds (Code…), at the end. */
  extra?: ReactNode;
};

const TOOLBAR_HEIGHT = 44;

/** One swatch: its shortcut as the registry declares it. */
function Swatch({ color, last, onClick }: { color: HighlightColor; last: boolean; onClick: () => void }) {
  const key = useShortcutText(`notes.highlight.${color}`);
  return (
    <button
      type="button"
      className={`swatch swatch-${color}${last ? ' last' : ''}`}
      aria-label={`Highlight ${COLOR_LABELS[color].toLowerCase()} (${key})`}
      title={`${COLOR_LABELS[color]} (${key})`}
      onClick={onClick}
    />
  );
}

/**
 * Appears above (or below) a selection in the reader. Shortcuts while text is selected
 * (notes-commands.ts): 1–6 highlight in that colour, H in the last colour used, N highlights
 * and opens its note, T moves focus into the toolbar (then arrows, Enter, Escape: local keys).
 */
export function SelectionToolbar({ selection, lastColor, onHighlight, onDismiss, onReattach, onCite, extra }: Props) {
  const ref = useRef<HTMLDivElement>(null);
  const noteKey = useShortcutText('notes.highlight.note');

  useCommands({
    ...Object.fromEntries(HIGHLIGHT_COLORS.map((color) => [`notes.highlight.${color}`, { run: () => onHighlight(color, false) }])),
    'notes.highlight.last': { run: () => onHighlight(lastColor, false) },
    'notes.highlight.note': { run: () => onHighlight(lastColor, true) },
    'notes.toolbar': { run: () => ref.current?.querySelector<HTMLButtonElement>('button')?.focus() },
  });

  const onToolbarKey = (event: ReactKeyboardEvent<HTMLDivElement>) => {
    const buttons = Array.from(ref.current?.querySelectorAll<HTMLButtonElement>('button') ?? []);
    const index = buttons.indexOf(document.activeElement as HTMLButtonElement);
    if (event.key === 'Escape') {
      event.preventDefault(); // handled: the reader must not close
      onDismiss();
      return;
    }
    const step = { ArrowRight: 1, ArrowLeft: -1, ArrowDown: 1, ArrowUp: -1 }[event.key];
    if (step === undefined) return;
    event.preventDefault();
    buttons[(index + step + buttons.length) % buttons.length]?.focus();
  };

  const above = selection.rect.top > TOOLBAR_HEIGHT + 72;
  // Kept inside the window even when the selection runs past its edges.
  const top = Math.max(8, Math.min(window.innerHeight - TOOLBAR_HEIGHT - 8, above ? selection.rect.top - TOOLBAR_HEIGHT - 8 : selection.rect.bottom + 8));
  const width = (onReattach ? 480 : 340) + (onCite ? 64 : 0) + (extra ? 72 : 0);
  const left = Math.max(8, Math.min(window.innerWidth - width, (selection.rect.left + selection.rect.right) / 2 - width / 2));

  return (
    <div
      ref={ref}
      className="selection-toolbar"
      role="toolbar"
      aria-label="Highlight the selection"
      style={{ top, left }}
      onKeyDown={onToolbarKey}
      // Keep the text selected while the pointer presses a button.
      onMouseDown={(event) => event.preventDefault()}
    >
      {HIGHLIGHT_COLORS.map((color) => (
        <Swatch key={color} color={color} last={color === lastColor} onClick={() => onHighlight(color, false)} />
      ))}
      <button type="button" className="toolbar-note" title={`Highlight and add a note (${noteKey})`} onClick={() => onHighlight(lastColor, true)}>
        Note
      </button>
      {onCite && (
        <button type="button" className="toolbar-note" title="Cite the selection (copy it with its citation)" onClick={onCite}>
          Cite
        </button>
      )}
      {onReattach && (
        <button type="button" className="toolbar-note" title="Move the selected highlight to this text" onClick={onReattach}>
          Move highlight here
        </button>
      )}
      {extra}
    </div>
  );
}
