import { useEffect, useState, type RefObject } from 'react';
import { topInset } from './use-reader-extensions';

/**
 * The page being read in a paginated document: the label of the last page marker above the
 * top of the text in view (the first page before any; at the end of the text, the last marker in
 * view), followed as the user scrolls, at most
 * once a frame. undefined for a document without pages.
 */
export function useCurrentPage(
  body: RefObject<HTMLElement | null>,
  paginated: boolean,
  /** The page of an offset: a long document draws a window of its text, whose first paragraph may be well into a page. */
  pageOf?: (offset: number) => string | undefined,
): string | undefined {
  const [page, setPage] = useState<string | undefined>(undefined);
  useEffect(() => {
    if (!paginated) return;
    let frame = 0;
    const update = () => {
      const markers = body.current?.querySelectorAll<HTMLElement>('.page-marker[data-page]') ?? [];
      // Scrolled to the end, the last pages cannot reach the top: the lowest marker in view is the page.
      const root = document.documentElement;
      const atEnd = window.scrollY > 0 && window.scrollY + window.innerHeight >= root.scrollHeight - 4;
      const line = atEnd ? window.innerHeight : topInset() + 24;
      const drawnFrom = body.current?.classList.contains('virtual') ? body.current.querySelector<HTMLElement>('p[data-start]') : null;
      let current: string | undefined = (drawnFrom && pageOf?.(Number(drawnFrom.dataset.start))) || markers[0]?.dataset.page;
      for (const marker of markers) {
        if (marker.getBoundingClientRect().top > line) break;
        current = marker.dataset.page;
      }
      setPage(current);
    };
    const onScroll = () => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(update);
    };
    frame = requestAnimationFrame(update);
    window.addEventListener('scroll', onScroll, { passive: true });
    return () => {
      cancelAnimationFrame(frame);
      window.removeEventListener('scroll', onScroll);
    };
  }, [body, paginated, pageOf]);
  return paginated ? page : undefined;
}
