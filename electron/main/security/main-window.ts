import type { BrowserWindow as ElectronBrowserWindow, BrowserWindowConstructorOptions } from 'electron';

type WindowConstructor = new (options: BrowserWindowConstructorOptions) => ElectronBrowserWindow;

/**
 * Creates Carrel's window with the settings of Electron's security checklist. The
 * constructor is passed in so tests can capture the options without Electron, and the
 * options are written out literally so static scanners (Electronegativity) can verify them.
 */
export function createMainWindow(
  BrowserWindow: WindowConstructor,
  preload: string,
  // Where it was left (window-memory.ts); by default 1200 × 860, placed by the system.
  bounds: { x?: number; y?: number; width: number; height: number } = { width: 1200, height: 860 },
): ElectronBrowserWindow {
  return new BrowserWindow({
    ...bounds,
    // Below this nothing is usable; the renderer reflows down to 320 CSS px (zoom shrinks CSS px further).
    minWidth: 480,
    minHeight: 400,
    title: 'Carrel',
    backgroundColor: '#f7f4ee',
    show: false,
    webPreferences: {
      preload,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      enableBlinkFeatures: '',
      webviewTag: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      // Chromium's spellchecker downloads dictionaries from the network.
      spellcheck: false,
    },
  });
}
