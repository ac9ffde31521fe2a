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
};

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
