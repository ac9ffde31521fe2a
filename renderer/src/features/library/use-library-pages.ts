import { useCallback, useEffect, useRef, useState } from 'react';
import { DEFAULT_LIBRARY_VIEW, type LibraryRow, type LibraryView } from '@common/corpus/library-types';
import type { IpcError } from '@common/result';
import { callApi } from '../../shared/data/call-api';

/** Rows per request: about 20 KB of JSON, a few screens of rows. */
export const LIBRARY_PAGE_SIZE = 200;

export type LibraryPages =
  | { status: 'loading' }
  | { status: 'error'; error: IpcError }
  | {
      status: 'ready';
      total: number;
      /** Position of the document asked for (focusId), or -1. */
      focusIndex: number;
      /** The row at a position, or undefined while its page is on its way. */
      rowAt(index: number): LibraryRow | undefined;
      /** Asks for the pages covering [first, last] that are neither loaded nor on their way. */
      ensure(first: number, last: number): void;
    };

/**
 * The library list fetched page by page as it scrolls into view, so a corpus of 100k+
 * documents crosses IPC a window at a time. Pages stay cached for the life of the view; mount
 * one per sort and filter (`view`).
 */
export function useLibraryPages(focusId?: string, view: LibraryView = DEFAULT_LIBRARY_VIEW): LibraryPages {
  const pages = useRef(new Map<number, LibraryRow[]>());
  const pending = useRef(new Set<number>());
  const [, setVersion] = useState(0);
  const [head, setHead] = useState<{ total: number; focusIndex: number } | { error: IpcError }>();

  // Only the first load depends on focusId: later pages are asked for by position.
  useEffect(() => {
    let current = true;
    const request = focusId ? { aroundId: focusId, limit: LIBRARY_PAGE_SIZE, view } : { offset: 0, limit: LIBRARY_PAGE_SIZE, view };
    void callApi('listLibraryPage', request).then((result) => {
      if (!current) return;
      if (!result.ok) return setHead({ error: result.error });
      pages.current.set(result.value.offset / LIBRARY_PAGE_SIZE, result.value.rows);
      setHead({ total: result.value.total, focusIndex: result.value.index ?? -1 });
    });
    return () => {
      current = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const ensure = useCallback((first: number, last: number) => {
    for (let page = Math.floor(first / LIBRARY_PAGE_SIZE); page <= Math.floor(last / LIBRARY_PAGE_SIZE); page++) {
      if (page < 0 || pages.current.has(page) || pending.current.has(page)) continue;
      pending.current.add(page);
      void callApi('listLibraryPage', { offset: page * LIBRARY_PAGE_SIZE, limit: LIBRARY_PAGE_SIZE, view }).then((result) => {
        pending.current.delete(page);
        // A failed page stays a placeholder and is asked for again when it next comes into view.
        if (!result.ok) return;
        pages.current.set(page, result.value.rows);
        setVersion((v) => v + 1);
      });
    }
    // One view per mount (the library view is keyed by it).
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const rowAt = useCallback(
    (index: number) => pages.current.get(Math.floor(index / LIBRARY_PAGE_SIZE))?.[index % LIBRARY_PAGE_SIZE],
    [],
  );

  if (!head) return { status: 'loading' };
  if ('error' in head) return { status: 'error', error: head.error };
  return { status: 'ready', total: head.total, focusIndex: head.focusIndex, rowAt, ensure };
}
