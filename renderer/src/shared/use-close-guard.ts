import { useEffect } from 'react';
import { hasUnsavedFailures } from './pending-saves';

/**
 * While text that could not be saved is kept in the window, closing or reloading it is refused
 * (`beforeunload`): Electron then asks main (`will-prevent-unload`), which asks the user
 * whether to keep Carrel open (electron/main/unsaved-close.ts).
 */
export function useCloseGuard(): void {
  useEffect(() => {
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      if (!hasUnsavedFailures()) return;
      event.preventDefault();
      // Older engines ask for a return value as well.
      event.returnValue = '';
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => window.removeEventListener('beforeunload', onBeforeUnload);
  }, []);
}
