import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { PlaceSource, ReadingPlace } from '../../shared/reader-types';
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
  // How far the window's bottom has shown (only grows), saved with the position.
  const seen = useRef(0);
  const savedSeen = useRef(0);
  const place = useMemo(() => createPlaceSource(), []);
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
    if (offset === null || (offset === saved.current && seen.current === savedSeen.current)) return;
    saved.current = offset;
    savedSeen.current = seen.current;
    void callApi('setReadingPosition', { documentId, offset, seenTo: seen.current }).then((result) => {
      if (result.ok || reported.current) return;
      reported.current = true;
      reportError(failureText('The reading position was not saved', result.error));
    });
  }, [documentId, reportError]);

  const report = useCallback(
    (offset: number, seenTo = offset, readingAt = offset) => {
      latest.current = offset;
      seen.current = Math.max(seen.current, seenTo);
      place.set({ offset, seenTo, readingAt });
      timer.current ??= window.setTimeout(save, SAVE_EVERY_MS);
    },
    [save, place],
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
      seen.current = 0;
      savedSeen.current = 0;
    };
  }, [save]);

  const current = useCallback(() => latest.current ?? (restored?.documentId === documentId ? restored.offset : null) ?? 0, [documentId, restored]);
  return { restored: restored?.documentId === documentId ? restored : null, report, current, place: place.source };
}

/** A small store of the reading place: set at every reported frame, followed by the contents and the progress bar. */
function createPlaceSource(): { set(place: ReadingPlace): void; source: PlaceSource } {
  let value: ReadingPlace = { offset: 0, seenTo: 0, readingAt: 0 };
  const listeners = new Set<() => void>();
  return {
    set(next) {
      if (next.offset === value.offset && next.seenTo === value.seenTo && next.readingAt === value.readingAt) return;
      value = next;
      listeners.forEach((listener) => listener());
    },
    source: {
      subscribe(listener) {
        listeners.add(listener);
        return () => void listeners.delete(listener);
      },
      get: () => value,
    },
  };
}
