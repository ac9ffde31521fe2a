import { ANALYSIS_COMMANDS } from '../features/analysis/analysis-commands';
import { CODING_COMMANDS } from '../features/coding/coding-commands';
import { BOOKMARK_COMMANDS } from '../features/bookmarks/bookmark-commands';
import { NOTES_COMMANDS } from '../features/notes/notes-commands';
import { READER_COMMANDS } from '../features/reader/reader-commands';
import { SEARCH_COMMANDS } from '../features/search/search-commands';
import type { CommandDeclaration } from '../shared/commands/command-types';
import { MENU_COMMANDS } from '../shared/commands/menu-commands';
import { PALETTE_COMMANDS } from '../shared/commands/palette-commands';
import { UNDO_COMMANDS } from '../shared/undo/undo-commands';

/** Every command of the window, declared by the features; the registry checks them together. */
export const COMMANDS: readonly CommandDeclaration[] = [
  ...PALETTE_COMMANDS,
  ...SEARCH_COMMANDS,
  ...UNDO_COMMANDS,
  ...MENU_COMMANDS,
  ...READER_COMMANDS,
  ...BOOKMARK_COMMANDS,
  ...NOTES_COMMANDS,
  ...ANALYSIS_COMMANDS,
  ...CODING_COMMANDS,
];
