import { useCallback, useEffect, useRef, useState } from 'react';
import { callApi } from '../../shared/data/call-api';
import { failureText } from '../../shared/data/use-api-mutation';
import { useReportError } from '../../shared/data/error-reporter';

const SAVE_EVERY_MS = 1500;

/**
 * The reading position of a document: where it was left (null while unknown or never read),
 * and a reporter that saves the current offset at most every 1.5 s, and at once on hide/close.
 */
export function useReadingPosition(documentId: string) {
  const [restored, setRestored] = useState<{ documentId: string; offset: number | null } | null>(null);
  const latest = useRef<number | null>(null);
  const saved = useRef<number | null>(null);
  const timer = useRef<number>(undefined);
  const reportError = useReportError();
  // Saved every few seconds while reading: a failure is said once per opening, not at every scroll.
  const reported = useRef(false);

  useEffect(() => {
    let current = true;
    // Not known: the document opens at its start, as if never read.
    void callApi('getReadingPosition', { documentId }).then((result) => {
      if (current) setRestored({ documentId, offset: result.ok && result.value ? result.value.offset : null });
    });
    return () => {
      current = false;
    };
  }, [documentId]);

  const save = useCallback(() => {
    window.clearTimeout(timer.current);
    timer.current = undefined;
    const offset = latest.current;
    if (offset === null || offset === saved.current) return;
    saved.current = offset;
    void callApi('setReadingPosition', { documentId, offset }).then((result) => {
      if (result.ok || reported.current) return;
      reported.current = true;
      reportError(failureText('The reading position was not saved', result.error));
    });
  }, [documentId, reportError]);

  const report = useCallback(
    (offset: number) => {
      latest.current = offset;
      timer.current ??= window.setTimeout(save, SAVE_EVERY_MS);
    },
    [save],
  );

  useEffect(() => {
    const onHide = () => document.visibilityState === 'hidden' && save();
    document.addEventListener('visibilitychange', onHide);
    window.addEventListener('pagehide', save);
    return () => {
      document.removeEventListener('visibilitychange', onHide);
      window.removeEventListener('pagehide', save);
      save(); // leaving the document
      latest.current = null;
      saved.current = null;
    };
  }, [save]);

  const current = useCallback(() => latest.current ?? (restored?.documentId === documentId ? restored.offset : null) ?? 0, [documentId, restored]);
  return { restored: restored?.documentId === documentId ? restored : null, report, current };
}
