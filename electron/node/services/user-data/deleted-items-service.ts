import type { CarrelServices } from '../../../common/ipc/ipc-contract';
import { UNDO_WINDOW_MS, type EmptyDeletedResult } from '../../../common/notes/deleted-items';
import { checkpointAndTruncate, purgeDeleted, type PurgeCounts } from '../../user-store/queries/purge-queries';
import type { UserDataContext } from './user-data-context';

/** How often deleted items past the undo window are looked for while Carrel runs. */
const PURGE_INTERVAL_MS = 5 * 60 * 1000;

export type DeletedItemsOptions = {
  now?: () => Date;
  undoWindowMs?: number;
  intervalMs?: number;
};

export type DeletedItemsService = Pick<CarrelServices, 'emptyDeletedItems'> & {
  /** Stops the timer and erases every deleted item: no undo survives the session. */
  close(): void;
};

/**
 * "Delete" means gone: soft deletes stay undoable for the undo window while Carrel runs, then
 * are erased (every few minutes, at start for what earlier sessions left, at close for
 * everything) or at once with emptyDeletedItems. Each purge that erased something ends with a
 * TRUNCATE checkpoint, so the freed bytes leave the WAL too.
 */
export function createDeletedItemsService(ctx: UserDataContext, options: DeletedItemsOptions = {}): DeletedItemsService {
  const clock = options.now ?? (() => new Date());
  const undoWindow = options.undoWindowMs ?? UNDO_WINDOW_MS;
  // Deletes of earlier sessions cannot be undone from the window (its undo list is per session).
  const sessionStart = clock().toISOString();

  const purge = (before: string | undefined, alwaysCheckpoint: boolean): { counts: PurgeCounts; checkpointed: boolean } => {
    const store = ctx.store();
    const counts = store.write(() => purgeDeleted(store.db, before));
    const erased = counts.highlights + counts.notes + counts.bookmarks + counts.deletions + counts.tags;
    const checkpointed = erased > 0 || alwaysCheckpoint ? checkpointAndTruncate(store.db) : true;
    return { counts, checkpointed };
  };
  /** Purges that nobody asked for: notes locked or unavailable are purged the next time. */
  const quietly = (before: string | undefined, alwaysCheckpoint = false) => {
    if (ctx.status().state !== 'open') return;
    try {
      purge(before, alwaysCheckpoint);
    } catch (error) {
      console.warn(`Deleted items could not be erased now; Carrel tries again later (${(error as Error).message}).`);
    }
  };

  ctx.onOpen(() => quietly(sessionStart));
  quietly(sessionStart);
  const timer = setInterval(() => quietly(new Date(clock().getTime() - undoWindow).toISOString()), options.intervalMs ?? PURGE_INTERVAL_MS);
  timer.unref?.();

  return {
    emptyDeletedItems(): EmptyDeletedResult {
      const { counts, checkpointed } = purge(undefined, true);
      return { highlights: counts.highlights, notes: counts.notes, bookmarks: counts.bookmarks, message: sentence(counts, checkpointed) };
    },
    close() {
      clearInterval(timer);
      quietly(undefined, true);
    },
  };
}

function sentence(counts: PurgeCounts, checkpointed: boolean): string {
  const parts = [
    [counts.highlights, 'highlight'],
    [counts.notes, 'note'],
    [counts.bookmarks, 'bookmark'],
  ]
    .filter(([n]) => (n as number) > 0)
    .map(([n, word]) => `${n} ${word}${n === 1 ? '' : 's'}`);
  const erased = parts.length
    ? `Erased for good: ${parts.length > 1 ? `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}` : parts[0]}. They can no longer be undone.`
    : 'There were no deleted items left to erase.';
  const wal = checkpointed ? '' : ' Part of the database log could not be emptied now because it is being read; Carrel empties it when it closes.';
  return `${erased}${wal} Backups made before a delete still hold what was deleted: a daily backup until seven newer ones replace it, a backup made before an update of Carrel until five newer ones do.`;
}
