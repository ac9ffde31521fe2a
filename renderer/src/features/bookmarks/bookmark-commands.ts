import type { CommandDeclaration } from '../../shared/commands/command-types';

export const BOOKMARK_COMMANDS: readonly CommandDeclaration[] = [
  { id: 'bookmarks.add', label: 'Bookmark the place at the top of the page', scope: 'reader', shortcuts: ['B'] },
];
