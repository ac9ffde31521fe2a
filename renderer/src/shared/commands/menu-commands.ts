import { APP_COMMANDS, APP_COMMAND_ITEMS, plainMenuLabel } from '@common/ipc/app-commands';
import type { CommandDeclaration } from './command-types';

/**
 * The shell menu's commands as the window's registry sees them, taken from their one
 * declaration in common: same label, the accelerator as shortcut. The menu owns the keys;
 * the window runs them when the menu sends them, or from the palette.
 */
export const MENU_COMMANDS: readonly CommandDeclaration[] = APP_COMMANDS.map((id): CommandDeclaration => {
  const { label, accelerator, windowKeys, windowCommand } = APP_COMMAND_ITEMS[id];
  // Done by a window command: its keys are that command's, and the palette offers that one.
  if (windowCommand) return { id, label: plainMenuLabel(label), scope: 'app', shortcuts: [], menu: false, palette: false };
  // Keys left to the window work from any field too (Ctrl+= while typing a note still enlarges the text).
  if (windowKeys) return { id, label: plainMenuLabel(label), scope: 'app', shortcuts: windowKeys, focus: 'anywhere', menu: false };
  return { id, label: plainMenuLabel(label), scope: 'app', shortcuts: accelerator ? [accelerator] : [], menu: true };
});
