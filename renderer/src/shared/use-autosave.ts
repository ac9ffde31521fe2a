import { useCallback, useEffect, useSyncExternalStore } from 'react';
import { changeSave, flushSave, registerSave, saveStatus, subscribeSave, type SaveFn, type SaveStatus } from './pending-saves';

export type { SaveStatus } from './pending-saves';

/**
 * Saves a value about `delay` ms after the last change, one save at a time, always the newest
 * value. Pending text is saved at once when the window is hidden or closed and when the editor
 * goes away. A value that could not be saved stays in pending-saves.ts under `key` (retried
 * while a retry may work) and comes back when an editor on the same key opens again.
 */
export function useAutosave<T>(key: string, save: SaveFn<T>, label: string, delay = 1000) {
  // The newest closure saves, also after this editor is gone.
  useEffect(() => registerSave(key, save, label));
  const status: SaveStatus = useSyncExternalStore(
    useCallback((listener: () => void) => subscribeSave(key, listener), [key]),
    () => saveStatus(key),
  );
  const change = useCallback((value: T) => changeSave(key, value, delay), [key, delay]);
  const flush = useCallback(() => flushSave(key), [key]);

  useEffect(() => {
    const onHide = () => {
      if (document.visibilityState === 'hidden') void flushSave(key);
    };
    const onLeave = () => void flushSave(key);
    document.addEventListener('visibilitychange', onHide);
    window.addEventListener('pagehide', onLeave);
    window.addEventListener('beforeunload', onLeave);
    return () => {
      document.removeEventListener('visibilitychange', onHide);
      window.removeEventListener('pagehide', onLeave);
      window.removeEventListener('beforeunload', onLeave);
      void flushSave(key); // the editor is going away: save what it holds (kept and retried if that fails)
    };
  }, [key]);

  return { status, change, flush };
}
