import type { UserDataRecoveryResult } from '@common/security/user-data-backups';
import { BackupChooser } from './backup-chooser';

/** Under the unlock prompt: the backups, for a forgotten passphrase or a damaged file (closed until asked for). */
export function LockedBackups({ onRecovered }: { onRecovered: (result: UserDataRecoveryResult) => void }) {
  return (
    <details className="recovery recovery-locked">
      <summary>Passphrase not working, or the file damaged? Restore a backup</summary>
      <BackupChooser onRecovered={onRecovered} offerFreshStart={false} />
    </details>
  );
}
