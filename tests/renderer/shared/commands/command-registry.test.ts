import { describe, expect, it } from 'vitest';
import { CommandConflictError, CommandRegistry, focusRuleFor } from '../../../../renderer/src/shared/commands/command-registry';
import type { CommandDeclaration, FocusTarget, Invocation } from '../../../../renderer/src/shared/commands/command-types';
import { parseShortcut, type KeyPress } from '../../../../renderer/src/shared/commands/shortcut';

const press = (key: string, mods: Partial<Omit<KeyPress, 'key'>> = {}): KeyPress => ({
  key,
  code: mods.code ?? '',
  ctrlKey: mods.ctrlKey ?? false,
  altKey: mods.altKey ?? false,
  shiftKey: mods.shiftKey ?? false,
  metaKey: mods.metaKey ?? false,
});
const PAGE: FocusTarget = { inField: false, onControl: false };
const BUTTON: FocusTarget = { inField: false, onControl: true };
const FIELD: FocusTarget = { inField: true, onControl: true };

/** Escape claimed in three scopes, as the reader does. */
const ESCAPES: CommandDeclaration[] = [
  { id: 'back', label: 'Back', scope: 'reader', shortcuts: ['Esc'] },
  { id: 'close-find', label: 'Close find', scope: 'find', shortcuts: ['Esc'], focus: 'outside-controls' },
  { id: 'stop-caret', label: 'Stop', scope: 'caret', shortcuts: ['Escape'], focus: 'outside-fields' },
];

function permutations<T>(items: readonly T[]): T[][] {
  if (items.length <= 1) return [[...items]];
  return items.flatMap((item, i) => permutations([...items.slice(0, i), ...items.slice(i + 1)]).map((rest) => [item, ...rest]));
}

/** A registry with every declaration bound, `active` saying which apply now; records what ran. */
function bound(declarations: readonly CommandDeclaration[], active: ReadonlySet<string>, order = declarations.map((d) => d.id)) {
  const registry = new CommandRegistry(declarations, 'other');
  const ran: string[] = [];
  for (const id of order) registry.bind(id, { when: () => active.has(id), run: () => ran.push(id) });
  return { registry, ran };
}

describe('CommandRegistry declarations', () => {
  it('refuses two commands claiming the same key in the same scope, naming both', () => {
    const declarations: CommandDeclaration[] = [
      { id: 'reader.back', label: 'Back', scope: 'reader', shortcuts: ['Esc'] },
      { id: 'reader.close', label: 'Close', scope: 'reader', shortcuts: ['Escape'] },
    ];
    expect(() => new CommandRegistry(declarations, 'other')).toThrow(CommandConflictError);
    expect(() => new CommandRegistry(declarations, 'other')).toThrow(/"reader\.back" and "reader\.close" both claim Esc in the scope "reader"/);
  });

  it('sees a conflict between two spellings of one key press, on the platform where they meet', () => {
    const declarations: CommandDeclaration[] = [
      { id: 'a', label: 'A', scope: 'app', shortcuts: ['CmdOrCtrl+K'] },
      { id: 'b', label: 'B', scope: 'app', shortcuts: ['Ctrl+K'] },
    ];
    expect(() => new CommandRegistry(declarations, 'other')).toThrow(CommandConflictError);
    expect(() => new CommandRegistry(declarations, 'mac')).not.toThrow(); // Cmd+K and Ctrl+K there
  });

  it('allows one key in several scopes, and refuses duplicate ids, unknown scopes and unreadable keys', () => {
    expect(() => new CommandRegistry(ESCAPES, 'other')).not.toThrow();
    expect(() => new CommandRegistry([ESCAPES[0]!, ESCAPES[0]!], 'other')).toThrow(/declared twice/);
    expect(() => new CommandRegistry([{ id: 'x', label: 'X', scope: 'nowhere' as 'app' }], 'other')).toThrow(/unknown scope/);
    expect(() => new CommandRegistry([{ id: 'x', label: 'X', scope: 'app', shortcuts: ['Ctrl+Kay'] }], 'other')).toThrow(/"x".*unknown key/);
  });

  it('binds declared commands only, once at a time', () => {
    const registry = new CommandRegistry(ESCAPES, 'other');
    expect(() => registry.bind('nope', { run: () => {} })).toThrow(/No command "nope"/);
    const unbind = registry.bind('back', { run: () => {} });
    expect(() => registry.bind('back', { run: () => {} })).toThrow(/already bound/);
    unbind();
    expect(() => registry.bind('back', { run: () => {} })).not.toThrow();
  });
});

