import { app, BrowserWindow, dialog, ipcMain, Menu, protocol, safeStorage, session } from 'electron';
import { APP_COMMAND_CHANNEL, type AppCommand } from '../common/ipc/app-commands';
import { createHandlerTable } from '../node/ipc/handler-table';
import { createServices } from '../node/services/create-services';
import { appMenuTemplate } from './app-menu';
import { appPaths, userFiles } from './app-paths';
import { safeStorageVault } from './safe-storage-vault';
import { electronCorpusDialogs } from './corpus-dialogs';
import { handleAppProtocol } from './app-protocol-handler';
import { registerIpc } from './register-ipc';
import { APP_ENTRY_URL, APP_SCHEME, APP_SCHEME_PRIVILEGES } from './security/app-protocol';
import { blockForeignRequests, denyAllPermissions, lockNavigation } from './security/navigation';
import { createMainWindow } from './security/main-window';

// The thin shell: window, security settings, IPC registration, menu. Everything else is in electron/node.
protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: APP_SCHEME_PRIVILEGES }]);
app.enableSandbox();

let blockedRequests = 0;
let mainWindow: BrowserWindow | undefined;

app.on('web-contents-created', (_event, contents) => lockNavigation(contents));

app.whenReady().then(() => {
  const paths = appPaths(app.getAppPath(), process.resourcesPath, app.isPackaged);
  const services = createServices({
    corpusFile: paths.corpusFile,
    ...userFiles(app.getPath('userData')),
    // CARREL_CORPUS names the corpus to open; otherwise the one studied last comes back.
    reopenLastCorpus: !process.env.CARREL_CORPUS,
    dialogs: electronCorpusDialogs(dialog, () => mainWindow),
    nativeBinding: paths.nativeBinding,
    userDbNativeBinding: paths.userDbNativeBinding,
    keyVault: safeStorageVault(safeStorage, process.platform),
    blockedRequests: () => blockedRequests,
  });
  app.on('will-quit', () => services.close());

  denyAllPermissions(session.defaultSession);
  blockForeignRequests(session.defaultSession, (url) => {
    blockedRequests++;
    console.warn(`Blocked request #${blockedRequests}: ${url}`);
  });
  handleAppProtocol(protocol, paths.rendererDir);
  registerIpc(ipcMain, createHandlerTable(services));
  const send = (command: AppCommand) => mainWindow?.webContents.send(APP_COMMAND_CHANNEL, command);
  Menu.setApplicationMenu(Menu.buildFromTemplate(appMenuTemplate(process.platform === 'darwin', send)));

  const window = createMainWindow(BrowserWindow, paths.preload);
  mainWindow = window;
  window.on('closed', () => (mainWindow = undefined));
  window.once('ready-to-show', () => window.show());
  void window.loadURL(APP_ENTRY_URL);
});

app.on('window-all-closed', () => app.quit());
