import type { CarrelServices } from '../../../common/ipc/ipc-contract';
import type { KeyVault } from '../../user-store/encryption/key-vault';
import { createAnchorReviewService } from './anchor-review-service';
import { createBookmarkService } from './bookmark-service';
import { createEncryptionService } from './encryption-service';
import { createExportService } from './export-service';
import { guardStorage } from './guard-storage';
import { createHighlightService } from './highlight-service';
import { createNoteService } from './note-service';
import { createNotebookService } from './notebook-service';
import { createUndoService } from './undo-service';
import type { UserDataContext } from './user-data-context';

export type UserDataServices = ReturnType<typeof createUserDataServices>;

/**
 * Every service that reads or writes the notes database, behind one guard that says a failing
 * database in words (guard-storage.ts). The status call stays exempt from the same-file check,
 * so the window can always ask what state the notes are in.
 */
export function createUserDataServices(userData: UserDataContext, options: { keyVault?: KeyVault; now?: () => Date } = {}) {
  const services = {
    ...createHighlightService(userData),
    ...createNoteService(userData),
    ...createBookmarkService(userData),
    ...createUndoService(userData),
    ...createNotebookService(userData),
    ...createAnchorReviewService(userData),
    ...createExportService(userData),
    ...createEncryptionService(userData, { vault: options.keyVault, now: options.now }),
  } satisfies Partial<CarrelServices>;
  return guardStorage(userData, services, ['getUserDataStatus', 'forgetRememberedKey']);
}
