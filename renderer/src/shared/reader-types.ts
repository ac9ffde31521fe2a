/** Extension points of the reader, shared so the app and other features can speak them. */

/** A non-empty selection in the reader, as document offsets, with where it is on screen. */
export type TextSelection = {
  start: number;
  end: number;
  /** Viewport rectangle of the selection (its last line for the bottom edge). */
  rect: { top: number; bottom: number; left: number; right: number };
};

/**
 * Where the reader should scroll. A new `key` asks again (jumping twice to the same place).
 * `align: 'top'` puts the offset at the top (restoring the reading position); 'center' puts
 * it a third of the way down and, with `end`, briefly flashes [offset, end). With `focus`, the
 * paragraph starting at `offset` takes focus once there (a heading of the contents).
 */
export type ScrollTarget = { key: string; offset: number; end?: number; align: 'top' | 'center'; focus?: boolean };

/** What to cite from the reader: a selected span of the document, or a highlight (its current place). */
export type CiteTarget = { start: number; end: number } | { highlightId: string };
/** Where the reader is: the first offset in view, the furthest shown at the window's bottom, and where the eye is (the top quarter). */
export type ReadingPlace = { offset: number; seenTo: number; readingAt: number };

/** The reading place as it changes with scrolling, for the few components that follow it (contents, progress). */
export type PlaceSource = { subscribe(listener: () => void): () => void; get(): ReadingPlace };
