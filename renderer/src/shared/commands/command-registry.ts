import { SCOPES, type CommandBinding, type CommandDeclaration, type FocusRule, type FocusTarget, type Invocation } from './command-types';
import { formatShortcut, isEditingKey, matchesShortcut, parseShortcut, shortcutIdentity, type KeyPress, type Platform, type Shortcut } from './shortcut';

export class CommandConflictError extends Error {}

type Entry = { declaration: CommandDeclaration; rank: number; shortcuts: readonly Shortcut[] };

const STRICTNESS: Record<FocusRule, number> = { anywhere: 0, 'outside-fields': 1, 'outside-controls': 2 };

/** The rule a key implies, made stricter by the command's own. */
export function focusRuleFor(shortcut: Shortcut, declared: FocusRule = 'anywhere'): FocusRule {
  const implied: FocusRule = !isEditingKey(shortcut) ? 'anywhere' : shortcut.key === 'Enter' || shortcut.key === ' ' ? 'outside-controls' : 'outside-fields';
  return STRICTNESS[declared] > STRICTNESS[implied] ? declared : implied;
}

export function focusAllows(rule: FocusRule, target: FocusTarget): boolean {
  if (rule === 'anywhere') return true;
  if (rule === 'outside-fields') return !target.inField;
  return !target.inField && !target.onControl;
}

/**
 * Every command the window knows, as declared, and the bindings features add while on screen.
 * Declarations are checked once: unique ids, keys that parse, and no key claimed twice in a
 * scope. A key press goes to the command of the most specific scope that claims it and
 * applies, so which component registered first never matters.
 */
export class CommandRegistry {
  private readonly entries = new Map<string, Entry>();
  private readonly bindings = new Map<string, CommandBinding>();

  constructor(
    declarations: readonly CommandDeclaration[],
    readonly platform: Platform,
  ) {
    const claimed = new Map<string, string>();
    for (const declaration of declarations) {
      const { id, scope } = declaration;
      if (this.entries.has(id)) throw new CommandConflictError(`The command "${id}" is declared twice.`);
      const rank = SCOPES.findIndex((s) => s.id === scope);
      if (rank < 0) throw new CommandConflictError(`The command "${id}" names an unknown scope "${scope}".`);
      const shortcuts = (declaration.shortcuts ?? []).map((text) => {
        try {
          return parseShortcut(text, platform);
        } catch (error) {
          throw new CommandConflictError(`The command "${id}": ${(error as Error).message}`);
        }
      });
      for (const shortcut of shortcuts) {
        const key = `${scope} ${shortcutIdentity(shortcut)}`;
        const other = claimed.get(key);
        if (other !== undefined) {
          throw new CommandConflictError(`"${other}" and "${id}" both claim ${formatShortcut(shortcut, platform)} in the scope "${scope}".`);
        }
        claimed.set(key, id);
      }
      this.entries.set(id, { declaration, rank, shortcuts });
    }
  }

  /** Every declaration, in the order given. */
  declarations(): CommandDeclaration[] {
    return [...this.entries.values()].map((e) => e.declaration);
  }

  /** Whether a command of that id is declared. */
  declares(id: string): boolean {
    return this.entries.has(id);
  }

  shortcutsOf(id: string): readonly Shortcut[] {
    return this.entries.get(id)?.shortcuts ?? [];
  }

  /** Binds what a declared command does; returns the unbinding. One binding per command at a time. */
  bind(id: string, binding: CommandBinding): () => void {
    if (!this.entries.has(id)) throw new Error(`No command "${id}" is declared.`);
    if (this.bindings.has(id)) throw new Error(`The command "${id}" is already bound.`);
    this.bindings.set(id, binding);
    return () => {
      if (this.bindings.get(id) === binding) this.bindings.delete(id);
    };
  }

  /** Bound, and its `when` holds now. */
  applies(id: string): boolean {
    const binding = this.bindings.get(id);
    return binding !== undefined && (binding.when?.() ?? true);
  }

  /** The command a key press is for, or null. Commands the menu owns are never taken from keys. */
  resolve(event: KeyPress, target: FocusTarget): { id: string; shortcut: Shortcut } | null {
    const candidates: { entry: Entry; shortcut: Shortcut }[] = [];
    for (const entry of this.entries.values()) {
      if (entry.declaration.menu || !this.bindings.has(entry.declaration.id)) continue;
      const shortcut = entry.shortcuts.find((s) => matchesShortcut(s, event));
      if (shortcut && focusAllows(focusRuleFor(shortcut, entry.declaration.focus), target)) candidates.push({ entry, shortcut });
    }
    // At most one candidate per scope (checked at declaration): the most specific that applies wins.
    candidates.sort((a, b) => b.entry.rank - a.entry.rank);
    const hit = candidates.find((c) => this.applies(c.entry.declaration.id));
    return hit ? { id: hit.entry.declaration.id, shortcut: hit.shortcut } : null;
  }

  /** Runs a command if it applies now; false if it does not. */
  run(id: string, invocation: Invocation): boolean {
    if (!this.applies(id)) return false;
    this.bindings.get(id)!.run(invocation);
    return true;
  }

  /** Commands that apply now and are offered in the palette: the most specific scope first, then as declared. */
  applicable(): CommandDeclaration[] {
    return [...this.entries.values()]
      .filter((e) => e.declaration.palette !== false && this.applies(e.declaration.id))
      .sort((a, b) => b.rank - a.rank)
      .map((e) => e.declaration);
  }
}
