import { createRequire } from 'node:module';
import Module from 'node:module';
import path from 'node:path';
import { ROOT } from './paths';

/** The built shell (`npm run build`), loaded with a recording stand-in for the `electron` module. */
export const BUILT_MAIN = path.join(ROOT, 'out', 'main', 'index.js');

export type Call = { api: string; args: unknown[] };

type Listener = (...args: unknown[]) => unknown;

class Emitter {
  readonly listeners = new Map<string, Listener[]>();
  on(event: string, listener: Listener) {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener]);
    return this;
  }
  once(event: string, listener: Listener) {
    const once: Listener = (...args) => {
      this.listeners.set(event, (this.listeners.get(event) ?? []).filter((l) => l !== once));
      return listener(...args);
    };
    return this.on(event, once);
  }
  emit(event: string, ...args: unknown[]) {
    for (const listener of this.listeners.get(event) ?? []) listener(...args);
  }
}

export type FakeWindow = Emitter & {
  options: Record<string, unknown>;
  /** The window's webContents events (e.g. 'will-prevent-unload'), emitted by tests. */
  contents: Emitter;
  state: { shown: boolean; focused: boolean; minimized: boolean; maximized: boolean; url?: string };
  /** Moves or resizes the window as the user would (emits 'move' and 'resize'). */
  setBounds(bounds: { x: number; y: number; width: number; height: number }): void;
};

export type FakeShell = {
  calls: Call[];
  windows: FakeWindow[];
  /** Emits an `app` event the way Electron would (e.g. 'second-instance', 'will-quit'). */
  emitApp(event: string, ...args: unknown[]): void;
  /** Resolves once start-up has run (whenReady's callbacks and the promises they start). */
  settled(): Promise<void>;
  named(api: string): Call[];
};

export type FakeShellOptions = {
  /** app.getPath('userData'). */
  userData: string;
  /** app.getAppPath(): where the shell looks for out/renderer, out/preload and Electron builds of the drivers. */
  appPath: string;
  /** What app.requestSingleInstanceLock() answers (false: another Carrel runs). */
  singleInstance?: boolean;
  /** What dialog.showMessageBox resolves to (the button the user pressed). */
  messageBoxResponse?: number;
  /** What the file pickers answer (the user's choice); by default both are cancelled. */
  openDialogPaths?: string[];
  saveDialogPath?: string;
  /** What webContents.printToPDF resolves to (the window as Chromium renders it), or the error it rejects with. */
  printedPdf?: Uint8Array | Error;
  /** Calls that throw, by name (e.g. 'protocol.handle'): a start-up step failing. */
  failing?: Record<string, Error>;
  /** Work areas of the displays screen.getAllDisplays() reports (default: one of 1920 × 1040). */
  displays?: { x: number; y: number; width: number; height: number }[];
};

/**
 * Loads out/main/index.js with `electron` replaced by fakes that record every call, so the real
 * wiring of the shell (single-instance lock, start-up, failure dialogs) runs under plain Node,
 * where the Electron binary cannot be downloaded. Each call loads a fresh copy of the shell.
 */
