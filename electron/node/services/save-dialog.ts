/**
 * The shell's "Save as" picker, passed in so that services stay free of Electron: main gives
 * Electron's dialog, the test harness an answer of its own. Resolves to an absolute path, or
 * undefined when the user cancelled.
 */
export type SaveDialogRequest = { title: string; suggestedName: string; filterName: string; extensions: string[] };
export type SaveDialog = (request: SaveDialogRequest) => Promise<string | undefined>;
