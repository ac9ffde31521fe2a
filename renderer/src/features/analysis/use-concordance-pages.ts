import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { ConcordanceLine, ConcordanceResponse, ConcordanceSort } from '@common/analysis/analysis-types';
import type { IpcError } from '@common/result';
import { callApi } from '../../shared/data/call-api';

export const PAGE_SIZE = 200;

export type ConcordanceRequest = { query: string; width: number; sort: ConcordanceSort; documentId?: string };

export type ConcordancePages = {
  /** The first page's answer (totals, documents), once it came. */
  first: ConcordanceResponse | undefined;
  error: IpcError | undefined;
  loading: boolean;
  lineAt(index: number): ConcordanceLine | undefined;
  /** Asks for the pages holding these lines, once each. */
  ensure(from: number, to: number): void;
};

type Pages = { key: string; first?: ConcordanceResponse; error?: IpcError; lines: Map<number, ConcordanceLine[]> };

/**
 * A concordance read page by page as it scrolls into view: the service keeps the whole answer,
 * so each page is a slice of it. A new request (query, width, sort, document) starts afresh;
 * answers to an older one are dropped.
 */
export function useConcordancePages(request: ConcordanceRequest | undefined): ConcordancePages {
  const key = request ? JSON.stringify(request) : '';
  const [state, setState] = useState<Pages>({ key: '', lines: new Map() });
  const asked = useRef({ key: '', pages: new Set<number>() });
  const latest = useRef(key);
  useEffect(() => {
    latest.current = key;
  }, [key]);
  const input = useMemo(() => (key ? (JSON.parse(key) as ConcordanceRequest) : undefined), [key]);

  const ensure = useCallback(
    (from: number, to: number) => {
      if (!input) return;
      if (asked.current.key !== key) asked.current = { key, pages: new Set() };
      const pages = asked.current.pages;
      for (let page = Math.floor(from / PAGE_SIZE); page <= Math.floor(to / PAGE_SIZE); page++) {
        if (pages.has(page)) continue;
        pages.add(page);
        void callApi('concordance', { ...input, offset: page * PAGE_SIZE, limit: PAGE_SIZE }).then((result) => {
          if (latest.current !== key) return;
          if (!result.ok) pages.delete(page);
          setState((current) => {
            const base: Pages = current.key === key ? current : { key, lines: new Map() };
            if (!result.ok) return { ...base, error: result.error };
            return { ...base, ...(page === 0 ? { first: result.value } : {}), lines: new Map(base.lines).set(page, result.value.lines) };
          });
        });
      }
    },
    [key, input],
  );
  useEffect(() => ensure(0, 0), [ensure]);

  const current = state.key === key ? state : undefined;
  const lineAt = useCallback((index: number) => current?.lines.get(Math.floor(index / PAGE_SIZE))?.[index % PAGE_SIZE], [current]);
  return {
    first: current?.first,
    error: current?.error,
    loading: Boolean(input) && !current?.first && !current?.error,
    lineAt,
    ensure,
  };
}
