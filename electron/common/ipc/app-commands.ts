/**
 * Commands the shell's menu sends to the window (main → renderer, one way). The window
 * does the rest through the ordinary API, so a menu item and a button behave the same.
 */
export const APP_COMMANDS = [
  'open-corpus',
  'build-corpus',
  'show-corpora',
  'text-larger',
  'text-smaller',
  'text-reset',
  'theme-system',
  'theme-light',
  'theme-dark',
  'theme-sepia',
  'show-settings',
  'print-document',
  'find-in-document',
  'search-corpus',
  'go-library',
  'go-notebook',
  'go-codebook',
  'next-document',
  'previous-document',
  'next-paragraph',
  'previous-paragraph',
  'show-contents',
  'show-shortcuts',
  'show-guide',
] as const;

export type AppCommand = (typeof APP_COMMANDS)[number];

export const APP_COMMAND_CHANNEL = 'carrel:app-command';

export function isAppCommand(value: unknown): value is AppCommand {
  return typeof value === 'string' && (APP_COMMANDS as readonly string[]).includes(value);
}

/**
 * Each menu command declared once: the menu item takes its label (& marks the access key) and
 * accelerator from here, and the window's command registry shows the same label and keys in
 * its palette and shortcut list. A command with windowKeys leaves its keys to the window (the
 * menu shows the accelerator without taking it), so they work in the browser tests too and a
 * second key (Ctrl+Plus beside Ctrl+=) can do the same.
 */
export type AppCommandItem = {
  label: string;
  accelerator?: string;
  windowKeys?: readonly string[];
  /**
   * The menu item does this window command (declared by a feature, with its keys there): the
   * menu shows its first key without taking it, and is greyed in effect where it does not apply.
   */
  windowCommand?: string;
};

export const APP_COMMAND_ITEMS: Readonly<Record<AppCommand, AppCommandItem>> = {
  'open-corpus': { label: '&Open Corpus…', accelerator: 'CmdOrCtrl+O' },
  'build-corpus': { label: '&Build Corpus from Folder…', accelerator: 'CmdOrCtrl+Shift+B' },
  'show-corpora': { label: '&Recent Corpora' },
  'text-larger': { label: '&Larger Text', accelerator: 'CmdOrCtrl+=', windowKeys: ['CmdOrCtrl+=', 'CmdOrCtrl+Plus'] },
  'text-smaller': { label: '&Smaller Text', accelerator: 'CmdOrCtrl+-', windowKeys: ['CmdOrCtrl+-'] },
  'text-reset': { label: '&Default Text Size', accelerator: 'CmdOrCtrl+0', windowKeys: ['CmdOrCtrl+0'] },
  'theme-system': { label: '&System Theme' },
  'theme-light': { label: '&Light Theme' },
  'theme-dark': { label: '&Dark Theme' },
  'theme-sepia': { label: 'S&epia Theme' },
  'show-settings': { label: 'Reading &Settings' },
  'print-document': { label: '&Save as PDF…', accelerator: 'CmdOrCtrl+P', windowCommand: 'reader.print' },
  'find-in-document': { label: '&Find in Document', accelerator: 'CmdOrCtrl+F', windowCommand: 'reader.find' },
  'search-corpus': { label: '&Search the Corpus', accelerator: 'CmdOrCtrl+K', windowCommand: 'search.focus' },
  'go-library': { label: '&Library' },
  'go-notebook': { label: '&Notebook' },
  'go-codebook': { label: 'Co&debook', windowCommand: 'coding.show-codebook' },
  'next-document': { label: 'Ne&xt Document', accelerator: 'N', windowCommand: 'reader.next-document' },
  'previous-document': { label: '&Previous Document', accelerator: 'P', windowCommand: 'reader.previous-document' },
  'next-paragraph': { label: 'Next P&aragraph', accelerator: 'J', windowCommand: 'reader.next-paragraph' },
  'previous-paragraph': { label: 'Previous Pa&ragraph', accelerator: 'K', windowCommand: 'reader.previous-paragraph' },
  'show-contents': { label: '&Contents', accelerator: 'Alt+C', windowCommand: 'reader.contents' },
  'show-shortcuts': { label: '&Keyboard Shortcuts', accelerator: '?', windowCommand: 'commands.shortcuts' },
  'show-guide': { label: '&User Guide' },
};

/** A menu label as plain text: "&Open Corpus…" → "Open Corpus…" ("&&" is a literal &). */
export function plainMenuLabel(label: string): string {
  return label.replace(/&(&?)/g, '$1');
}
