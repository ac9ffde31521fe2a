import type { BrowserWindow, Dialog } from 'electron';
import { describe, expect, it } from 'vitest';
import { electronCorpusDialogs } from '../../../electron/main/corpus-dialogs';
import { electronDocumentPrinter } from '../../../electron/main/document-printer';
import { electronFileDialogs } from '../../../electron/main/file-dialogs';

// Electron's dialog, recorded: what the shell asks of it, and the user's answer.
function recordingDialog(filePath: string | undefined) {
  const calls: unknown[][] = [];
  const dialog = {
    showSaveDialog: async (...args: unknown[]) => (calls.push(args), filePath ? { canceled: false, filePath } : { canceled: true, filePath: '' }),
    showOpenDialog: async (...args: unknown[]) => (calls.push(args), { canceled: true, filePaths: [] }),
  } as unknown as Dialog;
  return { dialog, calls };
}

const window = { id: 1 } as unknown as BrowserWindow;
const confirmed = ['showOverwriteConfirmation', 'createDirectory'];

describe('the save dialogs of the shell', () => {
  it('ask before replacing a file (GTK replaces silently without showOverwriteConfirmation), attached to the window', async () => {
    const { dialog, calls } = recordingDialog('/home/u/notes.md');
    const files = electronFileDialogs(dialog, () => window);
    expect(await files.chooseSaveFile({ title: 'Export the notebook as Markdown', suggestedName: 'carrel-notebook.md', filters: [{ name: 'Markdown', extensions: ['md'] }] })).toBe('/home/u/notes.md');
    await electronCorpusDialogs(dialog, () => window).chooseBuildOutput('/home/u/corpus.sqlite');
    await electronDocumentPrinter(dialog, () => window, () => '/home/u/Documents').choosePdfFile('a.pdf');
    expect(calls).toHaveLength(3);
    for (const [parent, options] of calls) {
      expect(parent).toBe(window);
      expect((options as { properties: string[] }).properties).toEqual(confirmed);
    }
    expect(calls[0]![1]).toEqual({ title: 'Export the notebook as Markdown', defaultPath: 'carrel-notebook.md', filters: [{ name: 'Markdown', extensions: ['md'] }], properties: confirmed });
  });

  it('say the user cancelled, and ask the same without a window', async () => {
    const { dialog, calls } = recordingDialog(undefined);
    expect(await electronFileDialogs(dialog, () => undefined).chooseSaveFile({ title: 't', suggestedName: 'x.csv', filters: [] })).toBeUndefined();
    expect(calls[0]).toEqual([{ title: 't', defaultPath: 'x.csv', filters: [], properties: confirmed }]);
  });
});
