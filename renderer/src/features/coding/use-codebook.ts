import { useMemo } from 'react';
import type { Code } from '@common/coding/coding-types';
import type { Method } from '@common/ipc/ipc-contract';
import { useApiQuery } from '../../shared/data/use-api-query';

const NO_CODES: readonly Code[] = [];

/** Every query a change of the codebook or of a coding makes stale. */
export const CODING_QUERIES = ['listCodebook', 'listDocumentCodings', 'getCodingMatrix', 'listCodedPassages'] as const satisfies readonly Method[];

/** The codebook of the open corpus, with its codes by id. */
export function useCodebook() {
  const query = useApiQuery('listCodebook', undefined);
  const codes = query.value?.codes ?? NO_CODES;
  const byId = useMemo(() => new Map(codes.map((c) => [c.id, c])), [codes]);
  return { codes, byId, error: query.error, loading: query.loading };
}
