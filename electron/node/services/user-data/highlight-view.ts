import { anchorQuote } from '../../../common/anchoring/anchor-quote';
import type { Highlight, HighlightAnchor } from '../../../common/notes/notes-types';
import { saveAnchorCache, type AnchorCache, type HighlightRecord } from '../../user-store/queries/highlight-queries';
import { HIGHLIGHT_TAGS, listItemTags, listTagsOfItems } from '../../user-store/queries/tag-queries';
import type { UserDataContext } from './user-data-context';

/** The document a highlight belongs to as it is now; undefined when it left the corpus. Text is read only if needed. */
export type CurrentDocument = { sha256: string; text(): string } | undefined;

/**
 * Where the highlight is in the current text. Same text as it was made on: its own position.
 * Changed text: re-anchored once per new text, the result cached in the row (nothing else
 * about the highlight changes until the user decides).
 */
export function currentAnchor(ctx: UserDataContext, record: HighlightRecord, current: CurrentDocument): AnchorCache | 'same' | 'missing' {
  if (!current) return 'missing';
  if (current.sha256 === record.documentSha256) return 'same';
  if (record.anchorCache?.sha256 === current.sha256) return record.anchorCache;
  const result = anchorQuote(current.text(), record.quote, record.position);
  const cache: AnchorCache =
    result.status === 'orphaned'
      ? {
          sha256: current.sha256,
          status: 'orphaned',
          start: result.best?.start ?? null,
          end: result.best?.end ?? null,
          score: result.best ? Math.round(result.best.score * 1000) / 1000 : null,
          ambiguous: false,
        }
      : { sha256: current.sha256, status: result.status, start: result.start, end: result.end, score: result.score, ambiguous: result.ambiguous };
  ctx.store().write(() => saveAnchorCache(ctx.store().db, record.id, cache));
  record.reviewState = 'none';
  record.anchorCache = cache;
  return cache;
}

export function needsReview(record: HighlightRecord, anchor: AnchorCache | 'same' | 'missing'): boolean {
  if (anchor === 'same') return false;
  if (anchor === 'missing' || anchor.status === 'orphaned') return record.reviewState !== 'kept-orphaned';
  return anchor.status === 'fuzzy' || anchor.ambiguous;
}

function toAnchor(record: HighlightRecord, anchor: AnchorCache | 'same' | 'missing'): HighlightAnchor {
  if (anchor === 'same') return { status: 'exact', start: record.position.start, end: record.position.end };
  if (anchor === 'missing' || anchor.status === 'orphaned' || anchor.start === null || anchor.end === null) return { status: 'orphaned' };
  if (anchor.status === 'fuzzy') return { status: 'fuzzy', start: anchor.start, end: anchor.end, score: anchor.score ?? 0 };
  return { status: anchor.status, start: anchor.start, end: anchor.end };
}

export function highlightView(ctx: UserDataContext, record: HighlightRecord, current: CurrentDocument, tags?: string[]): Highlight {
  const anchor = currentAnchor(ctx, record, current);
  return {
    id: record.id,
    documentId: record.documentId,
    documentSha256: record.documentSha256,
    color: record.color,
    quote: record.quote,
    position: record.position,
    note: record.note,
    tags: tags ?? listItemTags(ctx.store().db, HIGHLIGHT_TAGS, record.id),
    createdAt: record.createdAt,
    updatedAt: record.updatedAt,
    anchor: toAnchor(record, anchor),
    needsReview: needsReview(record, anchor),
  };
}

/** Views of many highlights; re-anchoring results they cache are committed together, in one transaction. */
export function highlightViews(ctx: UserDataContext, records: HighlightRecord[], documentOf: (documentId: string) => CurrentDocument): Highlight[] {
  const tags = listTagsOfItems(ctx.store().db, HIGHLIGHT_TAGS, records.map((record) => record.id));
  return ctx.store().write(() => records.map((record) => highlightView(ctx, record, documentOf(record.documentId), tags.get(record.id) ?? [])));
}

/**
 * Current documents of the open corpus by id, reading each one's metadata and text at most
 * once, and only for the documents asked about (a corpus may hold 100k+ documents).
 */
export function currentDocuments(ctx: UserDataContext): (documentId: string) => CurrentDocument {
  const metas = new Map<string, { sha256: string } | undefined>();
  const texts = new Map<string, string>();
  return (documentId) => {
    if (!metas.has(documentId)) metas.set(documentId, ctx.corpus().documentMetas([documentId]).get(documentId));
    const meta = metas.get(documentId);
    if (!meta) return undefined;
    return {
      sha256: meta.sha256,
      text() {
        let text = texts.get(documentId);
        if (text === undefined) {
          text = ctx.document(documentId).text;
          texts.set(documentId, text);
        }
        return text;
      },
    };
  };
}

/** One document of the open corpus as it is now (for calls about a single document: no library scan). */
export function currentDocument(ctx: UserDataContext, documentId: string): CurrentDocument {
  // Its metadata only: the text (5 MB for a book, read on main's thread) is read when an anchor
  // must be found again in a changed document, not to list the marks of an unchanged one.
  return currentDocuments(ctx)(documentId);
}
