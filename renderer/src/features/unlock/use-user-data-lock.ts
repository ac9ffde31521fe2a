import { useCallback, useEffect, useState } from 'react';
import type { UserDataStatus } from '../../../../electron/common/security/user-data-status';
import { api } from '../../shared/api';
import { notifyUserDataChanged } from '../../shared/user-data-version';

/** Whether the notes are locked, asked once at start (undefined until known); `unlocked` records a successful unlock. */
export function useUserDataLock(): { status: UserDataStatus | undefined; unlocked: (status: UserDataStatus) => void } {
  const [status, setStatus] = useState<UserDataStatus>();
  useEffect(() => {
    let current = true;
    void api()
      .getUserDataStatus()
      .then((result) => {
        // If the state cannot be read, the views show the reason themselves as before.
        if (current) setStatus(result.ok ? result.value : { state: 'unavailable', encrypted: false, file: null });
      });
    return () => {
      current = false;
    };
  }, []);
  const unlocked = useCallback((next: UserDataStatus) => {
    setStatus(next);
    // Views that listed user data while locked fetch it again.
    notifyUserDataChanged();
  }, []);
  return { status, unlocked };
}
