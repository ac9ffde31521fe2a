// Before `npm start`: make sure the Electron binary is present and that better-sqlite3 and
// better-sqlite3-multiple-ciphers have builds for Electron's ABI, kept apart from the Node builds
// in node_modules that the tests use.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);
const root = path.resolve(import.meta.dirname, '..');
const electronDir = path.dirname(require.resolve('electron/package.json'));
const electronVersion = require('electron/package.json').version;

// package.json's allowScripts keeps Electron's download out of `npm install` (it fails on
// machines that reach only the npm registry); fetch it here, where the app actually needs it.
if (!fs.existsSync(path.join(electronDir, 'path.txt'))) {
  console.log(`Downloading the Electron ${electronVersion} binary…`);
  try {
    execFileSync(process.execPath, [path.join(electronDir, 'install.js')], { stdio: 'inherit' });
  } catch {
    console.error('Could not download Electron. The tests (npm test) still run; the desktop app needs the Electron binary.');
    process.exit(1);
  }
}

// Each native SQLite driver, built for Electron's ABI into .cache/electron-native/ (the app passes
// it as nativeBinding, see electron/main/app-paths.ts): better-sqlite3 for the corpus,
// better-sqlite3-multiple-ciphers for the (optionally encrypted) notes database.
const NATIVE_MODULES = [
  { name: 'better-sqlite3', file: 'better_sqlite3.node' },
  { name: 'better-sqlite3-multiple-ciphers', file: 'better_sqlite3_multiple_ciphers.node' },
];

for (const { name, file } of NATIVE_MODULES) {
  const target = path.join(root, '.cache', 'electron-native', file);
  const stamp = `${target}.electron-${electronVersion}`;
  if (fs.existsSync(target) && fs.existsSync(stamp)) continue;

  console.log(`Building ${name} for Electron ${electronVersion} (kept in .cache/, node_modules stays for Node)…`);
  fs.mkdirSync(path.join(root, '.cache'), { recursive: true });
  const work = fs.mkdtempSync(path.join(root, '.cache', 'bsq-'));
  try {
    const sourceDir = path.dirname(require.resolve(`${name}/package.json`));
    fs.cpSync(sourceDir, work, { recursive: true, filter: (p) => !p.includes(`${path.sep}build${path.sep}`) });
    const opts = { cwd: work, stdio: 'inherit' };
    try {
      execFileSync('npx', ['--no-install', 'prebuild-install', '--runtime', 'electron', '--target', electronVersion], opts);
    } catch {
      execFileSync('npx', ['--no-install', 'node-gyp', 'rebuild', '--release', '--runtime=electron', `--target=${electronVersion}`, '--dist-url=https://electronjs.org/headers'], opts);
    }
    fs.mkdirSync(path.dirname(target), { recursive: true });
    // Both packages name their addon better_sqlite3.node.
    fs.copyFileSync(path.join(work, 'build', 'Release', 'better_sqlite3.node'), target);
    fs.writeFileSync(stamp, '');
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}
