import type { KeyPress, Shortcut } from './shortcut';

/**
 * Where a command belongs, from the most general to the most specific. A key claimed in several
 * scopes goes to the most specific one whose command applies (Escape: stop keyboard selection,
 * else close the find bar, else back to the library); the overlay groups shortcuts by scope.
 */
export const SCOPES = [
  { id: 'app', label: 'Anywhere' },
  { id: 'reader', label: 'Reading a document' },
  { id: 'find', label: 'Hits in the document' },
  { id: 'selection', label: 'Text selected' },
  { id: 'caret', label: 'Selecting with the keyboard (F7)' },
] as const;

export type ScopeId = (typeof SCOPES)[number]['id'];

/**
 * Where focus may be for a command's keys to count. Keys that type or edit text (letters,
 * digits, arrows…) never count in a text field; Enter and Space never count on a control,
 * which acts on them itself. A command may ask for more than its keys imply.
 *   anywhere          even in a text field (Ctrl+K, Esc)
 *   outside-fields    not in a text field (Ctrl+Z: the field has its own undo)
 *   outside-controls  neither in a text field nor on a button, link or option
 */
export type FocusRule = 'anywhere' | 'outside-fields' | 'outside-controls';

/** A command as data: what it is called, its keys, where it applies. What it does is bound at run time. */
export type CommandDeclaration = {
  /** Unique, e.g. 'reader.back'; the menu's commands keep their AppCommand names. */
  id: string;
  label: string;
  scope: ScopeId;
  /** Electron accelerators ('CmdOrCtrl+K', '/', 'Shift+Enter'); the first is the one shown in hints. */
  shortcuts?: readonly string[];
  focus?: FocusRule;
  /** Offered in the command palette (default true); keys that only make sense as keys say false. */
  palette?: boolean;
  /** The shell's menu owns the keys (its accelerators) and sends the command; the window never takes them. */
  menu?: boolean;
};

/** How a command was asked for. The key press is given for commands that read its modifiers. */
export type Invocation = { source: 'key'; event: KeyPress; shortcut: Shortcut } | { source: 'palette' } | { source: 'menu' };

/** What a feature binds to a declared command while it is on screen. */
export type CommandBinding = {
  /** False while the command does not apply (no hits, nothing selected…); asked at each key press. */
  when?: () => boolean;
  run: (invocation: Invocation) => void;
};

/** Where focus is, as the focus rules see it. */
export type FocusTarget = { inField: boolean; onControl: boolean };
