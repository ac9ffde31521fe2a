import type { CarrelServices } from '../../../common/ipc/ipc-contract';
import { findBookmark, setBookmarkDeleted } from '../../user-store/queries/bookmark-queries';
import { findDeletion, markDeletionRestored } from '../../user-store/queries/deletion-queries';
import { findHighlight, setHighlightDeleted } from '../../user-store/queries/highlight-queries';
import { findNote, setNoteDeleted } from '../../user-store/queries/note-queries';
import { ServiceError } from '../service-error';
import type { UserDataContext } from './user-data-context';

export type UndoService = Pick<CarrelServices, 'undoDeletion'>;

const RESTORE = { highlight: setHighlightDeleted, note: setNoteDeleted, bookmark: setBookmarkDeleted } as const;
const FIND = { highlight: findHighlight, note: findNote, bookmark: findBookmark } as const;

/** Deletes are soft: undoing one clears the item's deleted_at. Undoing twice is harmless. */
export function createUndoService(ctx: UserDataContext): UndoService {
  return {
    undoDeletion({ deletionId }) {
      const deletion = findDeletion(ctx.store().db, ctx.corpusId(), deletionId);
      if (!deletion) {
        throw new ServiceError(
          'not-found',
          'There is nothing to undo for this delete in the open corpus: deleted items are erased for good an hour after they are deleted, when Carrel closes, or with “Empty deleted items now”.',
        );
      }
      const item = FIND[deletion.kind](ctx.store().db, deletion.corpusId, deletion.itemId);
      if (deletion.restoredAt && item?.deletedAt) {
        throw new ServiceError('already-undone', 'This deletion was already undone, and the item was deleted again since: undo that later deletion instead.');
      }
      if (!deletion.restoredAt) {
        ctx.store().write(() => {
          RESTORE[deletion.kind](ctx.store().db, deletion.itemId, null);
          markDeletionRestored(ctx.store().db, deletion.id, ctx.now());
        });
      }
      return { kind: deletion.kind, itemId: deletion.itemId, documentId: deletion.documentId };
    },
  };
}
