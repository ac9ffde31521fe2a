import { firstVisibleOffset } from './use-reader-extensions';

/**
 * Moves focus to the next (1) or previous (-1) paragraph of the body and into view. From
 * outside the text, j starts at the first paragraph in view and k at the one above it.
 * False at either end (nothing to move to).
 */
export function stepParagraph(root: HTMLElement, direction: 1 | -1): boolean {
  const paragraphs = [...root.querySelectorAll<HTMLElement>('p[data-start]')];
  if (paragraphs.length === 0) return false;
  const focused = document.activeElement instanceof HTMLElement ? paragraphs.indexOf(document.activeElement) : -1;
  let target: number;
  if (focused >= 0) target = focused + direction;
  else {
    const top = firstVisibleOffset(root) ?? 0;
    const first = paragraphs.findIndex((p) => Number(p.dataset.end) > top);
    target = first < 0 ? paragraphs.length - 1 : direction === 1 ? first : first - 1;
  }
  const next = paragraphs[target];
  if (!next) return false;
  next.focus({ preventScroll: true });
  next.scrollIntoView({ block: 'nearest' });
  return true;
}
