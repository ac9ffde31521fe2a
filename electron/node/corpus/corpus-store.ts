import fs from 'node:fs';
import { createEntityTables, type EntityTables } from '../entities/entity-tables';
import path from 'node:path';
import type { CorpusInfo, DocumentMeta, DocumentStart, DocumentView, OriginalFile } from '../../common/corpus/corpus-types';
import { openDatabase, type Db } from '../sqlite/open-database';
import type { DocumentRepeats, ParagraphElsewhere, RepeatedGroup, RepeatedSort } from '../../common/analysis/repeated-types';
import { documentRepeats, paragraphElsewhere, repeatedGroups } from './repeated-passages-queries';
import { CORPUS_APPLICATION_ID, CORPUS_FORMAT_VERSION, META } from './corpus-format';
import { createSearchTables, type SearchTables } from '../search/search-tables';
import { documentTextBatches, type DocumentText } from './corpus-texts';
import type { LibraryPage, LibraryPageRequest } from '../../common/corpus/library-types';
import {
  findDocument,
  findDocumentMetas,
  libraryPosition,
  listDocumentMetas,
  listLibraryRows,
  listHeadings,
  listLinks,
  countParagraphs,
  listParagraphs,
  findOriginal,
  originalAvailability,
  createPageLookup,
  readMeta,
  toCorpusInfo,
} from './corpus-queries';
import { countLibraryView, isDefaultView, libraryViewPosition, listLibraryViewRows, withProgress, type AddedDatesSource, type ProgressById } from './library-view-queries';

export type CorpusErrorCode = 'corpus-missing' | 'corpus-invalid' | 'corpus-version';

/** Why a corpus file cannot be used, in words fit for the window. */
export class CorpusOpenError extends Error {
  constructor(
    readonly code: CorpusErrorCode,
    message: string,
    /** Made by an older Carrel: it opens again once rebuilt from its sources (the app offers that, the CLI names the command). */
    readonly outdated = false,
  ) {
    super(message);
  }
}

export type CorpusStore = {
  readonly file: string;
  readonly info: CorpusInfo;
  /** The build this file holds: when it was made and the SHA-256 of its content (from its manifest). */
  readonly build: { createdAt: string; contentSha256: string };
  /** Every document id in corpus order, or those of the positions [from, from + limit). */
  documentIds(from?: number, limit?: number): string[];
  /** Every document's text and paragraphs (or the ones named), in corpus order, a batch at a time. */
  textBatches(ids: readonly string[] | undefined): Generator<DocumentText[]>;
  listDocuments(): DocumentMeta[];
  /** Words in every document's text, summed. */
  wordCount(): number;
  /** Metadata and library position of the documents asked for that exist (cheap for a few of 100k+). */
  documentMetas(ids: readonly string[]): Map<string, DocumentMeta & { ord: number }>;
  /** A page of lean library rows; an aroundId request returns the page-aligned window holding that document. */
  /** `added`: when documents entered the corpus (notes database), read as the page needs; `now` for “added in the last 7 days”. */
  listLibraryPage(request: LibraryPageRequest, progress?: ProgressById, added?: AddedDatesSource, now?: Date): LibraryPage;
  getDocument(id: string): DocumentView | undefined;
  /** The document cut after its first `paragraphs` paragraphs, with its whole size; undefined for an unknown id. */
  getDocumentStart(id: string, paragraphs: number): DocumentStart | undefined;
  /** The source PDF kept for a document ("Show original"), or undefined when there is none. */
  getOriginal(id: string): OriginalFile | undefined;
  /** The search index tables, read lazily term by term. */
  searchTables(): SearchTables;
  /** The entity index (people, organisations, places, dates) as built. */
  entityTables(): EntityTables;
  /** The printed page of a text offset in a paginated (PDF) document, '' otherwise. */
  pageAt(ord: number, offset: number): string;
  /** The paragraphs of a document that stand elsewhere too (repeated-passages-queries.ts); undefined for an unknown id. */
  documentRepeats(id: string): DocumentRepeats | undefined;
  /** Undefined when the document is not in the corpus; no places when the paragraph stands nowhere else. */
  paragraphElsewhere(id: string, paragraph: number): ParagraphElsewhere | undefined;
  /** The corpus's groups of repeated passages, largest first, a page at a time. */
  repeatedGroups(minWords: number, offset: number, limit: number, sort?: RepeatedSort): { total: number; groups: RepeatedGroup[] };
  close(): void;
};

export type OpenCorpusOptions = { nativeBinding?: string };

