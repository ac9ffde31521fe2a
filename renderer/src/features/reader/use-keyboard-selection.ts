import { useMemo, useState, type RefObject } from 'react';
import type { Paragraph } from '@common/corpus/corpus-types';
import { useCommands } from '../../shared/commands/command-provider';
import type { Invocation } from '../../shared/commands/command-types';
import type { Decoration } from '../../shared/decorations';
import { offsetToRange } from '../../shared/selection-offsets';
import { firstVisibleOffset } from './use-reader-extensions';
import './keyboard-selection.css';

type Point = { anchor: number; focus: number };

const words = new Intl.Segmenter(undefined, { granularity: 'word' });

/** The paragraph holding offset (or the nearest one after it). */
function paragraphAt(paragraphs: readonly Paragraph[], offset: number): number {
  const index = paragraphs.findIndex((p) => offset <= p.end);
  return index < 0 ? paragraphs.length - 1 : index;
}

/** Next or previous caret position: by character (whole code points) or by word, across paragraphs. */
export function step(text: string, paragraphs: readonly Paragraph[], offset: number, forward: boolean, byWord: boolean): number {
  const i = paragraphAt(paragraphs, offset);
  const p = paragraphs[i]!;
  if (forward && offset >= p.end) return paragraphs[i + 1]?.start ?? p.end;
  if (!forward && offset <= p.start) return paragraphs[i - 1]?.end ?? p.start;
  if (byWord) {
    const segments = [...words.segment(text.slice(p.start, p.end))].filter((s) => s.isWordLike);
    const local = offset - p.start;
    if (forward) {
      const next = segments.find((s) => s.index + s.segment.length > local);
      return p.start + (next ? next.index + next.segment.length : p.end - p.start);
    }
    const previous = segments.filter((s) => s.index < local).at(-1);
    return p.start + (previous ? previous.index : 0);
  }
  if (forward) return offset + ((text.codePointAt(offset) ?? 0) > 0xffff ? 2 : 1);
  const low = text.charCodeAt(offset - 1);
  return offset - (low >= 0xdc00 && low <= 0xdfff && offset >= 2 ? 2 : 1);
}

/** Is the paragraph at offset laid out right to left (arrows then move the other way in the text)? */
function isRtlAt(root: HTMLElement, paragraphs: readonly Paragraph[], offset: number): boolean {
  const p = paragraphs[paragraphAt(paragraphs, offset)];
  const el = p ? root.querySelector(`p[data-start="${p.start}"]`) : null;
  return el ? getComputedStyle(el).direction === 'rtl' : false;
}

function showSelection(root: HTMLElement, { anchor, focus }: Point) {
  const a = offsetToRange(root, anchor);
  const f = offsetToRange(root, focus);
  const selection = document.getSelection();
  if (!a || !f || !selection) return;
  if (anchor === focus) selection.removeAllRanges();
  else selection.setBaseAndExtent(a.startContainer, a.startOffset, f.startContainer, f.startOffset);
  // Keep the moving end in view.
  const node = f.startContainer.nodeType === Node.TEXT_NODE ? f.startContainer.parentElement : (f.startContainer as Element);
  node?.scrollIntoView({ block: 'nearest' });
}

/**
 * Selecting text without a mouse (Chromium's caret browsing is not available in the app).
 * F7 starts and stops it; the caret starts at the top of the page; arrows move it (Ctrl with
 * them: by word; Home/End: paragraph ends; Up/Down: paragraph by paragraph), Shift extends
 * the selection, which is a real DOM selection, so the highlight toolbar and its keys apply.
 */
export function useKeyboardSelection(body: RefObject<HTMLElement | null>, text: string | null, paragraphs: readonly Paragraph[] | null) {
  const [point, setPoint] = useState<Point | null>(null);
  const ready = text !== null && paragraphs !== null && paragraphs.length > 0;

  // The arrows' modifiers (Shift extends, Ctrl goes by word) are read from the key press.
  const move = (invocation: Invocation) => {
    const root = body.current;
    if (invocation.source !== 'key' || !root || text === null || !paragraphs || !point) return;
    const { event } = invocation;
    let focus = point.focus;
    const byWord = event.ctrlKey;
    const i = paragraphAt(paragraphs, focus);
    const p = paragraphs[i]!;
    switch (event.key) {
      case 'ArrowRight':
      case 'ArrowLeft': {
        const forward = (event.key === 'ArrowRight') !== isRtlAt(root, paragraphs, focus);
        focus = step(text, paragraphs, focus, forward, byWord);
        break;
      }
      case 'ArrowDown':
        focus = focus < p.end ? p.end : (paragraphs[i + 1]?.end ?? p.end);
        break;
      case 'ArrowUp':
        focus = focus > p.start ? p.start : (paragraphs[i - 1]?.start ?? p.start);
        break;
      case 'Home':
        focus = p.start;
        break;
      case 'End':
        focus = p.end;
        break;
      default:
        return;
    }
    const next = { anchor: event.shiftKey ? point.anchor : focus, focus };
    setPoint(next);
    showSelection(root, next);
  };
  const selecting = { when: () => ready && point !== null && body.current !== null, run: move };

  // The caret scope outranks the reader's: while selecting, arrows do not scroll and Escape does not close the reader.
  useCommands({
    'reader.keyboard-selection': {
      when: () => ready && body.current !== null,
      run: () =>
        setPoint((old) => {
          if (old || !paragraphs || !body.current) return null;
          const start = firstVisibleOffset(body.current) ?? paragraphs[0]!.start;
          return { anchor: start, focus: start };
        }),
    },
    'reader.caret.stop': {
      when: () => point !== null,
      run: () => {
        document.getSelection()?.removeAllRanges();
        setPoint(null);
      },
    },
    'reader.caret.move': selecting,
    'reader.caret.move-word': selecting,
    'reader.caret.extend': selecting,
    'reader.caret.extend-word': selecting,
  });

  // A collapsed selection is not drawn in read-only text: draw the caret as a decoration.
  const caret = useMemo<Decoration | null>(() => {
    if (!point || point.anchor !== point.focus || text === null || !paragraphs) return null;
    const p = paragraphs[paragraphAt(paragraphs, point.focus)]!;
    const at = Math.min(point.focus, p.end - 1);
    if (at < p.start) return null;
    return { id: 'keyboard-caret', start: at, end: at + 1, className: point.focus >= p.end ? 'keyboard-caret after' : 'keyboard-caret' };
  }, [point, text, paragraphs]);

  return { active: point !== null, caret };
}
