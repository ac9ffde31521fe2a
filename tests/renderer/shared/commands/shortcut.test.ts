import { describe, expect, it } from 'vitest';
import {
  eventKey,
  formatShortcut,
  matchesShortcut,
  parseShortcut,
  shortcutIdentity,
  ShortcutSyntaxError,
  type KeyPress,
} from '../../../../renderer/src/shared/commands/shortcut';

const press = (key: string, mods: Partial<Omit<KeyPress, 'key'>> = {}): KeyPress => ({
  key,
  code: mods.code ?? (/^[a-z]$/i.test(key) ? `Key${key.toUpperCase()}` : ''),
  ctrlKey: mods.ctrlKey ?? false,
  altKey: mods.altKey ?? false,
  shiftKey: mods.shiftKey ?? false,
  metaKey: mods.metaKey ?? false,
});

describe('parseShortcut', () => {
  it('reads Electron accelerators: CmdOrCtrl is Cmd on a Mac and Ctrl elsewhere', () => {
    expect(parseShortcut('CmdOrCtrl+Shift+P', 'other')).toEqual({ key: 'p', ctrl: true, alt: false, shift: true, meta: false });
    expect(parseShortcut('CmdOrCtrl+Shift+P', 'mac')).toEqual({ key: 'p', ctrl: false, alt: false, shift: true, meta: true });
    expect(parseShortcut('CommandOrControl+o', 'mac')).toEqual(parseShortcut('Cmd+O', 'mac'));
    expect(parseShortcut('Ctrl+K', 'mac')).toEqual({ key: 'k', ctrl: true, alt: false, shift: false, meta: false });
    expect(parseShortcut('Option+Left', 'mac')).toEqual(parseShortcut('Alt+Left', 'other'));
  });

  it('names keys as KeyboardEvent.key does', () => {
    const keys = ['Esc', 'Escape', 'Return', 'Enter', 'Left', 'Up', 'PageDown', 'Space', 'Plus', 'F7', 'f12', '/', '?', '1'].map((t) => parseShortcut(t, 'other').key);
    expect(keys).toEqual(['Escape', 'Escape', 'Enter', 'Enter', 'ArrowLeft', 'ArrowUp', 'PageDown', ' ', '+', 'F7', 'F12', '/', '?', '1']);
  });

  it('refuses names it does not know, empty parts, and Shift with a character whose shifted form depends on the layout', () => {
    for (const text of ['Hyper+K', 'Ctrl+Kay', 'Ctrl+', 'Ctrl++', 'F25', '', 'Shift+/', 'Shift+1', 'Ctrl+é']) {
      expect(() => parseShortcut(text, 'other'), text).toThrow(ShortcutSyntaxError);
    }
  });
});

describe('matchesShortcut', () => {
  it('takes Ctrl on Linux and Windows but Cmd on a Mac for CmdOrCtrl, never both', () => {
    const other = parseShortcut('CmdOrCtrl+K', 'other');
    const mac = parseShortcut('CmdOrCtrl+K', 'mac');
    expect(matchesShortcut(other, press('k', { ctrlKey: true }))).toBe(true);
    expect(matchesShortcut(other, press('k', { metaKey: true }))).toBe(false);
    expect(matchesShortcut(mac, press('k', { metaKey: true }))).toBe(true);
    expect(matchesShortcut(mac, press('k', { ctrlKey: true }))).toBe(false);
    expect(matchesShortcut(other, press('k', { ctrlKey: true, metaKey: true }))).toBe(false);
  });

  it('wants exactly the modifiers written', () => {
    const undo = parseShortcut('CmdOrCtrl+Z', 'other');
    expect(matchesShortcut(undo, press('z', { ctrlKey: true }))).toBe(true);
    expect(matchesShortcut(undo, press('Z', { ctrlKey: true, shiftKey: true }))).toBe(false); // redo
    expect(matchesShortcut(undo, press('z', { ctrlKey: true, altKey: true }))).toBe(false);
    expect(matchesShortcut(parseShortcut('Esc', 'other'), press('Escape', { shiftKey: true }))).toBe(false);
    expect(matchesShortcut(parseShortcut('Shift+Enter', 'other'), press('Enter', { shiftKey: true }))).toBe(true);
    expect(matchesShortcut(parseShortcut('Enter', 'other'), press('Enter', { shiftKey: true }))).toBe(false);
  });

  it('reads letters in either case (Caps Lock) but compares Shift for them', () => {
    const b = parseShortcut('B', 'other');
    expect(matchesShortcut(b, press('b'))).toBe(true);
    expect(matchesShortcut(b, press('B'))).toBe(true); // Caps Lock on, no Shift
    expect(matchesShortcut(b, press('B', { shiftKey: true }))).toBe(false);
  });

  it('ignores Shift for characters typed with it on some layouts ("/" is Shift+7 on a German keyboard, "1" shifted on a French one)', () => {
    expect(matchesShortcut(parseShortcut('/', 'other'), press('/', { shiftKey: true, code: 'Digit7' }))).toBe(true);
    expect(matchesShortcut(parseShortcut('?', 'other'), press('?', { shiftKey: true, code: 'Slash' }))).toBe(true);
    expect(matchesShortcut(parseShortcut('1', 'other'), press('1', { shiftKey: true, code: 'Digit1' }))).toBe(true);
    expect(matchesShortcut(parseShortcut('1', 'other'), press('!', { shiftKey: true, code: 'Digit1' }))).toBe(false);
  });

  it('follows the key’s place on a non-Latin layout (Arabic, Russian) and for Option+letter on a Mac', () => {
    expect(eventKey({ key: 'ن', code: 'KeyK' })).toBe('k');
    expect(matchesShortcut(parseShortcut('CmdOrCtrl+K', 'other'), press('л', { ctrlKey: true, code: 'KeyK' }))).toBe(true);
    expect(matchesShortcut(parseShortcut('B', 'other'), press('لا', { code: 'KeyB' }))).toBe(true); // Arabic's B key types two characters
    expect(matchesShortcut(parseShortcut('Alt+F', 'mac'), press('ƒ', { altKey: true, code: 'KeyF' }))).toBe(true);
    // A Latin character is taken as typed, wherever the key is (AZERTY's A is where Q is).
    expect(eventKey({ key: 'a', code: 'KeyQ' })).toBe('a');
  });
});

describe('formatShortcut and shortcutIdentity', () => {
  it('shows shortcuts as the platform writes them', () => {
    const shown = (text: string, platform: 'mac' | 'other') => formatShortcut(parseShortcut(text, platform), platform);
    expect(shown('CmdOrCtrl+Shift+P', 'other')).toBe('Ctrl+Shift+P');
    expect(shown('CmdOrCtrl+Shift+P', 'mac')).toBe('⇧⌘P');
    expect(shown('Alt+Left', 'other')).toBe('Alt+←');
    expect(shown('Alt+Left', 'mac')).toBe('⌥←');
    expect(shown('Esc', 'other')).toBe('Esc');
    expect(shown('Ctrl+Shift+Home', 'other')).toBe('Ctrl+Shift+Home');
    expect(shown('/', 'other')).toBe('/');
    expect(shown('F7', 'mac')).toBe('F7');
  });

  it('gives one identity to spellings of the same key press', () => {
    const id = (text: string) => shortcutIdentity(parseShortcut(text, 'other'));
    expect(id('CmdOrCtrl+K')).toBe(id('Control+k'));
    expect(id('Esc')).toBe(id('Escape'));
    expect(id('Enter')).not.toBe(id('Shift+Enter'));
    expect(id('Ctrl+K')).not.toBe(id('Alt+K'));
  });
});
