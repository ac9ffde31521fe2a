import { useCallback, useEffect, useState } from 'react';
import type { UserDataStatus } from '@common/security/user-data-status';
import { useQueryClient } from '@tanstack/react-query';
import { callApi } from '../../shared/data/call-api';
import { invalidate } from '../../shared/data/use-api-mutation';
import { USER_DATA_QUERIES } from '../../shared/data/user-data-queries';

/** Whether the notes are locked, asked once at start (undefined until known); `unlocked` records a successful unlock. */
export function useUserDataLock(): { status: UserDataStatus | undefined; unlocked: (status: UserDataStatus) => void } {
  const [status, setStatus] = useState<UserDataStatus>();
  useEffect(() => {
    let current = true;
    void callApi('getUserDataStatus', undefined).then((result) => {
        // If the state cannot be read, the views show the reason themselves as before.
        if (current) setStatus(result.ok ? result.value : { state: 'unavailable', encrypted: false, file: null });
      });
    return () => {
      current = false;
    };
  }, []);
  const client = useQueryClient();
  const unlocked = useCallback(
    (next: UserDataStatus) => {
      setStatus(next);
      // Views that listed user data while locked fetch it again.
      void invalidate(client, USER_DATA_QUERIES);
    },
    [client],
  );
  return { status, unlocked };
}
