import { readingProgress } from '../../../common/notes/reading-progress';
import type { ProgressById } from '../../corpus/library-view-queries';
import { listReadingPositions, type ReadingPositionRecord } from '../../user-store/queries/reading-position-queries';
import type { UserDataContext } from './user-data-context';

export const progressOfPosition = (record: ReadingPositionRecord) =>
  readingProgress({ seenTo: record.seenTo, textLength: record.textLength, finished: record.finishedAt !== null });

/**
 * The reader's progress in every document of the open corpus they have opened. Notes that are
 * locked or cannot be used leave every document unread in the library rather than stop it.
 */
export function readingProgressOfCorpus(ctx: UserDataContext): ProgressById {
  let store;
  try {
    store = ctx.store();
  } catch {
    return new Map();
  }
  return new Map(listReadingPositions(store.db, ctx.corpusId()).map((record) => [record.documentId, progressOfPosition(record)]));
}
