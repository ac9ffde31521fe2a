import { buildSelectors } from '../../../common/anchoring/build-selectors';
import { trimSpan } from '../../../common/anchoring/text-offsets';
import type { CarrelServices } from '../../../common/ipc/ipc-contract';
import { insertDeletion } from '../../user-store/queries/deletion-queries';
import {
  findHighlight,
  insertHighlight,
  listLiveHighlightsOfDocument,
  setHighlightDeleted,
  touchHighlight,
  updateHighlightContent,
  type HighlightRecord,
} from '../../user-store/queries/highlight-queries';
import { HIGHLIGHT_TAGS, listItemTags, setItemTags, uniqueTags } from '../../user-store/queries/tag-queries';
import { ServiceError } from '../service-error';
import { currentDocument, highlightView, highlightViews } from './highlight-view';
import { shorten } from './summaries';
import type { UserDataContext } from './user-data-context';

export type HighlightService = Pick<CarrelServices, 'createHighlight' | 'listHighlights' | 'updateHighlight' | 'deleteHighlight'>;

export function requireLiveHighlight(ctx: UserDataContext, id: string): HighlightRecord {
  const record = requireHighlight(ctx, id);
  if (record.deletedAt) throw new ServiceError('not-found', 'This highlight no longer exists (it may have been deleted).');
  return record;
}

/** A highlight, deleted or not: a note save that lands just after a delete is kept for its undo. */
function requireHighlight(ctx: UserDataContext, id: string): HighlightRecord {
  const record = findHighlight(ctx.store().db, ctx.corpusId(), id);
  if (!record) throw new ServiceError('not-found', 'This highlight does not exist in the open corpus.');
  return record;
}

export function createHighlightService(ctx: UserDataContext): HighlightService {
  const viewOf = (record: HighlightRecord) => highlightView(ctx, record, currentDocument(ctx, record.documentId));
  return {
    createHighlight({ documentId, start, end, color, note = '', tags = [] }) {
      const doc = ctx.document(documentId);
      if (end > doc.text.length) {
        throw new ServiceError('invalid-argument', 'The selection reaches past the end of the document; select the text again.');
      }
      const span = trimSpan(doc.text, start, end);
      if (span.start === span.end) throw new ServiceError('invalid-argument', 'Only spaces are selected: select some text to highlight.');
      const selectors = buildSelectors(doc.text, span.start, span.end);
      const { db } = ctx.store();
      const record = {
        id: ctx.newId(),
        corpusId: ctx.corpusId(),
        documentId,
        documentSha256: doc.sha256,
        ...selectors,
        color,
        note,
        createdAt: ctx.now(),
      };
      ctx.store().write(() => {
        insertHighlight(db, record);
        setItemTags(db, HIGHLIGHT_TAGS, record.id, tags);
      });
      return viewOf(requireLiveHighlight(ctx, record.id));
    },

    listHighlights({ documentId }) {
      const current = currentDocument(ctx, documentId);
      const highlights = highlightViews(ctx, listLiveHighlightsOfDocument(ctx.store().db, ctx.corpusId(), documentId), () => current);
      // In the order of the current text (a changed document can reorder them); orphans last.
      const at = (h: (typeof highlights)[number]) => (h.anchor.status === 'orphaned' ? Number.MAX_SAFE_INTEGER : h.anchor.start);
      return highlights.sort((a, b) => at(a) - at(b));
    },

    updateHighlight({ id, color, note, tags }) {
      const record = requireHighlight(ctx, id);
      const { db } = ctx.store();
      ctx.store().write(() => {
        const now = ctx.now();
        const contentChanged = updateHighlightContent(db, id, { color: color ?? record.color, note: note ?? record.note }, now);
        if (tags && !sameTags(listItemTags(db, HIGHLIGHT_TAGS, id), tags)) {
          setItemTags(db, HIGHLIGHT_TAGS, id, tags);
          if (!contentChanged) touchHighlight(db, id, now);
        }
      });
      return viewOf(requireHighlight(ctx, id));
    },

    deleteHighlight({ id }) {
      return deleteHighlight(ctx, requireLiveHighlight(ctx, id));
    },
  };
}

export function deleteHighlight(ctx: UserDataContext, record: HighlightRecord) {
  const deletion = {
    id: ctx.newId(),
    corpusId: record.corpusId,
    kind: 'highlight' as const,
    itemId: record.id,
    documentId: record.documentId,
    summary: `Highlight “${shorten(record.quote.exact)}”`,
    deletedAt: ctx.now(),
  };
  ctx.store().write(() => {
    setHighlightDeleted(ctx.store().db, record.id, deletion.deletedAt);
    insertDeletion(ctx.store().db, deletion);
  });
  return {
    deletionId: deletion.id,
    kind: deletion.kind,
    itemId: record.id,
    documentId: record.documentId,
    summary: deletion.summary,
    deletedAt: deletion.deletedAt,
  };
}

/** Same tags in the same order, after cleaning: then nothing needs writing. */
export function sameTags(stored: string[], wanted: string[]): boolean {
  const clean = uniqueTags(wanted);
  return stored.length === clean.length && stored.every((tag, i) => tag === clean[i]);
}
