import { useCallback, useEffect, useRef, useState } from 'react';
import type { Result } from '../../../electron/common/result';

export type SaveStatus = { state: 'saved' | 'unsaved' | 'saving' } | { state: 'error'; message: string };

const RETRY_MS = 3000;
/** Failures that a retry cannot fix (the item was deleted, the input is refused). */
const PERMANENT = new Set(['not-found', 'invalid-argument']);
/** Retries once the editor is gone (no one sees its status any more). */
const RETRIES_AFTER_CLOSE = 5;

/**
 * Saves a value about `delay` ms after the last change, one save at a time, always the newest
 * value. Pending text is saved at once when the window is hidden or closed and when the editor
 * goes away, so a crash or a close loses at most the last second of typing.
 */
export function useAutosave<T>(save: (value: T) => Promise<Result<unknown>>, delay = 1000) {
  const [status, setStatus] = useState<SaveStatus>({ state: 'saved' });
  const pending = useRef<{ value: T } | null>(null);
  const chain = useRef<Promise<void>>(Promise.resolve());
  const timer = useRef<number>(undefined);
  const saveRef = useRef(save);
  const flushRef = useRef<() => Promise<void>>(undefined);
  const disposed = useRef(false);
  const retriesLeft = useRef(RETRIES_AFTER_CLOSE);
  useEffect(() => {
    saveRef.current = save;
  });

  const flush = useCallback(() => {
    window.clearTimeout(timer.current);
    chain.current = chain.current.then(async () => {
      const job = pending.current;
      if (!job) return;
      pending.current = null;
      setStatus({ state: 'saving' });
      let result: Result<unknown>;
      try {
        result = await saveRef.current(job.value);
      } catch (error) {
        result = { ok: false, error: { code: 'bridge', message: String((error as Error)?.message ?? error) } };
      }
      if (!result.ok) {
        setStatus({ state: 'error', message: result.error.message });
        if (PERMANENT.has(result.error.code)) return;
        if (disposed.current && retriesLeft.current-- <= 0) return;
        // Keep the text and retry, unless newer text is already waiting.
        pending.current ??= job;
        timer.current = window.setTimeout(() => void flushRef.current?.(), RETRY_MS);
        return;
      }
      retriesLeft.current = RETRIES_AFTER_CLOSE;
      setStatus(pending.current ? { state: 'unsaved' } : { state: 'saved' });
    });
    return chain.current;
  }, []);
  useEffect(() => {
    flushRef.current = flush;
  }, [flush]);

  const change = useCallback(
    (value: T) => {
      pending.current = { value };
      setStatus({ state: 'unsaved' });
      window.clearTimeout(timer.current);
      timer.current = window.setTimeout(flush, delay);
    },
    [delay, flush],
  );

  useEffect(() => {
    disposed.current = false;
    const onHide = () => {
      if (document.visibilityState === 'hidden') void flush();
    };
    const onLeave = () => void flush();
    document.addEventListener('visibilitychange', onHide);
    window.addEventListener('pagehide', onLeave);
    window.addEventListener('beforeunload', onLeave);
    return () => {
      document.removeEventListener('visibilitychange', onHide);
      window.removeEventListener('pagehide', onLeave);
      window.removeEventListener('beforeunload', onLeave);
      disposed.current = true;
      void flush(); // the editor is going away: save what it holds (once, no retries)
    };
  }, [flush]);

  return { status, change, flush };
}
