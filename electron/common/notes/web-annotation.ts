import type { Bookmark, DocumentNote, Highlight, HighlightColor, TextPositionSelector, TextQuoteSelector } from './notes-types';

/**
 * Export of the user's highlights, notes and bookmarks in the W3C Web Annotation Data Model
 * (JSON-LD). Documents are named by URNs (urn:carrel:corpus:<corpus>:document:<document>)
 * since a Carrel corpus has no web address. TextPositionSelector offsets count UTF-16 code
 * units, not code points; `carrel:documentSha256` records the text the selectors were made on.
 * `carrel:page`: the printed label of the page a highlight or bookmark in a PDF document starts
 * on (`iv`, `12`), beside the text selectors (which alone re-anchor it). Not a FragmentSelector
 * `page=`: RFC 3778 numbers pages physically, and the label is what a reader cites.
 */

export const ANNO_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';
const CARREL_CONTEXT = { carrel: 'urn:carrel:terms:' } as const;
type Context = [typeof ANNO_CONTEXT, typeof CARREL_CONTEXT];

export type TextualBody = {
  type: 'TextualBody';
  value: string;
  purpose: 'commenting' | 'tagging' | 'describing';
  format: 'text/markdown' | 'text/plain';
};

export type AnnotationTarget = {
  type: 'SpecificResource';
  source: string;
  selector: (TextQuoteSelector | TextPositionSelector)[];
  styleClass?: string;
  'carrel:documentSha256'?: string;
  /** The printed page it starts on, in a paginated (PDF) document. */
  'carrel:page'?: string;
};

export type WebAnnotation = {
  '@context': Context;
  id: string;
  type: 'Annotation';
  motivation: 'highlighting' | 'commenting' | 'bookmarking';
  created: string;
  modified: string;
  body?: TextualBody[];
  target: AnnotationTarget | string;
  stylesheet?: { type: 'CssStylesheet'; value: string };
};

export type WebAnnotationCollection = {
  '@context': Context;
  id: string;
  type: 'AnnotationCollection';
  label: string;
  total: number;
  first: { id: string; type: 'AnnotationPage'; startIndex: 0; items: WebAnnotation[] };
};

export type AnnotationExport = {
  /** A suggested file name, e.g. carrel-annotations-<corpus>.jsonld. */
  fileName: string;
  mediaType: 'application/ld+json';
  collection: WebAnnotationCollection;
};

/** Colours of the exported stylesheet (the app's own palette lives in the renderer). */
const EXPORT_COLORS: Record<HighlightColor, string> = {
  yellow: '#fde68a',
  green: '#bbf7d0',
  blue: '#bfdbfe',
  pink: '#fbcfe8',
  purple: '#ddd6fe',
  orange: '#fed7aa',
};

const CONTEXT: Context = [ANNO_CONTEXT, CARREL_CONTEXT];

export function documentUrn(corpusId: string, documentId: string): string {
  return `urn:carrel:corpus:${encodeURIComponent(corpusId)}:document:${encodeURIComponent(documentId)}`;
}

const annotationUrn = (id: string) => `urn:uuid:${id}`;

function tagBodies(tags: string[]): TextualBody[] {
  return tags.map((tag) => ({ type: 'TextualBody', value: tag, purpose: 'tagging', format: 'text/plain' }));
}

/** page: the printed page the highlight starts on in a PDF document, if known. */
export function highlightAnnotation(corpusId: string, highlight: Highlight, page?: string): WebAnnotation {
  const body: TextualBody[] = [
    ...(highlight.note ? [{ type: 'TextualBody', value: highlight.note, purpose: 'commenting', format: 'text/markdown' } as const] : []),
    ...tagBodies(highlight.tags),
  ];
  return {
    '@context': CONTEXT,
    id: annotationUrn(highlight.id),
    type: 'Annotation',
    motivation: highlight.note ? 'commenting' : 'highlighting',
    created: highlight.createdAt,
    modified: highlight.updatedAt,
    ...(body.length ? { body } : {}),
    target: {
      type: 'SpecificResource',
      source: documentUrn(corpusId, highlight.documentId),
      selector: [highlight.quote, highlight.position],
      styleClass: `carrel-${highlight.color}`,
      'carrel:documentSha256': highlight.documentSha256,
      ...(page ? { 'carrel:page': page } : {}),
    },
    stylesheet: { type: 'CssStylesheet', value: `.carrel-${highlight.color} { background-color: ${EXPORT_COLORS[highlight.color]}; }` },
  };
}

export function noteAnnotation(corpusId: string, note: DocumentNote): WebAnnotation {
  return {
    '@context': CONTEXT,
    id: annotationUrn(note.id),
    type: 'Annotation',
    motivation: 'commenting',
    created: note.createdAt,
    modified: note.updatedAt,
    body: [{ type: 'TextualBody', value: note.body, purpose: 'commenting', format: 'text/markdown' }, ...tagBodies(note.tags)],
    target: documentUrn(corpusId, note.documentId),
  };
}

export function bookmarkAnnotation(corpusId: string, bookmark: Bookmark, documentSha256: string | undefined, page?: string): WebAnnotation {
  return {
    '@context': CONTEXT,
    id: annotationUrn(bookmark.id),
    type: 'Annotation',
    motivation: 'bookmarking',
    created: bookmark.createdAt,
    modified: bookmark.updatedAt,
    ...(bookmark.label ? { body: [{ type: 'TextualBody', value: bookmark.label, purpose: 'describing', format: 'text/plain' } as const] } : {}),
    target: {
      type: 'SpecificResource',
      source: documentUrn(corpusId, bookmark.documentId),
      selector: [{ type: 'TextPositionSelector', start: bookmark.offset, end: bookmark.offset }],
      ...(documentSha256 ? { 'carrel:documentSha256': documentSha256 } : {}),
      ...(page ? { 'carrel:page': page } : {}),
    },
  };
}

export function annotationCollection(corpusId: string, corpusTitle: string, items: WebAnnotation[]): WebAnnotationCollection {
  const id = `urn:carrel:corpus:${encodeURIComponent(corpusId)}:annotations`;
  return {
    '@context': CONTEXT,
    id,
    type: 'AnnotationCollection',
    label: `Carrel annotations on “${corpusTitle}”`,
    total: items.length,
    first: { id: `${id}:page:0`, type: 'AnnotationPage', startIndex: 0, items },
  };
}
