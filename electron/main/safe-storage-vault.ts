import type { SafeStorage } from 'electron';
import type { KeyVault } from '../node/user-store/encryption/key-vault';

/**
 * Electron's safeStorage as a key vault, only where the OS keyring really protects what it
 * seals: on Linux, `basic_text` (a hard-coded password) and `unknown` count as no keyring.
 * Call after the app is ready (the backend is chosen then).
 */
export function safeStorageVault(safeStorage: SafeStorage, platform: NodeJS.Platform): KeyVault | undefined {
  if (!safeStorage.isEncryptionAvailable()) return undefined;
  if (platform === 'linux') {
    const backend = safeStorage.getSelectedStorageBackend();
    if (backend === 'basic_text' || backend === 'unknown') return undefined;
  }
  return { seal: (secret) => safeStorage.encryptString(secret), open: (sealed) => safeStorage.decryptString(sealed) };
}
