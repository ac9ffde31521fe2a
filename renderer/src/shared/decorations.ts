/**
 * A span of a document to mark in the reader: a search hit, a highlight, the current hit.
 * Offsets count UTF-16 code units into DocumentView.text, like paragraph offsets.
 */
export type Decoration = {
  start: number;
  end: number;
  /** CSS class(es) for the <mark>, e.g. "hit", "hit current", "highlight highlight-yellow". */
  className: string;
  /** Stable key; also written to data-decoration-id so clicks can find what was hit. */
  id: string;
  /** A note on the marked text (a highlight's): printed beside the paragraph where the mark starts. */
  note?: string;
  /** Labels shown in the margin beside the paragraph where the mark starts (a passage's codes). */
  margin?: readonly MarginLabel[];
};

/** A label in the reader's margin: its text and the CSS class(es) that colour it. */
export type MarginLabel = { text: string; className: string };

const sameLabels = (a: readonly MarginLabel[] = [], b: readonly MarginLabel[] = []) => a.length === b.length && a.every((l, i) => l.text === b[i]!.text && l.className === b[i]!.className);

export type Piece = { start: number; end: number; decorations: Decoration[] };

/**
 * Cuts the range [start, end) into pieces at every decoration boundary, each piece with
 * the decorations covering it, so overlapping marks nest without breaking the text.
 */
export function splitIntoPieces(start: number, end: number, decorations: readonly Decoration[]): Piece[] {
  const inside = decorations.filter((d) => d.end > start && d.start < end && d.end > d.start);
  const cuts = new Set<number>([start, end]);
  for (const d of inside) {
    cuts.add(Math.max(start, d.start));
    cuts.add(Math.min(end, d.end));
  }
  const points = [...cuts].sort((a, b) => a - b);
  const pieces: Piece[] = [];
  for (let i = 0; i < points.length - 1; i++) {
    const from = points[i]!;
    const to = points[i + 1]!;
    pieces.push({ start: from, end: to, decorations: inside.filter((d) => d.start <= from && d.end >= to) });
  }
  return pieces;
}

type Span = { start: number; end: number };

const NONE: never[] = [];

/**
 * The decorations (or any spans, e.g. links) touching each range (ranges in reading order, not
 * overlapping), found by binary search, so a long document with thousands of hits costs
 * O((ranges + marks) log ranges) rather than ranges × marks. Ranges without any share one empty array.
 */
export function decorationsByRange<T extends Span = Decoration>(ranges: readonly Span[], decorations: readonly T[]): (readonly T[])[] {
  const buckets: T[][] = ranges.map(() => NONE);
  for (const d of decorations) {
    if (d.end <= d.start) continue;
    // First range ending after the decoration starts.
    let lo = 0;
    let hi = ranges.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (ranges[mid]!.end <= d.start) lo = mid + 1;
      else hi = mid;
    }
    for (let i = lo; i < ranges.length && ranges[i]!.start < d.end; i++) {
      // Each filled bucket is an array of its own: pushing to it is safe.
      if (buckets[i] === NONE) buckets[i] = [d];
      else buckets[i]!.push(d);
    }
  }
  return buckets;
}

/** Same marks in the same order, compared by value: lets an unchanged paragraph skip rendering. */
export function sameDecorations(a: readonly Decoration[], b: readonly Decoration[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  return a.every((d, i) => {
    const e = b[i]!;
    return d.start === e.start && d.end === e.end && d.className === e.className && d.id === e.id && d.note === e.note && sameLabels(d.margin, e.margin);
  });
}
