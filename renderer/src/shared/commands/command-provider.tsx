import { APP_COMMANDS, APP_COMMAND_ITEMS } from '@common/ipc/app-commands';
import { createContext, useCallback, useContext, useEffect, useLayoutEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { handlesEnter, isTypingTarget } from '../typing-target';
import { CommandPalette, type PaletteItem } from './command-palette';
import { CommandRegistry } from './command-registry';
import { SCOPES, type CommandBinding, type CommandDeclaration } from './command-types';
import { restorePlace, savePlace, type SavedPlace } from './saved-place';
import { currentPlatform, formatShortcut } from './shortcut';
import { ShortcutOverlay, type ShortcutGroup } from './shortcut-overlay';

type CommandsApi = {
  registry: CommandRegistry;
  /** Runs a command from the menu or the palette: an open command dialog closes first, giving focus back. */
  run(id: string, source: 'menu' | 'palette'): boolean;
};

const CommandsContext = createContext<CommandsApi | null>(null);

type Modal = { kind: 'palette'; items: PaletteItem[] } | { kind: 'shortcuts' } | null;

const scopeLabel = (id: string) => SCOPES.find((s) => s.id === id)?.label ?? id;

function shortcutTexts(registry: CommandRegistry, id: string): string[] {
  return registry.shortcutsOf(id).map((s) => formatShortcut(s, registry.platform));
}

function paletteItems(registry: CommandRegistry): PaletteItem[] {
  return registry.applicable().map((d) => ({ id: d.id, label: d.label, scope: scopeLabel(d.scope), shortcuts: shortcutTexts(registry, d.id) }));
}

function shortcutGroups(registry: CommandRegistry): ShortcutGroup[] {
  const all = registry.declarations().filter((d) => (d.shortcuts ?? []).length > 0);
  return SCOPES.map((scope) => ({
    id: scope.id,
    label: scope.label,
    rows: all.filter((d) => d.scope === scope.id).map((d) => ({ id: d.id, label: d.label, shortcuts: shortcutTexts(registry, d.id) })),
  })).filter((g) => g.rows.length > 0);
}

/**
 * Holds the window's commands and its one keydown listener. The listener runs after the
 * page's own handlers: a widget that acts on a key (a list's arrows, a field's Escape) marks
 * it handled with preventDefault and the registry leaves it alone; every other key goes to
 * the registry, which picks by scope. Keys inside a modal dialog belong to the dialog.
 */
export function CommandProvider({ declarations, children }: { declarations: readonly CommandDeclaration[]; children: ReactNode }) {
  const registry = useMemo(() => new CommandRegistry(declarations, currentPlatform()), [declarations]);
  const [modal, setModal] = useState<Modal>(null);
  const place = useRef<SavedPlace | null>(null);

  const close = useCallback(() => {
    const saved = place.current;
    place.current = null;
    setModal(null);
    if (saved) restorePlace(saved);
  }, []);

  const open = useCallback(
    (kind: 'palette' | 'shortcuts') => {
      // What applies is decided here, before the dialog takes focus and the selection.
      const next: Modal = kind === 'palette' ? { kind, items: paletteItems(registry) } : { kind };
      place.current ??= savePlace();
      setModal(next);
    },
    [registry],
  );

  const run = useCallback(
    (id: string, source: 'menu' | 'palette') => {
      close();
      return registry.run(id, { source });
    },
    [close, registry],
  );

  useLayoutEffect(() => {
    const unbind = [registry.bind('commands.palette', { run: () => open('palette') }), registry.bind('commands.shortcuts', { run: () => open('shortcuts') })];
    // Menu items that stand for a window command do it, where it applies.
    for (const id of APP_COMMANDS) {
      const target = APP_COMMAND_ITEMS[id].windowCommand;
      if (target && registry.declares(id)) unbind.push(registry.bind(id, { when: () => registry.applies(target), run: (invocation) => void registry.run(target, invocation) }));
    }
    return () => unbind.forEach((u) => u());
  }, [registry, open]);

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.isComposing) return;
      const { target } = event;
      if (target instanceof Element && target.closest('[aria-modal="true"]')) return;
      const hit = registry.resolve(event, { inField: isTypingTarget(target), onControl: handlesEnter(target) });
      if (!hit) return;
      event.preventDefault();
      registry.run(hit.id, { source: 'key', event, shortcut: hit.shortcut });
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [registry]);

  const api = useMemo(() => ({ registry, run }), [registry, run]);
  return (
    <CommandsContext.Provider value={api}>
      {children}
      {modal?.kind === 'palette' && <CommandPalette items={modal.items} onRun={(id) => run(id, 'palette')} onClose={close} />}
      {modal?.kind === 'shortcuts' && <ShortcutOverlay groups={shortcutGroups(registry)} onClose={close} />}
    </CommandsContext.Provider>
  );
}

function useCommandsApi(): CommandsApi {
  const api = useContext(CommandsContext);
  if (!api) throw new Error('Commands need a CommandProvider above them.');
  return api;
}

/**
 * Binds what declared commands do while the component is mounted. The latest bindings are
 * used at each key press, so `when` and `run` may read this render's state.
 */
export function useCommands(bindings: Readonly<Record<string, CommandBinding>>): void {
  const { registry } = useCommandsApi();
  const latest = useRef(bindings);
  useLayoutEffect(() => {
    latest.current = bindings;
  });
  const ids = Object.keys(bindings).join('\n');
  useLayoutEffect(() => {
    const unbind = ids
      .split('\n')
      .filter(Boolean)
      .map((id) =>
        registry.bind(id, {
          when: () => {
            const binding = latest.current[id];
            return binding !== undefined && (binding.when?.() ?? true);
          },
          run: (invocation) => latest.current[id]?.run(invocation),
        }),
      );
    return () => unbind.forEach((u) => u());
  }, [registry, ids]);
}

/** Runs a command by id as the menu or the palette would (for the shell's menu commands). */
export function useRunCommand(): CommandsApi['run'] {
  return useCommandsApi().run;
}

/** A command's shortcuts as shown to the user ('Ctrl+K', '/'), for titles and hints. */
export function useShortcuts(id: string): string[] {
  const { registry } = useCommandsApi();
  return shortcutTexts(registry, id);
}

/** A command's shortcuts in one text ('Ctrl+K or /'); '' if it has none. */
export function useShortcutText(id: string): string {
  return useShortcuts(id).join(' or ');
}
