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
export const APP_COMMAND_ITEMS: Readonly<Record<AppCommand, { label: string; accelerator?: string; windowKeys?: readonly string[] }>> = {
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
};

/** A menu label as plain text: "&Open Corpus…" → "Open Corpus…" ("&&" is a literal &). */
export function plainMenuLabel(label: string): string {
  return label.replace(/&(&?)/g, '$1');
}
