import { createRequire } from 'node:module';
import { FuseV1Options, FuseVersion } from '@electron/fuses';
import { describe, expect, it } from 'vitest';

const require = createRequire(import.meta.url);
const config = require('../../electron-builder.config.cjs');
const { CARREL_FUSES, packedElectronPath } = require('../../packaging/fuses.cjs');

describe('electron-builder configuration', () => {
  it('builds AppImage and deb, NSIS and dmg, with no publishing or update feed', () => {
    expect(config.linux.target).toEqual(['AppImage', 'deb']);
    expect(config.win.target).toEqual(['nsis']);
    expect(config.mac.target).toEqual(['dmg']);
    expect(config.publish).toBeNull();
    expect(config.asar).toBe(true);
    expect(config.afterPack).toBe('./packaging/after-pack.cjs');
    expect(config.extraResources).toContainEqual({ from: 'resources/corpus/carrel.sqlite', to: 'corpus/carrel.sqlite' });
    // The REFI-QDA schemas an import is checked with (appPaths' refiSchemaDir), and xmllint-wasm's
    // worker outside the archive, since it reads its .wasm from its own folder.
    expect(config.extraResources).toContainEqual({ from: 'resources/refi-qda', to: 'refi-qda' });
    expect(config.asarUnpack).toContain('node_modules/xmllint-wasm/**');
  });
});

describe('fuses', () => {
  it('switch off running as Node, NODE_OPTIONS, inspect arguments and file:// privileges', () => {
    expect(CARREL_FUSES).toMatchObject({
      version: FuseVersion.V1,
      strictlyRequireAllFuses: true,
      [FuseV1Options.RunAsNode]: false,
      [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
      [FuseV1Options.EnableNodeCliInspectArguments]: false,
      [FuseV1Options.GrantFileProtocolExtraPrivileges]: false,
    });
  });

  it('switch on asar integrity, asar-only loading and cookie encryption', () => {
    expect(CARREL_FUSES).toMatchObject({
      [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
      [FuseV1Options.OnlyLoadAppFromAsar]: true,
      [FuseV1Options.EnableCookieEncryption]: true,
    });
  });

  it('decide every fuse this @electron/fuses knows, as strictlyRequireAllFuses demands', () => {
    const known = Object.values(FuseV1Options).filter((v) => typeof v === 'number');
    for (const fuse of known) expect(typeof CARREL_FUSES[fuse]).toBe('boolean');
  });

  it('find the packed binary on each platform', () => {
    const packager = { executableName: 'carrel', appInfo: { productFilename: 'Carrel' } };
    expect(packedElectronPath({ appOutDir: '/o', electronPlatformName: 'linux', packager })).toBe('/o/carrel');
    expect(packedElectronPath({ appOutDir: '/o', electronPlatformName: 'win32', packager })).toBe('/o/carrel.exe');
    expect(packedElectronPath({ appOutDir: '/o', electronPlatformName: 'darwin', packager })).toBe('/o/Carrel.app');
  });
});
