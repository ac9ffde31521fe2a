import { app, BrowserWindow, dialog, ipcMain, Menu, protocol, safeStorage, screen, session } from 'electron';
import { APP_COMMAND_CHANNEL, type AppCommand } from '../common/ipc/app-commands';
import { createAppHandlerTable } from '../node/ipc/app-handler-table';
import { bundledWorkers } from '../node/query-worker/worker-entry';
import { createServices } from '../node/services/create-services';
import { appMenuTemplate } from './app-menu';
import { appPaths, userFiles } from './app-paths';
import { safeStorageVault } from './safe-storage-vault';
import { electronCorpusDialogs } from './corpus-dialogs';
import { electronFileDialogs } from './file-dialogs';
import { handleAppProtocol } from './app-protocol-handler';
import { registerIpc } from './register-ipc';
import { APP_ENTRY_URL, APP_SCHEME, APP_SCHEME_PRIVILEGES } from './security/app-protocol';
import { blockForeignRequests, denyAllPermissions, lockNavigation } from './security/navigation';
import { createMainWindow } from './security/main-window';
import { guardUnsavedClose } from './unsaved-close';
import { electronDocumentPrinter } from './document-printer';
import { rememberWindow, windowPlacement } from './window-memory';
import { showStartupFailure, startupFailureText, type StartupStep } from './startup-failure';

// The thin shell: window, security settings, IPC registration, menu. Everything else is in electron/node.
protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: APP_SCHEME_PRIVILEGES }]);
app.enableSandbox();

let blockedRequests = 0;
let mainWindow: BrowserWindow | undefined;
let userDataDir: string | undefined;

/** Anything that goes wrong while starting ends in a dialog that says so, never in no window at all. */
function failStartup(step: StartupStep, error: unknown): void {
  showStartupFailure(dialog, () => app.quit(), startupFailureText(step, error, userDataDir));
}

function start(): void {
  let step: StartupStep = 'files';
  try {
    const paths = appPaths(app.getAppPath(), process.resourcesPath, app.isPackaged);
    step = 'data';
    userDataDir = app.getPath('userData');
    const services = createServices({
      corpusFile: paths.corpusFile,
      ...userFiles(userDataDir),
      // CARREL_CORPUS names the corpus to open; otherwise the one studied last comes back.
      reopenLastCorpus: !process.env.CARREL_CORPUS,
      reopenLastDocument: true,
      dialogs: electronCorpusDialogs(dialog, () => mainWindow),
      fileDialogs: electronFileDialogs(dialog, () => mainWindow),
      cslDir: paths.cslDir,
      refiSchemaDir: paths.refiSchemaDir,
      nativeBinding: paths.nativeBinding,
      userDbNativeBinding: paths.userDbNativeBinding,
      keyVault: safeStorageVault(safeStorage, process.platform),
      automaticBackups: true,
      blockedRequests: () => blockedRequests,
      // Corpus reads, search, analysis and builds run in worker threads bundled beside this file.
      workers: bundledWorkers(__dirname),
      printer: electronDocumentPrinter(dialog, () => mainWindow, () => app.getPath('documents')),
    });
    app.on('will-quit', () => services.close());

    step = 'window';
    denyAllPermissions(session.defaultSession);
    blockForeignRequests(session.defaultSession, (url) => {
      blockedRequests++;
      console.warn(`Blocked request #${blockedRequests}: ${url}`);
    });
    handleAppProtocol(protocol, paths.rendererDir);
    registerIpc(ipcMain, createAppHandlerTable(services));
    const send = (command: AppCommand) => mainWindow?.webContents.send(APP_COMMAND_CHANNEL, command);
    Menu.setApplicationMenu(Menu.buildFromTemplate(appMenuTemplate(process.platform === 'darwin', send)));

    const window = createMainWindow(BrowserWindow, paths.preload, windowPlacement(services.windowState, screen));
    mainWindow = window;
    rememberWindow(window, services.windowState);
    window.on('closed', () => (mainWindow = undefined));
    guardUnsavedClose(window, dialog);
    window.once('ready-to-show', () => window.show());
    window.loadURL(APP_ENTRY_URL).catch((error: unknown) => failStartup('window', error));
  } catch (error) {
    failStartup(step, error);
  }
}

/** A second launch lands here (it quits itself): the window already open comes to the front. */
function focusMainWindow(): void {
  if (!mainWindow) return;
  if (mainWindow.isMinimized()) mainWindow.restore();
  mainWindow.show();
  mainWindow.focus();
}

// One Carrel per user-data folder, so two never write the same notes (the notes lock,
// electron/node/user-store/notes-lock.ts, covers other processes and CARREL_USER_DB).
if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', focusMainWindow);
  app.on('web-contents-created', (_event, contents) => lockNavigation(contents));
  app.whenReady().then(start, (error: unknown) => failStartup('files', error));
  app.on('window-all-closed', () => app.quit());
}
