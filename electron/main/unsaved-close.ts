import type { BrowserWindow, Dialog } from 'electron';

export const UNSAVED_CLOSE_BUTTONS = ['Keep Carrel open', 'Close and lose those changes'] as const;

/**
 * The window refuses to unload while it keeps text that could not be saved
 * (renderer/src/shared/use-close-guard.ts); Electron then cancels the close silently. Ask the
 * user instead: keeping Carrel open is the default, closing loses that text.
 */
export function guardUnsavedClose(window: BrowserWindow, dialog: Pick<Dialog, 'showMessageBoxSync'>): void {
  window.webContents.on('will-prevent-unload', (event) => {
    const choice = dialog.showMessageBoxSync(window, {
      type: 'warning',
      title: 'Carrel',
      message: 'Some changes to your notes are not saved',
      detail:
        'Carrel could not save them; the window says why, and their text is still in it. If you close now, that text is lost. Keep Carrel open to let it try again, or copy the text somewhere safe first.',
      buttons: [...UNSAVED_CLOSE_BUTTONS],
      defaultId: 0,
      cancelId: 0,
      noLink: true,
    });
    // preventDefault here lets the page unload in spite of its beforeunload refusal.
    if (choice === 1) event.preventDefault();
  });
}
