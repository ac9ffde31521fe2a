/**
 * Commands the shell's menu sends to the window (main → renderer, one way). The window
 * does the rest through the ordinary API, so a menu item and a button behave the same.
 */
export const APP_COMMANDS = ['open-corpus', 'build-corpus', 'show-corpora'] as const;

export type AppCommand = (typeof APP_COMMANDS)[number];

export const APP_COMMAND_CHANNEL = 'carrel:app-command';

export function isAppCommand(value: unknown): value is AppCommand {
  return typeof value === 'string' && (APP_COMMANDS as readonly string[]).includes(value);
}

/**
 * Each menu command declared once: the menu item takes its label (& marks the access key) and
 * accelerator from here, and the window's command registry shows the same label and keys in
 * its palette and shortcut list.
 */
export const APP_COMMAND_ITEMS: Readonly<Record<AppCommand, { label: string; accelerator?: string }>> = {
  'open-corpus': { label: '&Open Corpus…', accelerator: 'CmdOrCtrl+O' },
  'build-corpus': { label: '&Build Corpus from Folder…', accelerator: 'CmdOrCtrl+Shift+B' },
  'show-corpora': { label: '&Recent Corpora' },
};

/** A menu label as plain text: "&Open Corpus…" → "Open Corpus…" ("&&" is a literal &). */
export function plainMenuLabel(label: string): string {
  return label.replace(/&(&?)/g, '$1');
}
