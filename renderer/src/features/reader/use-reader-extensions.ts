import { useEffect, useRef, useState, type RefObject } from 'react';
import type { Decoration } from '../../shared/decorations';
import type { ScrollTarget, TextSelection } from '../../shared/reader-types';
import { offsetToRange, pointToOffset, rangeToOffsets } from '../../shared/selection-offsets';

/** The sticky header's height, declared once in CSS as scroll-padding-top. */
export function topInset(): number {
  return parseFloat(getComputedStyle(document.documentElement).scrollPaddingTop) || 0;
}

/** Reports the selection inside the document body after the pointer is released or the keyboard changes it. */
export function useSelectionReporting(body: RefObject<HTMLElement | null>, ready: boolean, onChange?: (s: TextSelection | null) => void) {
  const callback = useRef(onChange);
  useEffect(() => {
    callback.current = onChange;
  });
  useEffect(() => {
    if (!ready || !onChange) return;
    let pointerDown = false;
    let frame = 0;
    const report = () => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => {
        // A modal dialog's field (the command palette) takes the selection for a while; the
        // dialog gives it back when it closes, so the reader keeps the one it had.
        if (document.activeElement?.closest('[aria-modal="true"]')) return;
        const root = body.current;
        const selection = document.getSelection();
        if (!root || !selection || selection.rangeCount === 0 || selection.isCollapsed) return callback.current?.(null);
        const range = selection.getRangeAt(0);
        if (!range.intersectsNode(root)) return callback.current?.(null);
        const offsets = rangeToOffsets(root, range);
        if (!offsets) return callback.current?.(null);
        const rects = range.getClientRects();
        const first = rects[0] ?? range.getBoundingClientRect();
        const last = rects[rects.length - 1] ?? first;
        callback.current?.({ ...offsets, rect: { top: first.top, left: first.left, bottom: last.bottom, right: last.right } });
      });
    };
    const onSelectionChange = () => {
      if (!pointerDown) report();
    };
    const onPointerDown = () => {
      pointerDown = true;
    };
    const onPointerUp = () => {
      pointerDown = false;
      report();
    };
    // The selection moves with the text: report it again so a toolbar can follow.
    const onScroll = () => {
      if (!pointerDown && document.getSelection()?.isCollapsed === false) report();
    };
    document.addEventListener('selectionchange', onSelectionChange);
    document.addEventListener('pointerdown', onPointerDown);
    document.addEventListener('pointerup', onPointerUp);
    window.addEventListener('scroll', onScroll, { passive: true });
    return () => {
      cancelAnimationFrame(frame);
      window.removeEventListener('scroll', onScroll);
      document.removeEventListener('selectionchange', onSelectionChange);
      document.removeEventListener('pointerdown', onPointerDown);
      document.removeEventListener('pointerup', onPointerUp);
    };
  }, [body, ready, onChange]);
}

/** Offset of the first text visible below the sticky header. */
export function firstVisibleOffset(root: HTMLElement): number | null {
  const inset = topInset();
  const paragraphs = root.querySelectorAll<HTMLElement>('p[data-start]');
  for (const p of paragraphs) {
    const rect = p.getBoundingClientRect();
    if (rect.bottom <= inset) continue;
    if (rect.top >= inset) return Number(p.dataset.start);
    // The paragraph straddles the top edge: ask which character sits there.
    const caret = document.caretRangeFromPoint?.(rect.left + rect.width / 2, inset + 12);
    const offset = caret && p.contains(caret.startContainer) ? pointToOffset(root, caret.startContainer, caret.startOffset, 'start') : null;
    return offset ?? Number(p.dataset.start);
  }
  return null;
}

/**
 * How far the window shows the text: the end of the last paragraph wholly above the window's
 * bottom, or the text's length once the end of the body is in view.
 */
export function seenToOffset(root: HTMLElement, textLength: number): number {
  if (root.getBoundingClientRect().bottom <= window.innerHeight + 1) return textLength;
  let seen = 0;
  for (const p of root.querySelectorAll<HTMLElement>('p[data-start]')) {
    const rect = p.getBoundingClientRect();
    if (rect.top >= window.innerHeight) break;
    seen = rect.bottom <= window.innerHeight ? Number(p.dataset.end) : Number(p.dataset.start);
  }
  return seen;
}

