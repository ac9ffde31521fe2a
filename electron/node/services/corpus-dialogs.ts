/**
 * The shell's file pickers, passed in so that services stay free of Electron: main gives
 * Electron's dialogs, the test harness gives answers of its own. Each resolves to an
 * absolute path, or undefined when the user cancelled.
 */
export type CorpusDialogs = {
  chooseCorpusFile(): Promise<string | undefined>;
  chooseSourcesFolder(): Promise<string | undefined>;
  /** Where to write a corpus built from a folder; suggestedFile is the default offered. */
  chooseBuildOutput(suggestedFile: string): Promise<string | undefined>;
};
