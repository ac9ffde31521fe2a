import type { Dialog } from 'electron';

/** What start-up was doing, in words for the failure dialog. */
export type StartupStep = 'files' | 'data' | 'window';

const WHAT: Record<StartupStep, string> = {
  files: 'finding its own files',
  data: 'opening the corpus and your notes',
  window: 'opening its window',
};

/** The failure dialog's text: what failed, why (the error's own words), and what to do. */
export function startupFailureText(step: StartupStep, error: unknown, userDataDir: string | undefined): { message: string; detail: string } {
  const reason = error instanceof Error ? error.message : String(error);
  const todo =
    step === 'data'
      ? `Check that ${userDataDir ?? 'Carrel’s user-data folder'} is a folder you can write to and that the disk has free space${
          process.env.CARREL_USER_DB || process.env.CARREL_CORPUS ? ' (and that CARREL_USER_DB and CARREL_CORPUS name usable files)' : ''
        }, then start Carrel again.`
      : step === 'files'
        ? 'Carrel’s installation looks incomplete: install it again, then start it.'
        : 'Start Carrel again; if this keeps happening, install it again.';
  return { message: `Carrel could not start: ${WHAT[step]} failed.`, detail: `${reason}\n\nWhat to do: ${todo}` };
}

/**
 * Says why Carrel cannot start instead of leaving no window at all, then quits when the user has
 * read it. Never throws: if even the dialog fails, the error box (safe at any time) is used.
 */
export function showStartupFailure(dialog: Dialog, quit: () => void, text: { message: string; detail: string }): void {
  console.error(`${text.message}\n${text.detail}`);
  try {
    void dialog
      .showMessageBox({ type: 'error', title: 'Carrel could not start', message: text.message, detail: text.detail, buttons: ['Quit Carrel'], noLink: true })
      .catch(() => dialog.showErrorBox(text.message, text.detail))
      .finally(quit);
  } catch {
    dialog.showErrorBox(text.message, text.detail);
    quit();
  }
}
