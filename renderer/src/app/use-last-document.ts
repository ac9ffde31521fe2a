import { useEffect, useRef, useState } from 'react';
import { callApi } from '../shared/data/call-api';

/**
 * The document open in the reader is remembered (the settings file beside the notes database)
 * and reopened at the next launch, once, when the app starts on the library.
 * `open` is the reader's document id now, or null on any other view.
 */
export function useLastDocument(open: string | null, ready: boolean, reopen: (id: string) => void) {
  const asked = useRef(false);
  const remembered = useRef<string | null | undefined>(undefined);
  const [loaded, setLoaded] = useState(false);
  useEffect(() => {
    if (!ready || asked.current) return;
    asked.current = true;
    void callApi('getLastDocument', undefined).then((result) => {
      setLoaded(true);
      if (result.ok && result.value) reopen(result.value);
    });
  }, [ready, reopen]);
  useEffect(() => {
    // Not before the last one is read back: the library shown first must not forget it.
    if (!loaded || remembered.current === open) return;
    remembered.current = open;
    void callApi('rememberOpenDocument', { documentId: open });
  }, [open, loaded]);
}
