import type { CarrelServices } from '../../common/ipc/ipc-contract';
import { CorpusOpenError, openCorpus, type CorpusStore, type OpenCorpusOptions } from '../corpus/corpus-store';
import type { AddedDatesSource, ProgressById } from '../corpus/library-view-queries';
import { MAX_ORIGINAL_BYTES } from '../corpus/corpus-format';
import { ServiceError } from './service-error';

export type CorpusService = Pick<CarrelServices, 'getCorpusInfo' | 'listDocuments' | 'listLibraryPage' | 'getDocument' | 'getDocumentStart' | 'getOriginal'> & {
  /** The open corpus, or a ServiceError saying why there is none. */
  requireStore(): CorpusStore;
  /** The corpus file in use (or that failed to open). */
  currentFile(): string;
  /** The corpus file open now; undefined when the current one failed to open. */
  openCorpusFile(): string | undefined;
  /**
   * Switches to another corpus file. The new file is opened first: if it cannot be used,
   * a ServiceError says why and the corpus open until then stays open.
   */
  openFile(file: string): CorpusStore;
  close(): void;
};

/**
 * Corpus methods of the API. A corpus that fails to open does not stop the app: every
 * call then reports the same plain-language reason so the window can show it.
 */
export type CorpusServiceOptions = OpenCorpusOptions & {
  /** The reader's progress in the open corpus (from the notes database), for the library's states; none: all unread. */
  readingProgress?: () => ProgressById;
  /** When documents entered the corpus (from the notes database); none: unknown. */
  dateAdded?: AddedDatesSource;
  /** Called before a corpus store is closed (a switch to another file, or close()): work pending on it finishes first. */
  beforeStoreCloses?: (store: CorpusStore) => void;
  now?: () => Date;
};

export function createCorpusService(file: string, options: CorpusServiceOptions = {}): CorpusService {
  let store: CorpusStore | undefined;
  let openError: CorpusOpenError | undefined;
  let current = file;
  try {
    store = openCorpus(file, options);
  } catch (error) {
    if (!(error instanceof CorpusOpenError)) throw error;
    openError = error;
  }
  const requireStore = (): CorpusStore => {
    if (store) return store;
    throw new ServiceError(openError!.code, openError!.message);
  };
  const closeStore = (closing: CorpusStore) => {
    options.beforeStoreCloses?.(closing);
    closing.close();
  };
  const openFile = (next: string): CorpusStore => {
    let opened: CorpusStore;
    try {
      opened = openCorpus(next, options);
    } catch (error) {
      if (error instanceof CorpusOpenError) throw new ServiceError(error.code, error.message);
      throw error;
    }
    if (store) closeStore(store);
    store = opened;
    openError = undefined;
    current = next;
    return opened;
  };
  return {
    getCorpusInfo: () => requireStore().info,
    listDocuments: () => requireStore().listDocuments(),
    listLibraryPage: (request) => requireStore().listLibraryPage(request, options.readingProgress?.(), options.dateAdded, options.now?.()),
    getDocument({ id }) {
      const doc = requireStore().getDocument(id);
      if (!doc) throw new ServiceError('not-found', `No document with id "${id}" in this corpus.`);
      return doc;
    },
    getDocumentStart({ id, paragraphs }) {
      const start = requireStore().getDocumentStart(id, paragraphs);
      if (!start) throw new ServiceError('not-found', `No document with id "${id}" in this corpus.`);
      return start;
    },
    getOriginal({ id }) {
      const store = requireStore();
      const original = store.getOriginal(id);
      if (!original) {
        const doc = store.getDocument(id);
        if (!doc) throw new ServiceError('not-found', `No document with id "${id}" in this corpus.`);
        throw new ServiceError(
          'no-original',
          doc.original?.kept === false && doc.original.missing === 'too-large'
            ? `This corpus keeps no copy of “${doc.originalFile}”: it is larger than ${MAX_ORIGINAL_BYTES / 1024 / 1024} MB.`
            : doc.format === 'pdf'
              ? `This corpus was built without originals (--no-originals): build it again without that option to see the pages of “${doc.originalFile}”.`
              : 'Only PDF documents have original pages to show.',
        );
      }
      // A corpus made by hand could hold anything: nothing larger than a build keeps crosses IPC.
      if (original.bytes.length > MAX_ORIGINAL_BYTES) throw new ServiceError('too-large', `The original of this document is larger than ${MAX_ORIGINAL_BYTES / 1024 / 1024} MB.`);
      return original;
    },
    requireStore,
    currentFile: () => current,
    openCorpusFile: () => store?.file,
    openFile,
    close: () => {
      if (store) closeStore(store);
    },
  };
}
