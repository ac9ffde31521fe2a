import type { MenuItemConstructorOptions } from 'electron';
import { APP_COMMAND_ITEMS, type AppCommand } from '../common/ipc/app-commands';

/**
 * The application menu: standard roles and Carrel's own commands, which it hands to the
 * window (the window does them through the ordinary API). Nothing opens a link or a remote page.
 */
export function appMenuTemplate(isMac: boolean, send: (command: AppCommand) => void): MenuItemConstructorOptions[] {
  // Label and accelerator as declared once in common (the window's shortcut list shows the same).
  const command = (id: AppCommand): MenuItemConstructorOptions => {
    const { label, accelerator, windowKeys } = APP_COMMAND_ITEMS[id];
    // Keys the window takes itself are shown here but not registered (else the menu would take them first).
    return { id, label, accelerator, ...(windowKeys ? { registerAccelerator: false } : {}), click: () => send(id) };
  };
  return [
    ...(isMac ? [{ role: 'appMenu' as const }] : []),
    {
      label: '&File',
      submenu: [
        command('open-corpus'),
        command('build-corpus'),
        command('show-corpora'),
        { type: 'separator' },
        isMac ? { role: 'close' } : { role: 'quit' },
      ],
    },
    { role: 'editMenu' },
    {
      label: '&View',
      // Text size replaces page zoom on Ctrl+= / Ctrl+- / Ctrl+0: the reading text grows, the window's controls stay.
      submenu: [
        command('text-larger'),
        command('text-smaller'),
        command('text-reset'),
        { label: '&Theme', submenu: [command('theme-system'), command('theme-light'), command('theme-dark'), command('theme-sepia')] },
        command('show-settings'),
        { type: 'separator' },
        { role: 'reload' },
        { role: 'toggleDevTools' },
        { type: 'separator' },
        { role: 'togglefullscreen' },
      ],
    },
    { role: 'windowMenu' },
  ];
}
