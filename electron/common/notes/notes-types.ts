import type { ReadingProgress } from './reading-progress';
/**
 * Shapes of the user's own data (highlights, notes, bookmarks, reading positions) as the
 * renderer sees them. Everything is kept per corpus (corpus id from CorpusInfo.id) and per
 * document id; the API works on the corpus that is open, so the renderer never sends a
 * corpus id. All offsets count UTF-16 code units into DocumentView.text (JS string indices).
 * Times are ISO 8601 strings (UTC).
 */

/** Highlight colours, in toolbar order. Names, not CSS: the renderer maps them to styles. */
export const HIGHLIGHT_COLORS = ['yellow', 'green', 'blue', 'pink', 'purple', 'orange'] as const;
export type HighlightColor = (typeof HIGHLIGHT_COLORS)[number];

/**
 * W3C Web Annotation TextQuoteSelector: the highlighted text with enough context either side
 * (at least 32 code units where the text allows, longer until prefix+exact+suffix occurs
 * only once in the document) to find it again after the document changes.
 */
export type TextQuoteSelector = { type: 'TextQuoteSelector'; exact: string; prefix: string; suffix: string };

/** W3C Web Annotation TextPositionSelector, [start, end) in UTF-16 code units (not code points). */
export type TextPositionSelector = { type: 'TextPositionSelector'; start: number; end: number };

/**
 * Where a highlight sits in the CURRENT document text (which may differ from the text it was
 * made on). `exact`: same text at the same place. `moved`: the same text found elsewhere.
 * `fuzzy`: similar text found, `score` in [0, 1]. `orphaned`: not found; do not draw it.
 */
export type HighlightAnchor =
  | { status: 'exact' | 'moved'; start: number; end: number }
  | { status: 'fuzzy'; start: number; end: number; score: number }
  | { status: 'orphaned' };

export type Highlight = {
  id: string;
  documentId: string;
  /** SHA-256 (hex) of the document text the selectors were made on (DocumentMeta.sha256). */
  documentSha256: string;
  color: HighlightColor;
  quote: TextQuoteSelector;
  position: TextPositionSelector;
  /** Markdown source ('' when none). Untrusted: render through the sanitiser. */
  note: string;
  tags: string[];
  createdAt: string;
  updatedAt: string;
  /** Where it is in the document's current text. */
  anchor: HighlightAnchor;
  /**
   * True while the user should confirm the anchor (fuzzy, orphaned or ambiguous): it is then
   * in listAnchorReviews and nothing about it has been changed without the user.
   */
  needsReview: boolean;
};

/** A note about a whole document (several per document are allowed). */
export type DocumentNote = {
  id: string;
  documentId: string;
  /** Markdown source. Untrusted: render through the sanitiser. */
  body: string;
  tags: string[];
  createdAt: string;
  updatedAt: string;
};

export type Bookmark = {
  id: string;
  documentId: string;
  /** Offset in the current document text (re-anchored if the document changed). */
  offset: number;
  /** Optional user label ('' when none). */
  label: string;
  createdAt: string;
  updatedAt: string;
};

/** Where a document was left, and how far into it the reader has seen. */
export type ReadingPosition = { documentId: string; offset: number; updatedAt: string; progress: ReadingProgress };

/** A tag with the number of live highlights and notes carrying it (for autocompletion). */
export type TagCount = { name: string; count: number };

export type UserItemKind = 'highlight' | 'note' | 'bookmark';

/** What a delete returns: enough to say what went and to undo it (undoDeletion). */
export type Deletion = {
  deletionId: string;
  kind: UserItemKind;
  itemId: string;
  documentId: string;
  /** Short plain text for an "Undo" toast, e.g. the start of the quote or label. */
  summary: string;
  deletedAt: string;
};

export type RestoredItem = { kind: UserItemKind; itemId: string; documentId: string };