describe('CommandRegistry.resolve: precedence by scope', () => {
  it('gives Escape to the most specific scope whose command applies', () => {
    const all = new Set(['back', 'close-find', 'stop-caret']);
    expect(bound(ESCAPES, all).registry.resolve(press('Escape'), PAGE)?.id).toBe('stop-caret');
    expect(bound(ESCAPES, new Set(['back', 'close-find'])).registry.resolve(press('Escape'), PAGE)?.id).toBe('close-find');
    expect(bound(ESCAPES, new Set(['back'])).registry.resolve(press('Escape'), PAGE)?.id).toBe('back');
    expect(bound(ESCAPES, new Set()).registry.resolve(press('Escape'), PAGE)).toBeNull();
  });

  it('passes over a command whose focus rule refuses where focus is', () => {
    const { registry } = bound(ESCAPES, new Set(['back', 'close-find', 'stop-caret']));
    expect(registry.resolve(press('Escape'), BUTTON)?.id).toBe('stop-caret'); // a button is outside fields
    expect(registry.resolve(press('Escape'), FIELD)?.id).toBe('back');
    const noCaret = bound(ESCAPES, new Set(['back', 'close-find'])).registry;
    expect(noCaret.resolve(press('Escape'), BUTTON)?.id).toBe('back'); // Escape on a control is the control's, not find's
  });

  it('does not depend on the order of declaration or of binding', () => {
    const active = new Set(['back', 'close-find', 'stop-caret']);
    const winners = new Set<string>();
    for (const declared of permutations(ESCAPES)) {
      for (const order of permutations(ESCAPES.map((d) => d.id))) {
        for (const activeNow of [active, new Set(['back', 'close-find'])]) {
          winners.add(`${activeNow.size}:${bound(declared, activeNow, order).registry.resolve(press('Escape'), PAGE)?.id}`);
        }
      }
    }
    expect([...winners].sort()).toEqual(['2:close-find', '3:stop-caret']);
  });

  it('skips commands nobody has bound, and never takes the menu’s keys', () => {
    const declarations: CommandDeclaration[] = [
      { id: 'open-corpus', label: 'Open', scope: 'app', shortcuts: ['CmdOrCtrl+O'], menu: true },
      ...ESCAPES,
    ];
    const registry = new CommandRegistry(declarations, 'other');
    const ran: Invocation['source'][] = [];
    registry.bind('open-corpus', { run: (how) => ran.push(how.source) });
    expect(registry.resolve(press('o', { ctrlKey: true }), PAGE)).toBeNull();
    expect(registry.resolve(press('Escape'), PAGE)).toBeNull(); // declared, not bound
    expect(registry.run('open-corpus', { source: 'menu' })).toBe(true);
    expect(ran).toEqual(['menu']);
  });

  it('runs a command only while it applies, with the key press it came from', () => {
    const registry = new CommandRegistry([{ id: 'move', label: 'Move', scope: 'caret', shortcuts: ['Left', 'Shift+Left'], focus: 'outside-fields' }], 'other');
    let applies = false;
    const seen: string[] = [];
    registry.bind('move', { when: () => applies, run: (how) => how.source === 'key' && seen.push(`${how.event.shiftKey}`) });
    expect(registry.run('move', { source: 'palette' })).toBe(false);
    applies = true;
    const hit = registry.resolve(press('ArrowLeft', { shiftKey: true }), PAGE)!;
    expect(hit.shortcut).toEqual(parseShortcut('Shift+Left', 'other'));
    registry.run(hit.id, { source: 'key', event: press('ArrowLeft', { shiftKey: true }), shortcut: hit.shortcut });
    expect(seen).toEqual(['true']);
  });
});

describe('focus rules', () => {
  const declarations: CommandDeclaration[] = [
    { id: 'search', label: 'Search', scope: 'app', shortcuts: ['CmdOrCtrl+K', '/'] },
    { id: 'undo', label: 'Undo', scope: 'app', shortcuts: ['CmdOrCtrl+Z'], focus: 'outside-fields' },
    { id: 'next', label: 'Next', scope: 'find', shortcuts: ['Enter'] },
    { id: 'bookmark', label: 'Bookmark', scope: 'reader', shortcuts: ['B'] },
  ];
  const { registry } = bound(declarations, new Set(declarations.map((d) => d.id)));

  it('keeps keys that type or edit text for the field that has focus', () => {
    expect(registry.resolve(press('k', { ctrlKey: true }), FIELD)?.id).toBe('search');
    expect(registry.resolve(press('/'), FIELD)).toBeNull();
    expect(registry.resolve(press('/'), BUTTON)?.id).toBe('search');
    expect(registry.resolve(press('b'), FIELD)).toBeNull();
    expect(registry.resolve(press('z', { ctrlKey: true }), FIELD)).toBeNull();
    expect(registry.resolve(press('z', { ctrlKey: true }), BUTTON)?.id).toBe('undo');
  });

  it('leaves Enter to a control that acts on it', () => {
    expect(registry.resolve(press('Enter'), BUTTON)).toBeNull();
    expect(registry.resolve(press('Enter'), PAGE)?.id).toBe('next');
  });

  it('derives the rule from the key and lets a command make it stricter, never looser', () => {
    expect(focusRuleFor(parseShortcut('Esc', 'other'))).toBe('anywhere');
    expect(focusRuleFor(parseShortcut('Ctrl+Left', 'other'))).toBe('anywhere');
    expect(focusRuleFor(parseShortcut('Shift+Left', 'other'))).toBe('outside-fields');
    expect(focusRuleFor(parseShortcut('Space', 'other'))).toBe('outside-controls');
    expect(focusRuleFor(parseShortcut('F7', 'other'), 'outside-fields')).toBe('outside-fields');
    expect(focusRuleFor(parseShortcut('Enter', 'other'), 'anywhere')).toBe('outside-controls');
  });
});

describe('CommandRegistry.applicable', () => {
  it('lists the commands that apply now, the most specific scope first, without those kept off the palette', () => {
    const declarations: CommandDeclaration[] = [
      { id: 'search', label: 'Search', scope: 'app' },
      { id: 'palette', label: 'Palette', scope: 'app', palette: false },
      ...ESCAPES,
      { id: 'unbound', label: 'Unbound', scope: 'selection' },
    ];
    const { registry } = bound(
      declarations.filter((d) => d.id !== 'unbound'),
      new Set(['search', 'palette', 'back', 'close-find']),
    );
    expect(registry.applicable().map((d) => d.id)).toEqual(['close-find', 'back', 'search']);
  });
});
