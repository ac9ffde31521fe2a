import type { MenuItemConstructorOptions } from 'electron';
import { APP_COMMAND_ITEMS, type AppCommand } from '../common/ipc/app-commands';

/**
 * The application menu: standard roles and Carrel's own commands, which it hands to the
 * window (the window does them through the ordinary API). Nothing opens a link or a remote page.
 */
export function appMenuTemplate(isMac: boolean, send: (command: AppCommand) => void): MenuItemConstructorOptions[] {
  // Label and accelerator as declared once in common (the window's shortcut list shows the same).
  const command = (id: AppCommand): MenuItemConstructorOptions => {
    const { label, accelerator, windowKeys, windowCommand } = APP_COMMAND_ITEMS[id];
    // Keys the window takes itself are shown here but not registered (else the menu would take them first).
    return { id, label, accelerator, ...(windowKeys || windowCommand ? { registerAccelerator: false } : {}), click: () => send(id) };
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
        command('print-document'),
        { type: 'separator' },
        isMac ? { role: 'close' } : { role: 'quit' },
      ],
    },
    {
      label: '&Edit',
      submenu: [
        { role: 'undo' },
        { role: 'redo' },
        { type: 'separator' },
        { role: 'cut' },
        { role: 'copy' },
        { role: 'paste' },
        { role: 'selectAll' },
        { type: 'separator' },
        command('find-in-document'),
        command('search-corpus'),
      ],
    },
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
    {
      label: '&Go',
      submenu: [
        command('go-library'),
        command('go-notebook'),
        command('go-codebook'),
        { type: 'separator' },
        command('next-document'),
        command('previous-document'),
        { type: 'separator' },
        command('next-paragraph'),
        command('previous-paragraph'),
        command('show-contents'),
      ],
    },
    { role: 'windowMenu' },
    // Offline help only: the shortcut list and the guide bundled with the app (no link, no web page).
    { label: '&Help', submenu: [command('show-shortcuts'), command('show-guide')] },
  ];
}
