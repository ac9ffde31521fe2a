import type { MenuItemConstructorOptions } from 'electron';
import type { AppCommand } from '../common/ipc/app-commands';

/**
 * The application menu: standard roles and Carrel's own commands, which it hands to the
 * window (the window does them through the ordinary API). Nothing opens a link or a remote page.
 */
export function appMenuTemplate(isMac: boolean, send: (command: AppCommand) => void): MenuItemConstructorOptions[] {
  return [
    ...(isMac ? [{ role: 'appMenu' as const }] : []),
    {
      label: '&File',
      submenu: [
        { id: 'open-corpus', label: '&Open Corpus…', accelerator: 'CmdOrCtrl+O', click: () => send('open-corpus') },
        { id: 'build-corpus', label: '&Build Corpus from Folder…', accelerator: 'CmdOrCtrl+Shift+B', click: () => send('build-corpus') },
        { id: 'show-corpora', label: '&Recent Corpora', click: () => send('show-corpora') },
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
