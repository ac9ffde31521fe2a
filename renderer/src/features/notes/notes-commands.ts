import type { CommandDeclaration } from '../../shared/commands/command-types';
import { COLOR_LABELS, HIGHLIGHT_COLORS } from './highlight-colors';

/** The selection toolbar's keys: 1–6 a colour, H the last one, N with a note, T into the toolbar. */
export const NOTES_COMMANDS: readonly CommandDeclaration[] = [
  ...HIGHLIGHT_COLORS.map(
    (color, i): CommandDeclaration => ({ id: `notes.highlight.${color}`, label: `Highlight ${COLOR_LABELS[color].toLowerCase()}`, scope: 'selection', shortcuts: [String(i + 1)] }),
  ),
  { id: 'notes.highlight.last', label: 'Highlight in the last colour used', scope: 'selection', shortcuts: ['H'] },
  { id: 'notes.highlight.note', label: 'Highlight and add a note', scope: 'selection', shortcuts: ['N'] },
  { id: 'notes.toolbar', label: 'Go to the highlight toolbar', scope: 'selection', shortcuts: ['T'] },
];
