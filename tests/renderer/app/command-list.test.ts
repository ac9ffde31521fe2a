import { describe, expect, it } from 'vitest';
import { COMMANDS } from '../../../renderer/src/app/command-list';
import { CommandRegistry } from '../../../renderer/src/shared/commands/command-registry';
import type { FocusTarget, ScopeId } from '../../../renderer/src/shared/commands/command-types';
import type { KeyPress, Platform } from '../../../renderer/src/shared/commands/shortcut';

/** The window's real commands, all bound; a command applies when its scope is active (B also needs no selection). */
function windowIn(platform: Platform, scopes: readonly ScopeId[]) {
  const registry = new CommandRegistry(COMMANDS, platform);
  for (const d of registry.declarations()) {
    registry.bind(d.id, { when: () => scopes.includes(d.scope) && !(d.id === 'bookmarks.add' && scopes.includes('selection')), run: () => {} });
  }
  return registry;
}

const key = (text: string): KeyPress => {
  const parts = text.split('+');
  const k = parts.pop()!;
  const has = (m: string) => parts.includes(m);
  return { key: k, code: /^[a-z]$/i.test(k) ? `Key${k.toUpperCase()}` : '', ctrlKey: has('Ctrl'), altKey: has('Alt'), shiftKey: has('Shift'), metaKey: has('Meta') };
};
const PAGE: FocusTarget = { inField: false, onControl: false };
const BUTTON: FocusTarget = { inField: false, onControl: true };
const FIELD: FocusTarget = { inField: true, onControl: true };

describe('the window’s commands', () => {
  it('declare no key twice in one scope, on a Mac or elsewhere', () => {
    expect(() => new CommandRegistry(COMMANDS, 'other')).not.toThrow();
    expect(() => new CommandRegistry(COMMANDS, 'mac')).not.toThrow();
  });

  // The shortcuts the README and the e2e tests rely on, each where it applies.
  const cases: [string, ScopeId[], FocusTarget, string | null][] = [
    ['Ctrl+k', ['app'], PAGE, 'search.focus'],
    ['Ctrl+k', ['app', 'reader'], FIELD, 'search.focus'],
    ['/', ['app'], BUTTON, 'search.focus'],
    ['/', ['app'], FIELD, null],
    ['Ctrl+f', ['app', 'reader'], FIELD, 'reader.find'],
    // Outside the reader Ctrl+F searches the corpus (issue 18: it did nothing in the library).
    ['Ctrl+f', ['app'], PAGE, 'search.focus'],
    ['Enter', ['app', 'reader', 'find'], PAGE, 'reader.find.next'],
    ['Shift+Enter', ['app', 'reader', 'find'], PAGE, 'reader.find.previous'],
    ['Enter', ['app', 'reader', 'find'], BUTTON, null],
    ['1', ['app', 'reader', 'selection'], PAGE, 'notes.highlight.yellow'],
    ['6', ['app', 'reader', 'selection'], BUTTON, 'notes.highlight.orange'],
    ['h', ['app', 'reader', 'selection'], PAGE, 'notes.highlight.last'],
    ['n', ['app', 'reader', 'selection'], PAGE, 'notes.highlight.note'],
    ['t', ['app', 'reader', 'selection'], PAGE, 'notes.toolbar'],
    ['1', ['app', 'reader', 'selection'], FIELD, null],
    ['b', ['app', 'reader'], PAGE, 'bookmarks.add'],
    ['b', ['app', 'reader', 'selection'], PAGE, null],
    ['b', ['app', 'reader'], FIELD, null],
    ['F7', ['app', 'reader'], PAGE, 'reader.keyboard-selection'],
    ['F7', ['app', 'reader'], FIELD, null],
    ['Escape', ['app', 'reader', 'find', 'caret'], PAGE, 'reader.caret.stop'],
    ['Escape', ['app', 'reader', 'find'], PAGE, 'reader.find.close'],
    ['Escape', ['app', 'reader', 'find'], BUTTON, 'reader.back'],
    ['Escape', ['app', 'reader'], FIELD, 'reader.back'],
    ['Alt+ArrowLeft', ['app', 'reader'], PAGE, 'reader.back'],
    ['Ctrl+Shift+ArrowLeft', ['app', 'reader', 'caret'], PAGE, 'reader.caret.extend-word'],
    ['ArrowDown', ['app', 'reader', 'caret'], BUTTON, 'reader.caret.move'],
    ['ArrowDown', ['app', 'reader'], PAGE, null],
    ['Ctrl+z', ['app'], BUTTON, 'undo.delete'],
    ['Ctrl+z', ['app'], FIELD, null],
    ['Ctrl+o', ['app'], PAGE, null], // the menu's accelerator
    ['Ctrl+Shift+B', ['app'], PAGE, null],
    ['Ctrl+Shift+P', ['app', 'reader'], FIELD, 'commands.palette'],
    ['?', ['app'], PAGE, 'commands.shortcuts'],
    ['F1', ['app'], FIELD, 'commands.shortcuts'],
  ];
  it.each(cases)('%s with %j active, focus %j → %s', (text, scopes, target, expected) => {
    expect(windowIn('other', scopes).resolve(key(text), target)?.id ?? null).toBe(expected);
  });

  it('take Cmd, not Ctrl, on a Mac', () => {
    const mac = windowIn('mac', ['app', 'reader']);
    expect(mac.resolve(key('Meta+k'), PAGE)?.id).toBe('search.focus');
    expect(mac.resolve(key('Ctrl+k'), PAGE)).toBeNull();
    expect(mac.resolve(key('Meta+z'), PAGE)?.id).toBe('undo.delete');
    expect(mac.resolve(key('Meta+Shift+P'), PAGE)?.id).toBe('commands.palette');
  });
});
