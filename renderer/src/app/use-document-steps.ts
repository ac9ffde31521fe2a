import { useCallback, useState } from 'react';
import type { LibraryView } from '@common/corpus/library-types';
import { callApi } from '../shared/data/call-api';

/**
 * n/p in the reader: the next or previous document of the library as it is sorted and filtered
 * now. At either end nothing opens, and `edge` says so (shown in the reader's status line).
 */
export function useDocumentSteps(view: LibraryView, open: (id: string) => void) {
  const [edge, setEdge] = useState<string>();
  const step = useCallback(
    async (id: string, direction: 1 | -1) => {
      const around = await callApi('listLibraryPage', { aroundId: id, limit: 1, view });
      if (!around.ok) return setEdge(around.error.message);
      const index = around.value.index ?? -1;
      const next = index < 0 ? 0 : index + direction;
      if (next < 0 || next >= around.value.total) {
        return setEdge(direction === 1 ? 'This is the last document of the library.' : 'This is the first document of the library.');
      }
      const page = await callApi('listLibraryPage', { offset: next, limit: 1, view });
      const row = page.ok ? page.value.rows[0] : undefined;
      if (!row) return setEdge(page.ok ? 'The library changed: go back to it and try again.' : page.error.message);
      setEdge(undefined);
      open(row.id);
    },
    [view, open],
  );
  return { step, edge, clearEdge: useCallback(() => setEdge(undefined), []) };
}
