import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import { APP_COMMAND_ITEMS, APP_COMMANDS, plainMenuLabel, type AppCommand } from '../../../../electron/common/ipc/app-commands';
import { appMenuTemplate } from '../../../../electron/main/app-menu';
import { COMMANDS } from '../../../../renderer/src/app/command-list';
import { CommandRegistry } from '../../../../renderer/src/shared/commands/command-registry';
import { parseShortcut, shortcutIdentity, type Platform } from '../../../../renderer/src/shared/commands/shortcut';

function items(template: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return template.flatMap((item) => [item, ...(Array.isArray(item.submenu) ? items(item.submenu) : [])]);
}

describe('the menu and the window agree on commands', () => {
  for (const [platform, isMac] of [['other', false], ['mac', true]] as [Platform, boolean][]) {
    it(`gives each menu command the label and keys the window shows (${platform})`, () => {
      const registry = new CommandRegistry(COMMANDS, platform);
      const own = items(appMenuTemplate(isMac, () => {})).filter((item) => item.click);
      expect(own.map((item) => item.id).sort()).toEqual([...APP_COMMANDS].sort());
      for (const item of own) {
        const declared = registry.declarations().find((d) => d.id === item.id);
        // A menu item that leaves its keys to the window shows them without registering them.
        const windowKeys = item.registerAccelerator === false;
        expect(declared, item.id).toMatchObject({ label: plainMenuLabel(String(item.label)), scope: 'app', menu: !windowKeys });
        const menuKeys = item.accelerator ? [shortcutIdentity(parseShortcut(String(item.accelerator), platform))] : [];
        // An item standing for a window command shows that command's first key.
        const target = APP_COMMAND_ITEMS[item.id as AppCommand].windowCommand;
        if (target) expect(registry.declares(target), `${item.id} → ${target}`).toBe(true);
        const keys = registry.shortcutsOf(target ?? item.id!).map(shortcutIdentity);
        if (windowKeys) expect(keys[0], item.id).toEqual(menuKeys[0]);
        else expect(keys, item.id).toEqual(menuKeys);
      }
    });

    it(`lets no window command take a key the menu uses (${platform})`, () => {
      const menuKeys = new Set(
        items(appMenuTemplate(isMac, () => {}))
          .filter((item) => item.accelerator && item.registerAccelerator !== false)
          .map((item) => shortcutIdentity(parseShortcut(String(item.accelerator), platform))),
      );
      expect(menuKeys.size).toBeGreaterThan(0);
      const registry = new CommandRegistry(COMMANDS, platform);
      const clashes = registry
        .declarations()
        .filter((d) => !d.menu && registry.shortcutsOf(d.id).some((s) => menuKeys.has(shortcutIdentity(s))))
        .map((d) => d.id);
      expect(clashes).toEqual([]);
    });
  }
});
