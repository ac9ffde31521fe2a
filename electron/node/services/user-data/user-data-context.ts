import { randomUUID } from 'node:crypto';
import type { DocumentView } from '../../../common/corpus/corpus-types';
import type { CorpusStore } from '../../corpus/corpus-store';
import { openUserStore, type UserStore } from '../../user-store/open-user-store';
import { UserStoreOpenError } from '../../user-store/user-store-error';
import { ServiceError } from '../service-error';

/** What every user-data service needs: the user store, the open corpus, a clock and ids. */
export type UserDataContext = {
  /** The user database, or a ServiceError saying why it cannot be used. */
  store(): UserStore;
  /** Id of the open corpus: user data is kept per corpus. */
  corpusId(): string;
  corpus(): CorpusStore;
  /** The document, or a ServiceError `not-found`. */
  document(documentId: string): DocumentView;
  now(): string;
  newId(): string;
  close(): void;
};

export type UserDataOptions = {
  /** The user database file; without it user data is unavailable (and says so). */
  file?: string;
  nativeBinding?: string;
  now?: () => Date;
};

/**
 * Opens the user database once. If it cannot be used (newer app version, damaged file),
 * the app still runs and every user-data call reports the same plain-language reason.
 */
export function createUserDataContext(requireCorpus: () => CorpusStore, options: UserDataOptions): UserDataContext {
  const clock = options.now ?? (() => new Date());
  let store: UserStore | undefined;
  let openError: UserStoreOpenError | undefined;
  if (!options.file) {
    openError = new UserStoreOpenError('user-data-unavailable', 'No notes database is configured, so highlights and notes cannot be kept.');
  } else {
    try {
      store = openUserStore(options.file, { nativeBinding: options.nativeBinding, now: clock });
    } catch (error) {
      if (!(error instanceof UserStoreOpenError)) throw error;
      openError = error;
    }
  }
  return {
    store() {
      if (store) return store;
      throw new ServiceError(openError!.code, openError!.message);
    },
    corpusId: () => requireCorpus().info.id,
    corpus: requireCorpus,
    document(documentId) {
      const doc = requireCorpus().getDocument(documentId);
      if (!doc) throw new ServiceError('not-found', `No document with id "${documentId}" in this corpus.`);
      return doc;
    },
    now: () => clock().toISOString(),
    newId: () => randomUUID(),
    close: () => store?.close(),
  };
}
