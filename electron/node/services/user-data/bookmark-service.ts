import { anchorQuote } from '../../../common/anchoring/anchor-quote';
import { buildSelectors } from '../../../common/anchoring/build-selectors';
import { snapEnd } from '../../../common/anchoring/text-offsets';
import type { CarrelServices } from '../../../common/ipc/ipc-contract';
import type { Bookmark } from '../../../common/notes/notes-types';
import {
  findBookmark,
  insertBookmark,
  listLiveBookmarksOfDocument,
  setBookmarkDeleted,
  updateBookmarkLabel,
  type BookmarkRecord,
} from '../../user-store/queries/bookmark-queries';
import { insertDeletion } from '../../user-store/queries/deletion-queries';
import { readingSample, readingSpeed } from '../../../common/notes/reading-progress';
import { countWords } from '../../corpus/word-count';
import {
  addReadingSample,
  findReadingPosition,
  findReadingSpeed,
  upsertReadingPosition,
  type ReadingPositionRecord,
} from '../../user-store/queries/reading-position-queries';
import { ServiceError } from '../service-error';
import { progressOfPosition } from './reading-progress-of-corpus';
import { currentDocument, type CurrentDocument } from './highlight-view';
import { shorten } from './summaries';
import type { UserDataContext } from './user-data-context';

export type BookmarkService = Pick<
  CarrelServices,
  'listBookmarks' | 'createBookmark' | 'updateBookmark' | 'deleteBookmark' | 'getReadingPosition' | 'setReadingPosition' | 'getReadingSpeed'
>;

const progressOf = progressOfPosition;

/** Length of text after a bookmark kept to find its place again in a changed document. */
const BOOKMARK_QUOTE = 32;

/** The bookmark's offset in the current text: its own if unchanged, else where its text went (or its old offset, clamped). */
export function bookmarkOffset(record: BookmarkRecord, current: CurrentDocument): number {
  if (!current || current.sha256 === record.documentSha256) return record.offset;
  const text = current.text();
  if (record.context.exact) {
    const found = anchorQuote(text, record.context, {
      type: 'TextPositionSelector',
      start: record.offset,
      end: record.offset + record.context.exact.length,
    });
    if (found.status !== 'orphaned') return found.start;
  }
  return Math.min(record.offset, text.length);
}

export function bookmarkView(record: BookmarkRecord, current: CurrentDocument): Bookmark {
  return {
    id: record.id,
    documentId: record.documentId,
    offset: bookmarkOffset(record, current),
    label: record.label,
    createdAt: record.createdAt,
    updatedAt: record.updatedAt,
  };
}

function requireLiveBookmark(ctx: UserDataContext, id: string): BookmarkRecord {
  const record = findBookmark(ctx.store().db, ctx.corpusId(), id);
  if (!record || record.deletedAt) throw new ServiceError('not-found', 'This bookmark no longer exists (it may have been deleted).');
  return record;
}

export function createBookmarkService(ctx: UserDataContext): BookmarkService {
  const viewOf = (record: BookmarkRecord) => bookmarkView(record, currentDocument(ctx, record.documentId));
  return {
    listBookmarks({ documentId }) {
      const current = currentDocument(ctx, documentId);
      return listLiveBookmarksOfDocument(ctx.store().db, ctx.corpusId(), documentId).map((record) => bookmarkView(record, current));
    },

    createBookmark({ documentId, offset, label = '' }) {
      const doc = ctx.document(documentId);
      if (offset > doc.text.length) throw new ServiceError('invalid-argument', 'The bookmark is past the end of the document.');
      const { quote } = buildSelectors(doc.text, offset, snapEnd(doc.text, Math.min(doc.text.length, offset + BOOKMARK_QUOTE)));
      const record = {
        id: ctx.newId(),
        corpusId: ctx.corpusId(),
        documentId,
        documentSha256: doc.sha256,
        offset,
        context: quote,
        label: label.trim(),
        createdAt: ctx.now(),
      };
      ctx.store().write(() => insertBookmark(ctx.store().db, record));
      return viewOf(requireLiveBookmark(ctx, record.id));
    },

    updateBookmark({ id, label }) {
      requireLiveBookmark(ctx, id);
      ctx.store().write(() => updateBookmarkLabel(ctx.store().db, id, label.trim(), ctx.now()));
      return viewOf(requireLiveBookmark(ctx, id));
    },

    deleteBookmark({ id }) {
      const record = requireLiveBookmark(ctx, id);
      const deletion = {
        id: ctx.newId(),
        corpusId: record.corpusId,
        kind: 'bookmark' as const,
        itemId: record.id,
        documentId: record.documentId,
        summary: record.label ? `Bookmark “${shorten(record.label)}”` : `Bookmark at “${shorten(record.context.exact, 40)}”`,
        deletedAt: ctx.now(),
      };
      ctx.store().write(() => {
        setBookmarkDeleted(ctx.store().db, id, deletion.deletedAt);
        insertDeletion(ctx.store().db, deletion);
      });
      const { id: deletionId, corpusId: _corpusId, ...rest } = deletion;
      return { deletionId, ...rest };
    },

    getReadingPosition({ documentId }) {
      const found = findReadingPosition(ctx.store().db, ctx.corpusId(), documentId);
      if (!found) return null;
      const current = currentDocument(ctx, documentId);
      // A changed text keeps the old offset, clamped: close enough to resume reading.
      const offset = current && current.sha256 !== found.documentSha256 ? Math.min(found.offset, current.text().length) : found.offset;
      return { documentId, offset, updatedAt: found.updatedAt, progress: progressOf(found) };
    },

    setReadingPosition({ documentId, offset, seenTo }) {
      const doc = ctx.document(documentId);
      const db = ctx.store().db;
      const now = ctx.now();
      const length = doc.text.length;
      const previous = findReadingPosition(db, ctx.corpusId(), documentId);
      const same = previous?.documentSha256 === doc.sha256;
      const at = Math.min(offset, length);
      // Progress only grows: reading back over a page does not undo it.
      const seen = Math.max(Math.min(seenTo ?? at, length), same ? previous.seenTo : 0);
      const position: ReadingPositionRecord = {
        documentId,
        documentSha256: doc.sha256,
        offset: at,
        updatedAt: now,
        seenTo: seen,
        textLength: length,
        finishedAt: same && previous.finishedAt ? previous.finishedAt : seen >= length ? now : null,
      };
      // Reading forward from the last saved place, at a reading pace: a measure of the reader's speed.
      const sample =
        previous && same && at > previous.offset
          ? readingSample(countWords(doc.text.slice(previous.offset, at)), (Date.parse(now) - Date.parse(previous.updatedAt)) / 1000)
          : null;
      ctx.store().write(() => {
        upsertReadingPosition(db, ctx.corpusId(), position);
        if (sample) addReadingSample(db, sample.words, sample.seconds, now);
      });
      return { documentId, offset: position.offset, updatedAt: position.updatedAt, progress: progressOf(position) };
    },

    getReadingSpeed() {
      return readingSpeed(findReadingSpeed(ctx.store().db));
    },
  };
}
