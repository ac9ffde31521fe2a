import type { UserDataStatus } from '../../../common/security/user-data-status';
import { wipeKey } from '../../user-store/encryption/cipher-key';
import { fileSalt } from '../../user-store/encryption/file-kind';
import { forgetKey, isKeyRemembered, recallKey, type KeyVault } from '../../user-store/encryption/key-vault';
import { UserStoreOpenError } from '../../user-store/user-store-error';
import type { UserDataContext } from './user-data-context';

/** The notes' status as the window sees it: with whether the keyring can keep the key, and keeps it. */
export function statusWithKeyring(context: UserDataContext, vault: KeyVault | undefined): UserDataStatus {
  const current = context.status();
  if (!context.file) return current;
  return { ...current, remember: { available: Boolean(vault) && current.encrypted, remembered: Boolean(vault) && isKeyRemembered(context.file) } };
}

/** A key the keyring remembers opens locked notes at start; one that no longer does is forgotten. */
export function openWithRememberedKey(context: UserDataContext, vault: KeyVault | undefined): void {
  if (!vault || !context.file || context.status().state !== 'locked') return;
  const key = recallKey(context.file, vault);
  if (!key) {
    forgetKey(context.file);
    return;
  }
  const remembered = { key, salt: fileSalt(context.file) };
  try {
    context.open(remembered);
  } catch (error) {
    if (!(error instanceof UserStoreOpenError)) throw error;
    if (error.code === 'user-data-wrong-passphrase') forgetKey(context.file);
  } finally {
    wipeKey(remembered);
  }
}
