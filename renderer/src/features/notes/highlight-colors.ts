import { HIGHLIGHT_COLORS, type Highlight, type HighlightColor } from '@common/notes/notes-types';
import type { Decoration, MarginLabel } from '../../shared/decorations';
import './highlights.css';

export { HIGHLIGHT_COLORS };

export const COLOR_LABELS: Record<HighlightColor, string> = {
  yellow: 'Yellow',
  green: 'Green',
  blue: 'Blue',
  pink: 'Pink',
  purple: 'Purple',
  orange: 'Orange',
};

const PREFIX = 'highlight:';

export function highlightClassName(color: HighlightColor): string {
  return `highlight highlight-${color}`;
}

/** Decorations for the reader: placed highlights only (orphaned ones have no place to draw). */
export function highlightDecorations(highlights: readonly Highlight[], selectedId: string | null, labelsOf?: (highlightId: string) => readonly MarginLabel[]): Decoration[] {
  const out: Decoration[] = [];
  for (const h of highlights) {
    if (h.anchor.status === 'orphaned') continue;
    const classes = [highlightClassName(h.color)];
    if (h.note.trim()) classes.push('has-note');
    if (h.id === selectedId) classes.push('selected');
    if (h.needsReview) classes.push('needs-review');
    const note = h.note.trim();
    const margin = labelsOf?.(h.id) ?? [];
    out.push({ id: `${PREFIX}${h.id}`, start: h.anchor.start, end: h.anchor.end, className: classes.join(' '), ...(note ? { note } : {}), ...(margin.length > 0 ? { margin } : {}) });
  }
  return out;
}

/** The highlight id behind a decoration id, or null for other decorations (search hits, flashes). */
export function highlightIdOf(decorationId: string): string | null {
  return decorationId.startsWith(PREFIX) ? decorationId.slice(PREFIX.length) : null;
}
