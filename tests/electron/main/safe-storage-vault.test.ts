import type { SafeStorage } from 'electron';
import { describe, expect, it } from 'vitest';
import { safeStorageVault } from '../../../electron/main/safe-storage-vault';

function fakeSafeStorage(available: boolean, backend: ReturnType<SafeStorage['getSelectedStorageBackend']>): SafeStorage {
  return {
    isEncryptionAvailable: () => available,
    getSelectedStorageBackend: () => backend,
    encryptString: (text: string) => Buffer.from(`sealed:${text}`),
    decryptString: (sealed: Buffer) => sealed.toString().slice('sealed:'.length),
    isAsyncEncryptionAvailable: () => Promise.resolve(available),
    setUsePlainTextEncryption: () => {},
  } as unknown as SafeStorage;
}

describe('safeStorageVault', () => {
  it('treats Linux basic_text (and an unknown backend) as no keyring at all', () => {
    expect(safeStorageVault(fakeSafeStorage(true, 'basic_text'), 'linux')).toBeUndefined();
    expect(safeStorageVault(fakeSafeStorage(true, 'unknown'), 'linux')).toBeUndefined();
  });

  it('uses a real keyring, and nothing when encryption is unavailable', () => {
    const vault = safeStorageVault(fakeSafeStorage(true, 'gnome_libsecret'), 'linux')!;
    expect(vault.open(vault.seal('00ff'))).toBe('00ff');
    expect(safeStorageVault(fakeSafeStorage(true, 'basic_text'), 'darwin')).toBeDefined();
    expect(safeStorageVault(fakeSafeStorage(false, 'kwallet5'), 'linux')).toBeUndefined();
    expect(safeStorageVault(fakeSafeStorage(false, 'unknown'), 'win32')).toBeUndefined();
  });
});
