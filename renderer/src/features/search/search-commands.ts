import type { CommandDeclaration } from '../../shared/commands/command-types';

export const SEARCH_COMMANDS: readonly CommandDeclaration[] = [
  // Ctrl+K even from a field; "/" types a slash there.
  // Ctrl+F too, where nothing more specific claims it (the reader finds in its document).
  { id: 'search.focus', label: 'Search the corpus', scope: 'app', shortcuts: ['CmdOrCtrl+K', '/', 'CmdOrCtrl+F'] },
  // Reading the results one by one: the list stays beside the document.
  { id: 'search.next-result', label: 'Next search result', scope: 'reader', shortcuts: ['Alt+Down'], focus: 'outside-fields' },
  { id: 'search.previous-result', label: 'Previous search result', scope: 'reader', shortcuts: ['Alt+Up'], focus: 'outside-fields' },
];
