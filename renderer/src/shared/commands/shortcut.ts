/**
 * Key combinations, written as Electron accelerators ('CmdOrCtrl+Shift+P', 'Alt+Left', 'F7',
 * '/', '?'), so a menu accelerator and a window shortcut are the same text. Pure: no DOM.
 */

export type Platform = 'mac' | 'other';

export type Shortcut = {
  /** As KeyboardEvent.key reports it: 'k' (letters lower-case), '/', 'Escape', 'ArrowLeft', ' ', 'F7'. */
  key: string;
  ctrl: boolean;
  alt: boolean;
  shift: boolean;
  meta: boolean;
};

/** What matching needs from a keyboard event. */
export type KeyPress = Pick<KeyboardEvent, 'key' | 'code' | 'ctrlKey' | 'altKey' | 'shiftKey' | 'metaKey'>;

const NAMED_KEYS: Record<string, string> = {
  esc: 'Escape',
  escape: 'Escape',
  enter: 'Enter',
  return: 'Enter',
  tab: 'Tab',
  space: ' ',
  backspace: 'Backspace',
  delete: 'Delete',
  insert: 'Insert',
  home: 'Home',
  end: 'End',
  pageup: 'PageUp',
  pagedown: 'PageDown',
  up: 'ArrowUp',
  down: 'ArrowDown',
  left: 'ArrowLeft',
  right: 'ArrowRight',
  plus: '+',
};

const KEY_NAMES: Record<string, string> = {
  Escape: 'Esc',
  ' ': 'Space',
  ArrowUp: '↑',
  ArrowDown: '↓',
  ArrowLeft: '←',
  ArrowRight: '→',
  PageUp: 'Page Up',
  PageDown: 'Page Down',
};

const isLetter = (key: string) => /^[a-z]$/.test(key);
/** A character key other than a letter ('/', '?', '1'): Shift is part of typing it, so it is not compared. */
const isCharacter = (key: string) => key.length === 1 && key !== ' ' && !isLetter(key);

export class ShortcutSyntaxError extends Error {}

/** Parses an accelerator; CmdOrCtrl is Cmd on a Mac and Ctrl elsewhere. Throws ShortcutSyntaxError on a name it does not know. */
export function parseShortcut(text: string, platform: Platform): Shortcut {
  const parts = text.split('+');
  // 'Ctrl++' is not written; the plus key is 'Plus'.
  if (parts.some((p) => p.trim() === '')) throw new ShortcutSyntaxError(`"${text}" is not a key combination (write the plus key as Plus).`);
  const keyPart = parts.pop()!.trim();
  const shortcut: Shortcut = { key: '', ctrl: false, alt: false, shift: false, meta: false };
  for (const raw of parts) {
    const name = raw.trim().toLowerCase();
    if (name === 'cmdorctrl' || name === 'commandorcontrol') shortcut[platform === 'mac' ? 'meta' : 'ctrl'] = true;
    else if (name === 'ctrl' || name === 'control') shortcut.ctrl = true;
    else if (name === 'cmd' || name === 'command' || name === 'super' || name === 'meta') shortcut.meta = true;
    else if (name === 'alt' || name === 'option') shortcut.alt = true;
    else if (name === 'shift') shortcut.shift = true;
    else throw new ShortcutSyntaxError(`"${text}": unknown modifier "${raw.trim()}".`);
  }
  const lower = keyPart.toLowerCase();
  if (NAMED_KEYS[lower]) shortcut.key = NAMED_KEYS[lower];
  else if (/^f([1-9]|1[0-9]|2[0-4])$/.test(lower)) shortcut.key = lower.toUpperCase();
  else if ([...keyPart].length === 1 && keyPart.charCodeAt(0) > 0x20 && keyPart.charCodeAt(0) < 0x7f) shortcut.key = lower;
  else throw new ShortcutSyntaxError(`"${text}": unknown key "${keyPart}".`);
  if (shortcut.shift && isCharacter(shortcut.key)) {
    throw new ShortcutSyntaxError(`"${text}": Shift with "${shortcut.key}" depends on the keyboard layout; write the character it types (e.g. "?").`);
  }
  return shortcut;
}

/** The key an event stands for: letters lower-case; on a non-Latin layout, the Latin letter of the physical key. */
export function eventKey(event: Pick<KeyPress, 'key' | 'code'>): string {
  const { key } = event;
  const lower = key.toLowerCase();
  if (isLetter(lower)) return lower;
  // Arabic, Cyrillic… layouts (and Option+letter on a Mac) type other characters (Arabic's B
  // key types two, لا): shortcuts follow the key's place, as the menu's accelerators do.
  if ([...key].some((c) => c.charCodeAt(0) > 0x7f) && /^Key[A-Z]$/.test(event.code)) return event.code.slice(3).toLowerCase();
  return key;
}

/** Modifiers must be exactly those written; Shift is compared for letters and named keys only. */
export function matchesShortcut(shortcut: Shortcut, event: KeyPress): boolean {
  if (eventKey(event) !== shortcut.key) return false;
  if (event.ctrlKey !== shortcut.ctrl || event.altKey !== shortcut.alt || event.metaKey !== shortcut.meta) return false;
  return isCharacter(shortcut.key) || event.shiftKey === shortcut.shift;
}

/** One text per distinct key combination: two shortcuts with the same identity take the same key presses. */
export function shortcutIdentity(s: Shortcut): string {
  const shift = s.shift && !isCharacter(s.key);
  return `${s.ctrl ? 'Ctrl+' : ''}${s.alt ? 'Alt+' : ''}${shift ? 'Shift+' : ''}${s.meta ? 'Meta+' : ''}${s.key}`;
}

/** True for keys that type or edit text (letters, digits, Enter, arrows…) when pressed with Shift at most. */
export function isEditingKey(s: Shortcut): boolean {
  if (s.ctrl || s.alt || s.meta) return false;
  return s.key.length === 1 || ['Enter', 'Tab', 'Backspace', 'Delete', 'Home', 'End', 'ArrowUp', 'ArrowDown', 'ArrowLeft', 'ArrowRight', 'PageUp', 'PageDown'].includes(s.key);
}

/** As shown to the user: 'Ctrl+Shift+P', 'Alt+←', 'Esc'; on a Mac '⇧⌘P', '⌥←'. */
export function formatShortcut(s: Shortcut, platform: Platform): string {
  const key = KEY_NAMES[s.key] ?? (isLetter(s.key) ? s.key.toUpperCase() : s.key);
  if (platform === 'mac') return `${s.ctrl ? '⌃' : ''}${s.alt ? '⌥' : ''}${s.shift ? '⇧' : ''}${s.meta ? '⌘' : ''}${key}`;
  return [s.ctrl && 'Ctrl', s.alt && 'Alt', s.shift && 'Shift', s.meta && 'Super', key].filter(Boolean).join('+');
}

/** The platform the window runs on. */
export function currentPlatform(): Platform {
  const nav = navigator as Navigator & { userAgentData?: { platform?: string } };
  return /mac/i.test(nav.userAgentData?.platform || nav.platform) ? 'mac' : 'other';
}
