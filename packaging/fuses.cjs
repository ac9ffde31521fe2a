// Electron fuses flipped into every packaged binary: options Carrel never needs are
// switched off in the executable itself, so no argument or variable can turn them back on.
const { FuseV1Options, FuseVersion } = require('@electron/fuses');

const CARREL_FUSES = {
  version: FuseVersion.V1,
  // Fail the build if a future Electron adds a fuse we have not decided on.
  strictlyRequireAllFuses: true,
  resetAdHocDarwinSignature: true,
  [FuseV1Options.RunAsNode]: false,
  [FuseV1Options.EnableCookieEncryption]: true,
  [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
  [FuseV1Options.EnableNodeCliInspectArguments]: false,
  [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
  [FuseV1Options.OnlyLoadAppFromAsar]: true,
  [FuseV1Options.LoadBrowserProcessSpecificV8Snapshot]: false,
  [FuseV1Options.GrantFileProtocolExtraPrivileges]: false,
  [FuseV1Options.WasmTrapHandlers]: true,
};

/** Path of the packed Electron executable (or .app bundle) for an electron-builder afterPack context. */
function packedElectronPath(context) {
  const { appOutDir, electronPlatformName, packager } = context;
  if (electronPlatformName === 'darwin' || electronPlatformName === 'mas') {
    return `${appOutDir}/${packager.appInfo.productFilename}.app`;
  }
  const name = packager.executableName;
  return `${appOutDir}/${electronPlatformName === 'win32' ? `${name}.exe` : name}`;
}

module.exports = { CARREL_FUSES, packedElectronPath };
