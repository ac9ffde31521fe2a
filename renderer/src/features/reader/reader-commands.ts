import type { CommandDeclaration } from '../../shared/commands/command-types';

const CARET_KEYS = ['Left', 'Right', 'Up', 'Down', 'Home', 'End'];

/** Escape is claimed three times: stop keyboard selection, else close the hits, else back (by scope). */
export const READER_COMMANDS: readonly CommandDeclaration[] = [
  { id: 'reader.back', label: 'Back to the library', scope: 'reader', shortcuts: ['Esc', 'Alt+Left'] },
  { id: 'reader.find', label: 'Find in this document', scope: 'reader', shortcuts: ['CmdOrCtrl+F'] },
  { id: 'reader.go-to-page', label: 'Go to page', scope: 'reader', shortcuts: ['CmdOrCtrl+G'] },
  { id: 'reader.show-original', label: 'Show the original page (PDF)', scope: 'reader', shortcuts: ['O'] },
  { id: 'reader.next-paragraph', label: 'Next paragraph', scope: 'reader', shortcuts: ['J'] },
  { id: 'reader.previous-paragraph', label: 'Previous paragraph', scope: 'reader', shortcuts: ['K'] },
  { id: 'reader.next-document', label: 'Next document', scope: 'reader', shortcuts: ['N'] },
  { id: 'reader.previous-document', label: 'Previous document', scope: 'reader', shortcuts: ['P'] },
  { id: 'reader.contents', label: 'Go to the contents', scope: 'reader', shortcuts: ['Alt+C'] },
  { id: 'reader.print', label: 'Save as PDF, with highlights and notes beside the text', scope: 'reader', shortcuts: ['CmdOrCtrl+P'] },
  { id: 'reader.keyboard-selection', label: 'Select text with the keyboard (start or stop)', scope: 'reader', shortcuts: ['F7'], focus: 'outside-fields' },
  { id: 'reader.find.next', label: 'Next hit', scope: 'find', shortcuts: ['Enter'] },
  { id: 'reader.find.previous', label: 'Previous hit', scope: 'find', shortcuts: ['Shift+Enter'] },
  // On a control (a toolbar, the find bar's buttons) Escape is the control's.
  { id: 'reader.find.close', label: 'Close find', scope: 'find', shortcuts: ['Esc'], focus: 'outside-controls' },
  { id: 'reader.caret.stop', label: 'Stop selecting with the keyboard', scope: 'caret', shortcuts: ['Esc'], focus: 'outside-fields' },
  { id: 'reader.caret.move', label: 'Move the caret', scope: 'caret', shortcuts: CARET_KEYS, focus: 'outside-fields', palette: false },
  { id: 'reader.caret.move-word', label: 'Move by word', scope: 'caret', shortcuts: CARET_KEYS.map((k) => `Ctrl+${k}`), focus: 'outside-fields', palette: false },
  { id: 'reader.caret.extend', label: 'Extend the selection', scope: 'caret', shortcuts: CARET_KEYS.map((k) => `Shift+${k}`), focus: 'outside-fields', palette: false },
  {
    id: 'reader.caret.extend-word',
    label: 'Extend the selection by word',
    scope: 'caret',
    shortcuts: CARET_KEYS.map((k) => `Ctrl+Shift+${k}`),
    focus: 'outside-fields',
    palette: false,
  },
];
