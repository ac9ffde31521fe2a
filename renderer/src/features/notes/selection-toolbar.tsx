import { useEffect, useRef, type KeyboardEvent as ReactKeyboardEvent } from 'react';
import type { HighlightColor } from '../../../../electron/common/notes/notes-types';
import type { TextSelection } from '../../shared/reader-types';
import { isTypingTarget } from '../../shared/typing-target';
import { COLOR_LABELS, HIGHLIGHT_COLORS, colorKey } from './highlight-colors';
import './selection-toolbar.css';

type Props = {
  selection: TextSelection;
  lastColor: HighlightColor;
  onHighlight: (color: HighlightColor, withNote: boolean) => void;
  onDismiss: () => void;
  /** Offered while a highlight awaiting review is selected: move it to this selection. */
  onReattach?: () => void;
};

const TOOLBAR_HEIGHT = 44;

/**
 * Appears above (or below) a selection in the reader. Shortcuts while text is selected:
 * 1–6 highlight in that colour, H in the last colour used, N highlights and opens its note,
 * T moves focus into the toolbar (then arrows, Enter, Escape).
 */
export function SelectionToolbar({ selection, lastColor, onHighlight, onDismiss, onReattach }: Props) {
  const ref = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.ctrlKey || event.metaKey || event.altKey || isTypingTarget(event.target)) return;
      const key = event.key.toLowerCase();
      const digit = Number(key);
      if (digit >= 1 && digit <= HIGHLIGHT_COLORS.length) onHighlight(HIGHLIGHT_COLORS[digit - 1]!, false);
      else if (key === 'h') onHighlight(lastColor, false);
      else if (key === 'n') onHighlight(lastColor, true);
      else if (key === 't') ref.current?.querySelector<HTMLButtonElement>('button')?.focus();
      else return;
      event.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [lastColor, onHighlight]);

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
  const width = onReattach ? 480 : 340;
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
        <button
          key={color}
          type="button"
          className={`swatch swatch-${color}${color === lastColor ? ' last' : ''}`}
          aria-label={`Highlight ${COLOR_LABELS[color].toLowerCase()} (${colorKey(color)})`}
          title={`${COLOR_LABELS[color]} (${colorKey(color)})`}
          onClick={() => onHighlight(color, false)}
        />
      ))}
      <button type="button" className="toolbar-note" title="Highlight and add a note (N)" onClick={() => onHighlight(lastColor, true)}>
        Note
      </button>
      {onReattach && (
        <button type="button" className="toolbar-note" title="Move the selected highlight to this text" onClick={onReattach}>
          Move highlight here
        </button>
      )}
    </div>
  );
}
