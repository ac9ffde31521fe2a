import type { z } from 'zod';
import type { CorpusInfo, DocumentMeta, DocumentStart, DocumentView, OriginalFile } from '../../corpus/corpus-types';
import type { LibraryPage } from '../../corpus/library-types';
import type { CORPUS_SCHEMAS } from './corpus-schemas';
import { featureChannels } from './feature-channels';

type In<M extends keyof typeof CORPUS_SCHEMAS> = z.infer<(typeof CORPUS_SCHEMAS)[M]>;

/** The open corpus: its facts, its documents and the library list. */
export interface CorpusContract {
  getCorpusInfo(input: In<'getCorpusInfo'>): CorpusInfo;
  listDocuments(input: In<'listDocuments'>): DocumentMeta[];
  /** A page of the library list (lean rows and the total), for a virtualised list of any size. */
  listLibraryPage(input: In<'listLibraryPage'>): LibraryPage;
  getDocument(input: In<'getDocument'>): DocumentView;
  /** The first paragraphs of a document (and its size): the reader shows them while the whole (getDocument) is on its way. */
  getDocumentStart(input: In<'getDocumentStart'>): DocumentStart;
  /** The source PDF the corpus keeps for a document (bytes, bounded), for the reader's "Show original". */
  getOriginal(input: In<'getOriginal'>): OriginalFile;
  /** A standard font or CMap of pdfjs-dist, by its file name, for the reader's pdf.js (which may fetch nothing). */
  getPdfResource(input: In<'getPdfResource'>): Uint8Array;
}

export const CORPUS_CHANNELS = featureChannels('corpus', ['getCorpusInfo', 'listDocuments', 'listLibraryPage', 'getDocument', 'getDocumentStart', 'getOriginal', 'getPdfResource']);