/** Opens a corpus file read-only, checking that it is a corpus of a version this app reads. */
export function openCorpus(file: string, options: OpenCorpusOptions = {}): CorpusStore {
  const name = path.basename(file);
  if (!fs.existsSync(file)) {
    throw new CorpusOpenError('corpus-missing', `The corpus file ${name} was not found at ${file}.`);
  }
  let db: Db | undefined;
  try {
    db = openDatabase(file, { readonly: true, fileMustExist: true, nativeBinding: options.nativeBinding });
    const applicationId = db.pragma('application_id', { simple: true }) as number;
    const version = db.pragma('user_version', { simple: true }) as number;
    if (applicationId !== CORPUS_APPLICATION_ID) {
      throw new CorpusOpenError('corpus-invalid', `${name} is a SQLite file but not a Carrel corpus.`);
    }
    if (version > CORPUS_FORMAT_VERSION) {
      throw new CorpusOpenError(
        'corpus-version',
        `${name} was built by a newer version of Carrel (corpus format ${version}; this version reads format ${CORPUS_FORMAT_VERSION}). Update Carrel to open it.`,
      );
    }
    if (version < CORPUS_FORMAT_VERSION) {
      throw new CorpusOpenError(
        'corpus-version',
        `${name} was made by an older version of Carrel, or its build did not finish (corpus format ${version}; this version reads format ${CORPUS_FORMAT_VERSION}). It opens again once rebuilt from its sources.`,
        true,
      );
    }
    const meta = readMeta(db);
    const info = toCorpusInfo(meta, version, name);
    return createStore(db, file, info, meta.get(META.originals) !== 'none', { createdAt: meta.get(META.createdAt) ?? '', contentSha256: meta.get(META.contentSha256) ?? '' });
  } catch (error) {
    db?.close();
    if (error instanceof CorpusOpenError) throw error;
    throw new CorpusOpenError(
      'corpus-invalid',
      `${name} cannot be read as a corpus: it is damaged or not a Carrel corpus (${(error as Error).message}).`,
    );
  }
}

function createStore(db: Db, file: string, info: CorpusInfo, originalsKept: boolean, build: CorpusStore['build']): CorpusStore {
  let tables: SearchTables | undefined;
  let entities: EntityTables | undefined;
  let pageLookup: ((ord: number, offset: number) => string) | undefined;
  return {
    file,
    info,
    build,
    documentIds: (from = 0, limit = -1) => db.prepare('SELECT id FROM documents WHERE ord >= ? ORDER BY ord LIMIT ?').pluck().all(from, limit) as string[],
    textBatches: (ids) => documentTextBatches(db, ids),
    listDocuments: () => listDocumentMetas(db),
    wordCount: () => db.prepare('SELECT coalesce(sum(word_count), 0) FROM documents').pluck().get() as number,
    documentMetas: (ids) => findDocumentMetas(db, ids),
    listLibraryPage(request, progress = new Map(), added, now) {
      const { view } = request;
      if (view && !isDefaultView(view)) {
        const facts = { progress, added, now };
        const total = countLibraryView(db, view, facts);
        const index = 'aroundId' in request ? libraryViewPosition(db, view, facts, request.aroundId) : undefined;
        const offset = 'offset' in request ? request.offset : index! < 0 ? 0 : index! - (index! % request.limit);
        return { total, offset, rows: listLibraryViewRows(db, view, facts, offset, request.limit), ...(index === undefined ? {} : { index }) };
      }
      const total = info.documentCount;
      const rows = (offset: number) => withProgress(listLibraryRows(db, offset, request.limit), progress, added);
      if ('offset' in request) return { total, offset: request.offset, rows: rows(request.offset) };
      const index = libraryPosition(db, request.aroundId);
      // Aligned to the page size, so the renderer's page cache gets the same pages either way.
      const offset = index < 0 ? 0 : index - (index % request.limit);
      return { total, offset, rows: rows(offset), index };
    },
    getDocument(id) {
      const doc = findDocument(db, id);
      if (!doc) return undefined;
      const { ord, ...rest } = doc;
      const original = originalAvailability(db, ord, rest.format, originalsKept);
      return { ...rest, paragraphs: listParagraphs(db, ord), links: listLinks(db, ord), headings: listHeadings(db, ord), ...(original ? { original } : {}) };
    },
    getDocumentStart(id, count) {
      const doc = findDocument(db, id);
      if (!doc) return undefined;
      const { ord, text, ...rest } = doc;
      const paragraphCount = countParagraphs(db, ord);
      const paragraphs = listParagraphs(db, ord, count);
      const complete = paragraphs.length === paragraphCount;
      // Cut after the last paragraph given: the text, links and headings up to there.
      const end = complete ? text.length : (paragraphs.at(-1)?.end ?? 0);
      const original = originalAvailability(db, ord, rest.format, originalsKept);
      return {
        ...rest,
        text: complete ? text : text.slice(0, end),
        paragraphs,
        links: listLinks(db, ord).filter((l) => complete || l.end <= end),
        headings: listHeadings(db, ord).filter((h) => complete || h.end <= end),
        ...(original ? { original } : {}),
        complete,
        paragraphCount,
        textLength: text.length,
      };
    },
    getOriginal(id) {
      const ord = libraryPosition(db, id);
      const original = ord < 0 ? undefined : findOriginal(db, ord);
      return original && { id, ...original };
    },
    searchTables: () => (tables ??= createSearchTables(db, info.documentCount)),
    entityTables: () => (entities ??= createEntityTables(db)),
    pageAt: (ord, offset) => (pageLookup ??= createPageLookup(db))(ord, offset),
    documentRepeats(id) {
      const ord = db.prepare('SELECT ord FROM documents WHERE id = ?').pluck().get(id) as number | undefined;
      return ord === undefined ? undefined : documentRepeats(db, ord, id);
    },
    paragraphElsewhere(id, paragraph) {
      const ord = db.prepare('SELECT ord FROM documents WHERE id = ?').pluck().get(id) as number | undefined;
      return ord === undefined ? undefined : paragraphElsewhere(db, ord, id, paragraph);
    },
    repeatedGroups: (minWords, offset, limit, sort) => repeatedGroups(db, minWords, offset, limit, sort),
    close: () => db.close(),
  };
}