export function loadShell(options: FakeShellOptions): FakeShell {
  const calls: Call[] = [];
  const windows: FakeWindow[] = [];
  const pending: Promise<unknown>[] = [];
  const record = (api: string, ...args: unknown[]) => calls.push({ api, args });
  /** An object whose every method records its call; `methods` answer where an answer matters. */
  const recorder = <T extends object>(name: string, methods: Partial<Record<string, Listener>> = {}, values: Record<string, unknown> = {}): T =>
    new Proxy(values, {
      get(target, prop) {
        if (typeof prop !== 'string') return undefined;
        if (prop in target) return target[prop];
        return (...args: unknown[]) => {
          record(`${name}.${prop}`, ...args);
          const failure = options.failing?.[`${name}.${prop}`];
          if (failure) throw failure;
          return methods[prop]?.(...args);
        };
      },
    }) as T;

  const app = new Emitter();
  const ready = Promise.resolve();
  const appApi = recorder<Record<string, unknown>>(
    'app',
    {
      requestSingleInstanceLock: () => options.singleInstance ?? true,
      getAppPath: () => options.appPath,
      getPath: (name) => (name === 'userData' ? options.userData : path.join(options.userData, String(name))),
      whenReady: () => ready,
      // As in Electron, quitting emits will-quit (the shell closes its services there).
      quit: () => app.emit('will-quit'),
      on: (event, listener) => app.on(String(event), listener as Listener),
      once: (event, listener) => app.once(String(event), listener as Listener),
    },
    { isPackaged: false },
  );

  class BrowserWindow extends Emitter {
    static getAllWindows = () => windows;
    readonly state: FakeWindow['state'] = { shown: false, focused: false, minimized: false, maximized: false };
    private bounds: { x: number; y: number; width: number; height: number };
    readonly contents = new Emitter();
    readonly webContents = recorder('webContents', {
      on: (event, listener) => this.contents.on(String(event), listener as Listener),
      printToPDF: () => (options.printedPdf instanceof Error ? Promise.reject(options.printedPdf) : Promise.resolve(options.printedPdf ?? new Uint8Array())),
    });
    constructor(readonly options: Record<string, unknown>) {
      super();
      record('new BrowserWindow', options);
      const n = (key: string, fallback: number) => (typeof options[key] === 'number' ? (options[key] as number) : fallback);
      this.bounds = { x: n('x', 40), y: n('y', 40), width: n('width', 800), height: n('height', 600) };
      windows.push(this as unknown as FakeWindow);
    }
    setBounds(bounds: { x: number; y: number; width: number; height: number }) {
      this.bounds = { ...bounds };
      this.emit('move');
      this.emit('resize');
    }
    getNormalBounds() {
      return { ...this.bounds };
    }
    isMaximized() {
      return this.state.maximized;
    }
    maximize() {
      record('window.maximize');
      this.state.maximized = true;
    }
    isDestroyed() {
      return false;
    }
    loadURL(url: string) {
      record('window.loadURL', url);
      this.state.url = url;
      return Promise.resolve();
    }
    show() {
      record('window.show');
      this.state.shown = true;
      this.state.minimized = false;
    }
    focus() {
      record('window.focus');
      this.state.focused = true;
    }
    restore() {
      record('window.restore');
      this.state.minimized = false;
    }
    minimize() {
      this.state.minimized = true;
    }
    isMinimized() {
      return this.state.minimized;
    }
  }

  const dialog = recorder('dialog', {
    showMessageBox: () => {
      const answer = Promise.resolve({ response: options.messageBoxResponse ?? 0, checkboxChecked: false });
      pending.push(answer);
      return answer;
    },
    showMessageBoxSync: () => options.messageBoxResponse ?? 0,
    showOpenDialog: () =>
      Promise.resolve(options.openDialogPaths ? { canceled: false, filePaths: options.openDialogPaths } : { canceled: true, filePaths: [] }),
    showSaveDialog: () => Promise.resolve(options.saveDialogPath ? { canceled: false, filePath: options.saveDialogPath } : { canceled: true }),
  });
  const fake = {
    app: appApi,
    BrowserWindow,
    dialog,
    ipcMain: recorder('ipcMain'),
    protocol: recorder('protocol'),
    session: { defaultSession: recorder('session', {}, { webRequest: recorder('session.webRequest') }) },
    Menu: recorder('Menu', { buildFromTemplate: (template) => ({ template }) }),
    screen: { getAllDisplays: () => (options.displays ?? [{ x: 0, y: 0, width: 1920, height: 1040 }]).map((workArea) => ({ workArea })) },
    safeStorage: recorder('safeStorage', { isEncryptionAvailable: () => false, getSelectedStorageBackend: () => 'basic_text' }),
  };

  const loader = Module as unknown as { _load: (request: string, ...rest: unknown[]) => unknown };
  const original = loader._load;
  const load = createRequire(__filename);
  loader._load = function (request: string, ...rest: unknown[]) {
    return request === 'electron' ? fake : original.call(this, request, ...rest);
  };
  try {
    delete load.cache[BUILT_MAIN];
    load(BUILT_MAIN);
  } finally {
    loader._load = original;
  }

  return {
    calls,
    windows,
    emitApp: (event, ...args) => app.emit(event, ...args),
    async settled() {
      // whenReady's callback runs on a later turn; then whatever it started (dialogs) settles.
      await new Promise((resolve) => setImmediate(resolve));
      await Promise.allSettled(pending);
      await new Promise((resolve) => setImmediate(resolve));
    },
    named: (api) => calls.filter((call) => call.api === api),
  };
}
