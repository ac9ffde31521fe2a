import type { CommandDeclaration } from '../commands/command-types';

export const UNDO_COMMANDS: readonly CommandDeclaration[] = [
  // In a text field Ctrl+Z is the field's own undo.
  { id: 'undo.delete', label: 'Undo the last delete', scope: 'app', shortcuts: ['CmdOrCtrl+Z'], focus: 'outside-fields' },
];
