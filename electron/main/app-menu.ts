import type { MenuItemConstructorOptions } from 'electron';
import { APP_COMMAND_ITEMS, type AppCommand } from '../common/ipc/app-commands';

/**
 * The application menu: standard roles and Carrel's own commands, which it hands to the
 * window (the window does them through the ordinary API). Nothing opens a link or a remote page.
 */
export function appMenuTemplate(isMac: boolean, send: (command: AppCommand) => void): MenuItemConstructorOptions[] {
  // Label and accelerator as declared once in common (the window's shortcut list shows the same).
  const command = (id: AppCommand): MenuItemConstructorOptions => ({ id, ...APP_COMMAND_ITEMS[id], click: () => send(id) });
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
      submenu: [
        { role: 'reload' },
        { role: 'toggleDevTools' },
        { type: 'separator' },
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { type: 'separator' },
        { role: 'togglefullscreen' },
      ],
    },
    { role: 'windowMenu' },
  ];
}
