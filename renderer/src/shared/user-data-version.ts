import { useSyncExternalStore } from 'react';

/**
 * A counter bumped whenever the user's data changes in a way other views must see (create,
 * delete, undo). Views that list user data pass it as a dependency to refetch. Typing in a
 * note does not bump it: the editor owns its text.
 */
let version = 0;
const listeners = new Set<() => void>();

export function notifyUserDataChanged(): void {
  version += 1;
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useUserDataVersion(): number {
  return useSyncExternalStore(subscribe, () => version);
}
