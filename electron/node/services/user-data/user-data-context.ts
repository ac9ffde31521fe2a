import { randomUUID } from 'node:crypto';
import type { DocumentView } from '../../../common/corpus/corpus-types';
import type { UserDataStatus } from '../../../common/security/user-data-status';
import type { CorpusStore } from '../../corpus/corpus-store';
import type { CipherKey } from '../../user-store/encryption/cipher-key';
import { acquireNotesLock, DEFAULT_LOCK_WAIT_MS, type NotesLock } from '../../user-store/notes-lock';
import { openUserStore, type UserStore } from '../../user-store/open-user-store';
import { UserStoreOpenError } from '../../user-store/user-store-error';
import { ServiceError } from '../service-error';

/** What every user-data service needs: the user store, the open corpus, a clock and ids. */
export type UserDataContext = {
  /** The user database, or a ServiceError saying why it cannot be used (`user-data-locked` while encrypted and locked). */
  store(): UserStore;
  /** Open, locked or unavailable, and whether encrypted. */
  status(): UserDataStatus;
  /** The notes database file, if one is configured. */
  readonly file: string | undefined;
  readonly nativeBinding: string | undefined;
  /**
   * Opens the file again with `key` (none: plain). A wrong key throws the
   * UserStoreOpenError `user-data-wrong-passphrase` and leaves the state as it was.
   */
  open(key?: CipherKey, options?: { startNew?: boolean; dailyBackups?: boolean; lockWaitMs?: number }): UserStore;
  /** Closes the store for a change of encryption or a restore (the notes lock stays held); user-data calls say `message` until open() runs. */
  closeForChange(message?: string): void;
  /** Runs one change of the notes file at a time (encryption, restore): a second call meanwhile is refused as busy. */
  exclusive<T>(run: () => T | Promise<T>): Promise<T>;
  /** Runs `listener` after every successful open (at start, after unlocking, after an encryption change). */
  onOpen(listener: (store: UserStore) => void): void;
  /** Runs `listener` after every committed write of the notes (store().write). */
  onWrite(listener: () => void): void;
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
  /** How long to wait at start for another process's notes lock before saying the notes are in use. */
  lockWaitMs?: number;
};

/**
 * Opens the user database once. If it cannot be used (newer app version, damaged file),
 * the app still runs and every user-data call reports the same plain-language reason. An
 * encrypted file starts locked: the calls fail with `user-data-locked` until it is opened with its key.
 * The notes lock (notes-lock.ts) is taken before the file is touched and held until close(): while
 * another process holds it, calls fail with `user-data-in-use`, and each call tries again, so
 * closing the other Carrel is enough.
 */
export function createUserDataContext(requireCorpus: () => CorpusStore, options: UserDataOptions): UserDataContext {
  const clock = options.now ?? (() => new Date());
  let store: UserStore | undefined;
  let openError: UserStoreOpenError | undefined;
  let lock: NotesLock | undefined;
  const listeners: ((store: UserStore) => void)[] = [];
  const writeListeners: (() => void)[] = [];
  const afterWrite = () => {
    for (const listener of writeListeners) listener();
  };
  let busy = false;
  const open = (key?: CipherKey, how: { startNew?: boolean; dailyBackups?: boolean; lockWaitMs?: number } = {}): UserStore => {
    const lockWaitMs = how.lockWaitMs ?? options.lockWaitMs ?? DEFAULT_LOCK_WAIT_MS;
    if (!options.file) throw openError!;
    try {
      lock ??= acquireNotesLock(options.file, { nativeBinding: options.nativeBinding, waitMs: lockWaitMs, now: clock });
      const opened = openUserStore(options.file, { nativeBinding: options.nativeBinding, now: clock, key, startNew: how.startNew, dailyBackups: how.dailyBackups, afterWrite });
      store?.close();
      store = opened;
      openError = undefined;
      for (const listener of listeners) listener(opened);
      return opened;
    } catch (error) {
      if (!(error instanceof UserStoreOpenError)) throw error;
      // A wrong passphrase changes nothing: the notes stay locked.
      if (error.code !== 'user-data-wrong-passphrase') openError = error;
      throw error;
    }
  };
  if (!options.file) {
    openError = new UserStoreOpenError('user-data-unavailable', 'No notes database is configured, so highlights and notes cannot be kept.');
  } else {
    try {
      open();
    } catch (error) {
      if (!(error instanceof UserStoreOpenError)) throw error;
    }
  }
  /** While another process holds the lock, every call looks again (without waiting). */
  const retryIfInUse = () => {
    if (store || openError?.code !== 'user-data-in-use') return;
    try {
      open(undefined, { lockWaitMs: 0 });
    } catch (error) {
      if (!(error instanceof UserStoreOpenError)) throw error;
    }
  };
  return {
    store() {
      retryIfInUse();
      if (store) return store;
      throw new ServiceError(openError!.code, openError!.message);
    },
    status() {
      retryIfInUse();
      const file = options.file ?? null;
      if (store) return { state: 'open', encrypted: store.encrypted, file };
      if (openError!.code === 'user-data-locked') return { state: 'locked', encrypted: true, file };
      return { state: 'unavailable', encrypted: false, file, code: openError!.code, message: openError!.message };
    },
    file: options.file,
    nativeBinding: options.nativeBinding,
    open,
    closeForChange(message = 'Your notes are being re-encrypted; they are back in a moment.') {
      store?.close();
      store = undefined;
      openError = new UserStoreOpenError('user-data-unavailable', message);
    },
    async exclusive(run) {
      if (busy) throw new ServiceError('user-data-busy', 'Carrel is still working on your previous request. Try again in a moment.');
      busy = true;
      try {
        return await run();
      } finally {
        busy = false;
      }
    },
    onOpen(listener) {
      listeners.push(listener);
    },
    onWrite(listener) {
      writeListeners.push(listener);
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
    close() {
      store?.close();
      store = undefined;
      openError = new UserStoreOpenError('user-data-unavailable', 'Carrel is closing: your notes are closed.');
      lock?.release();
      lock = undefined;
    },
  };
}
