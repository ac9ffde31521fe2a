import type { CommandDeclaration } from './command-types';

/** The palette and the shortcut overlay are commands too; the command provider binds them. */
export const PALETTE_COMMANDS: readonly CommandDeclaration[] = [
  { id: 'commands.palette', label: 'Show the commands that apply here', scope: 'app', shortcuts: ['CmdOrCtrl+Shift+P'], palette: false },
  { id: 'commands.shortcuts', label: 'Keyboard shortcuts', scope: 'app', shortcuts: ['?', 'F1'] },
];