/**
 * Where the eye is: the start of the last paragraph beginning in the top quarter of the text in
 * view (else the first visible offset). A heading just scrolled to the top is the section read.
 */
export function readingLineOffset(root: HTMLElement): number | null {
  const inset = topInset();
  const line = inset + (window.innerHeight - inset) / 4;
  let found: number | null = null;
  for (const p of root.querySelectorAll<HTMLElement>('p[data-start]')) {
    const rect = p.getBoundingClientRect();
    if (rect.bottom <= inset) continue;
    if (rect.top > line) break;
    found = Number(p.dataset.start);
  }
  return found ?? firstVisibleOffset(root);
}

/**
 * Reports the reading position (first visible offset) and how far the window shows the text as
 * the user scrolls, at most once a frame; once at the start too when there is nothing to scroll.
 */
export function useReadingOffset(
  body: RefObject<HTMLElement | null>,
  ready: boolean,
  textLength: number,
  onChange?: (offset: number, seenTo: number, readingAt: number) => void,
) {
  useEffect(() => {
    if (!ready || !onChange) return;
    let frame = 0;
    const report = () => {
      const offset = body.current ? firstVisibleOffset(body.current) : null;
      if (offset !== null && body.current) onChange(offset, seenToOffset(body.current, textLength), readingLineOffset(body.current) ?? offset);
    };
    const onScroll = () => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(report);
    };
    // A document that fits in the window is read without scrolling.
    frame = requestAnimationFrame(() => {
      if (document.documentElement.scrollHeight <= window.innerHeight + 1) report();
    });
    window.addEventListener('scroll', onScroll, { passive: true });
    return () => {
      cancelAnimationFrame(frame);
      window.removeEventListener('scroll', onScroll);
    };
  }, [body, ready, textLength, onChange]);
}

const FLASH_MS = 2000;

/** Scrolls to a target once the text is shown; returns a short-lived decoration flashing the target span. */
export function useScrollTarget(
  body: RefObject<HTMLElement | null>,
  ready: boolean,
  target: ScrollTarget | undefined,
  /** Brings the target's text into the DOM first (a long document draws a window of it). */
  reveal: RefObject<(offset: number, then: () => void) => () => void>,
): Decoration | null {
  const [flash, setFlash] = useState<Decoration | null>(null);
  const done = useRef<string | null>(null);
  useEffect(() => {
    if (!ready || !target || !body.current || done.current === target.key) return;
    done.current = target.key;
    let frame = 0;
    let timer = 0;
    let scrolled = false;
    const scroll = () => {
      scrolled = true;
      const root = body.current;
      const range = root && offsetToRange(root, target.offset);
      if (!root || !range) return;
      const node = range.startContainer;
      if (node.nodeType === Node.TEXT_NODE) range.setEnd(node, Math.min((node.nodeValue ?? '').length, range.startOffset + 1));
      const rect = range.getBoundingClientRect();
      const y = rect.top + window.scrollY;
      const top = target.align === 'top' ? y - topInset() - 8 : y - window.innerHeight / 3;
      window.scrollTo({ top: Math.max(0, top), behavior: 'instant' });
      const flashes = target.end !== undefined && target.end > target.offset;
      const { key, offset, end } = target;
      frame = requestAnimationFrame(() => {
        if (target.focus) root.querySelector<HTMLElement>(`p[data-start="${offset}"]`)?.focus({ preventScroll: true });
        if (flashes) setFlash({ id: `flash-${key}`, start: offset, end: end!, className: 'flash' });
      });
      if (flashes) timer = window.setTimeout(() => setFlash(null), FLASH_MS);
    };
    const cancel = reveal.current(target.offset, scroll);
    return () => {
      cancel();
      // Not reached yet: asked again when the effect runs again.
      if (!scrolled) done.current = null;
      cancelAnimationFrame(frame);
      window.clearTimeout(timer);
    };
  }, [body, ready, target, reveal]);
  return flash;
}
