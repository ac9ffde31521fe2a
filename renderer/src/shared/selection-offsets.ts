/**
 * Maps DOM positions in text rendered by DecoratedText back to document offsets.
 * Contract (decorated-text.tsx): every piece of text sits in a span[data-offset] whose text
 * content is text[data-offset, data-offset + length), possibly nested in <mark> elements.
 * Offsets count UTF-16 code units, like DOM text offsets, so no conversion is needed.
 */

export type TextSpan = { start: number; end: number };

const PIECE_SELECTOR = 'span[data-offset]';

function pieceStart(piece: Element): number {
  return Number(piece.getAttribute('data-offset'));
}

function pieceEnd(piece: Element): number {
  return pieceStart(piece) + (piece.textContent ?? '').length;
}

/** The piece (span[data-offset]) that contains node, if any, without leaving root. */
function enclosingPiece(node: Node, root: Element): Element | null {
  for (let n: Node | null = node; n && n !== root; n = n.parentNode) {
    if (n.nodeType === Node.ELEMENT_NODE && (n as Element).matches(PIECE_SELECTOR)) return n as Element;
  }
  return null;
}

/** Number of text characters inside `piece` that come before the boundary point (node, offset). */
function textBefore(piece: Element, node: Node, offset: number): number {
  const range = piece.ownerDocument.createRange();
  range.setStart(piece, 0);
  range.setEnd(node, offset);
  return range.toString().length;
}

/** Compares the boundary point (node, offset) with the start of `element`: <0 before, 0 same, >0 after. */
function comparePointToElementStart(node: Node, offset: number, element: Element): number {
  const range = element.ownerDocument.createRange();
  range.setStart(node, offset);
  range.collapse(true);
  // comparePoint(el, 0) tells where (el, 0) is relative to the collapsed range at our point.
  return -range.comparePoint(element, 0);
}

/**
 * The document offset of a boundary point. Inside a piece it is exact. Between pieces (on a
 * <p>, between paragraphs, outside root) it snaps to the nearest text in the given direction:
 * a start snaps forward to the next piece's start, an end snaps back to the previous piece's end.
 * Returns null when there is no text in that direction.
 */
export function pointToOffset(root: Element, node: Node, offset: number, edge: 'start' | 'end'): number | null {
  const inside = root.contains(node) ? enclosingPiece(node, root) : null;
  if (inside) return pieceStart(inside) + textBefore(inside, node, offset);

  const pieces = Array.from(root.querySelectorAll(PIECE_SELECTOR));
  // First piece whose start is at or after the point (pieces are in document order).
  let low = 0;
  let high = pieces.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (comparePointToElementStart(node, offset, pieces[mid]!) <= 0) high = mid;
    else low = mid + 1;
  }
  if (edge === 'start') return low < pieces.length ? pieceStart(pieces[low]!) : null;
  return low > 0 ? pieceEnd(pieces[low - 1]!) : null;
}

/** Document offsets of a DOM range inside root, clipped to root's text; null if it holds no text. */
export function rangeToOffsets(root: Element, range: Range): TextSpan | null {
  const start = pointToOffset(root, range.startContainer, range.startOffset, 'start');
  const end = pointToOffset(root, range.endContainer, range.endOffset, 'end');
  if (start === null || end === null || end <= start) return null;
  return { start, end };
}

/** The piece holding the character at `offset` (or ending at it, for the document's last offset). */
export function pieceAt(root: Element, offset: number): Element | null {
  const pieces = Array.from(root.querySelectorAll(PIECE_SELECTOR));
  let best: Element | null = null;
  for (const piece of pieces) {
    const start = pieceStart(piece);
    if (start > offset) break;
    best = piece;
  }
  return best;
}

/** A collapsed DOM range at a document offset (snapped into the text), for scrolling and measuring. */
export function offsetToRange(root: Element, offset: number): Range | null {
  const piece = pieceAt(root, offset);
  if (!piece) {
    const first = root.querySelector(PIECE_SELECTOR);
    if (!first) return null;
    const range = root.ownerDocument.createRange();
    range.setStart(first, 0);
    return range;
  }
  let remaining = Math.max(0, Math.min(offset, pieceEnd(piece)) - pieceStart(piece));
  const walker = root.ownerDocument.createTreeWalker(piece, NodeFilter.SHOW_TEXT);
  const range = root.ownerDocument.createRange();
  for (let text = walker.nextNode(); text; text = walker.nextNode()) {
    const length = (text.nodeValue ?? '').length;
    if (remaining <= length) {
      range.setStart(text, remaining);
      return range;
    }
    remaining -= length;
  }
  range.setStart(piece, piece.childNodes.length);
  return range;
}
