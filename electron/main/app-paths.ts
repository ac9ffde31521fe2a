import fs from 'node:fs';
import path from 'node:path';

/** Where the shell finds its files, in a checkout (`npm start`) and in a packaged app alike. */
export function appPaths(appPath: string, resourcesPath: string, isPackaged: boolean) {
  const resources = isPackaged ? resourcesPath : path.join(appPath, 'resources');
  const nativeBinding = path.join(appPath, '.cache', 'electron-native', 'better_sqlite3.node');
  // The notes database's driver (SQLite3MultipleCiphers), built for Electron the same way.
  const userDbNativeBinding = path.join(appPath, '.cache', 'electron-native', 'better_sqlite3_multiple_ciphers.node');
  return {
    rendererDir: path.join(appPath, 'out', 'renderer'),
    preload: path.join(appPath, 'out', 'preload', 'index.js'),
    corpusFile: process.env.CARREL_CORPUS || path.join(resources, 'corpus', 'carrel.sqlite'),
    /** The CSL citation styles Carrel ships (CC BY-SA 3.0). */
    cslDir: path.join(resources, 'csl'),
    /** The REFI-QDA schemas a coding import is checked with (MIT, resources/refi-qda/NOTICE.md). */
    refiSchemaDir: path.join(resources, 'refi-qda'),
    nativeBinding: fs.existsSync(nativeBinding) ? nativeBinding : undefined,
    userDbNativeBinding: fs.existsSync(userDbNativeBinding) ? userDbNativeBinding : undefined,
  };
}

/** The user's notes database, in Electron's per-user data folder (CARREL_USER_DB overrides it). */
export function userDatabaseFile(userDataDir: string): string {
  return process.env.CARREL_USER_DB || path.join(userDataDir, 'carrel-user.sqlite');
}

/** Carrel's own files in the per-user data folder, beside the notes database. */
export function userFiles(userDataDir: string) {
  const userDbFile = userDatabaseFile(userDataDir);
  return {
    userDbFile,
    /** "Recent corpora": paths and titles of corpus files opened or built before. */
    recentCorporaFile: path.join(path.dirname(userDbFile), 'carrel-corpora.json'),
    /** The theme and reading typography, remembered across launches. */
    settingsFile: path.join(path.dirname(userDbFile), 'carrel-settings.json'),
    /** Where corpora built in the app go unless the user picks another place. */
    corporaDir: path.join(userDataDir, 'corpora'),
  };
}
