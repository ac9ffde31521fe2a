import type { HighlightColor } from './notes-types';

/**
 * Requests of the notes API. The renderer sends offsets into the document text it shows;
 * main reads the document and builds the W3C selectors itself, so a renderer cannot store a
 * quote that is not in the document.
 */
export type CreateHighlightRequest = {
  documentId: string;
  /** [start, end) in UTF-16 code units into DocumentView.text; start < end. */
  start: number;
  end: number;
  color: HighlightColor;
  note?: string;
  tags?: string[];
};

/** Only the given fields change; sending the same values again changes nothing (idempotent). */
export type UpdateHighlightRequest = { id: string; color?: HighlightColor; note?: string; tags?: string[] };

export type CreateDocumentNoteRequest = { documentId: string; body: string; tags?: string[] };
export type UpdateDocumentNoteRequest = { id: string; body?: string; tags?: string[] };

export type CreateBookmarkRequest = { documentId: string; offset: number; label?: string };
export type UpdateBookmarkRequest = { id: string; label: string };

export type SetReadingPositionRequest = { documentId: string; offset: number };

export type ListTagsRequest = { prefix?: string; limit?: number };
