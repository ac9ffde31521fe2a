/**
 * The shell's save and open dialogs for exports and imports, passed in so that services stay
 * free of Electron (main gives Electron's, the test harness its own answers). Each resolves to an
 * absolute path, or undefined when the user cancelled. The save dialog asks before replacing a file.
 */
export type FileFilter = { name: string; extensions: string[] };

export type FileDialogs = {
  chooseSaveFile(options: { title: string; suggestedName: string; filters: FileFilter[] }): Promise<string | undefined>;
  chooseOpenFile(options: { title: string; filters: FileFilter[] }): Promise<string | undefined>;
};
