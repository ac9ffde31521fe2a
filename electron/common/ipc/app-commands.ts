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
