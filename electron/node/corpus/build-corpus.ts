import fs from 'node:fs';
import path from 'node:path';
import type { BuildPhase, BuildProgress } from '../../common/corpus/corpus-choice-types';
import { BUILDER_VERSION, CORPUS_FORMAT_VERSION, MAX_ORIGINAL_BYTES, META } from './corpus-format';
import { readCorpusDescription, type CorpusDescription } from './corpus-description';
import { ContentHasher, MANIFEST_SCHEME } from './corpus-manifest';
import { createCorpusWriter, type CorpusWriter } from './corpus-writer';
import { createExtractor, DEFAULT_EXTRACT_TIMEOUT_MS, type Extractor } from './formats/extract-worker';
import { isReadable, loadSourceSteps } from './load-source';
import { applyFolds, documentFolds, edgeLines } from './fold-lines';
import { readAhead, type FileReader } from './read-ahead';
import { readRegularFile } from './read-regular-file';
import { RepeatedLines, siteOf } from './repeated-lines';
import { sourceFormatOf, type SkipReason } from './parse-source';
import { listSourceEntries, listSourceFiles } from './read-source-files';
import { sha256Hex } from './sha256';
import { removeStaleTempFiles, tempFileFor } from './temp-files';
import { countWords } from './word-count';
import { runSteps, runStepsInSlices, type SliceOptions, type Steps } from '../steps/run-steps';
import { SOURCE_WORKERS, type WorkerEntry } from '../query-worker/worker-entry';
import type { EntityPass } from '../entities/entity-pass';

export type SkippedFile = { path: string; reason: SkipReason; message: string };

export type BuildSummary = {
  corpusId: string;
  title: string;
  /** The folder it was built from (resolved). */
  sourcesDir: string;
  outFile: string;
  documents: number;
  skipped: SkippedFile[];
  /** Bytes of every file read (files of a supported type within the size limit). */
  totalBytes: number;
  /** UTF-16 code units of text stored. */
  textChars: number;
  /** SHA-256 of the whole corpus as written in its manifest. */
  contentSha256: string;
  /** Copies of source PDFs kept ("Show original"), and their bytes. */
  originals: { count: number; bytes: number };
  durationMs: number;
};

export type { BuildPhase, BuildProgress };

/** Documents indexed between two progress reports. */
const INDEX_PROGRESS_EVERY = 1000;

export const DEFAULT_MAX_FILE_BYTES = 20 * 1024 * 1024;

export type BuildOptions = {
  sourcesDir: string;
  outFile: string;
  title?: string;
  /** Larger files are skipped as too large (default 20 MB). */
  maxFileBytes?: number;
  /** A PDF or Word document that takes longer to read is skipped (default 60 s). */
  extractTimeoutMs?: number;
  /** Keep a copy of each source PDF for the reader's "Show original" (default true; --no-originals: false). */
  originals?: boolean;
  onProgress?: (progress: BuildProgress) => void;
  /** Leave repeated passages unfound (the build bench measures what finding them costs); default true. */
  repeatedPassages?: boolean;
  /** Leave the entity index empty (bench/entities.ts measures its cost this way); default: found. */
  withoutEntities?: boolean;
  /**
   * Where the entities of a corpus with entityWorkerMinChars of text are found: a worker thread
   * on this entry (the app passes its bundle's; default: the source worker, when running from
   * the sources), or with false in the build's thread, as a smaller corpus's are. The index is
   * the same either way.
   */
  entityWorker?: WorkerEntry | false;
  /** Default ENTITY_WORKER_MIN_CHARS (tests set 0). */
  entityWorkerMinChars?: number;
  /**
   * Where the search index of a corpus with indexWorkerMinChars of text is built: in
   * indexThreads worker threads on this entry, each a run of consecutive documents merged in
   * document order (default: the source worker, when running from the sources), or with false in
   * the build's thread, as a smaller corpus's is. The file is the same either way, byte for byte.
   */
  indexWorker?: WorkerEntry | false;
  /** Worker threads for the search index (default INDEX_THREADS). */
  indexThreads?: number;
  /** Default INDEX_WORKER_MIN_CHARS (tests set 0). */
  indexWorkerMinChars?: number;
};

/** Text below which the search index is built in the build's thread: starting workers costs more. */
export const INDEX_WORKER_MIN_CHARS = 4 * 1024 * 1024;
/** Worker threads for the search index of a large corpus. */
export const INDEX_THREADS = 1;

function indexWorkerFor(options: BuildOptions, textChars: number): WorkerEntry | undefined {
  if (options.indexWorker === false || (options.indexThreads ?? INDEX_THREADS) < 1) return undefined;
  if (textChars < (options.indexWorkerMinChars ?? INDEX_WORKER_MIN_CHARS)) return undefined;
  if (options.indexWorker) return options.indexWorker;
  const source = SOURCE_WORKERS.index;
  return fs.existsSync(source.file) ? source : undefined;
}

/** Text below which the entities are found in the build's thread: starting a worker costs more. */
export const ENTITY_WORKER_MIN_CHARS = 4 * 1024 * 1024;

function entityWorkerFor(options: BuildOptions, textChars: number): WorkerEntry | undefined {
  if (options.entityWorker === false || textChars < (options.entityWorkerMinChars ?? ENTITY_WORKER_MIN_CHARS)) return undefined;
  if (options.entityWorker) return options.entityWorker;
  // Running from the sources (tsx: the command line, benches, tests): the source worker, if it is there.
  const source = SOURCE_WORKERS.entities;
  return fs.existsSync(source.file) ? source : undefined;
}

/** Steps of some work, with another's pump() called at each (a second thread kept fed). */
function* pumping<T>(steps: Steps<T>, pump: (() => void) | undefined): Steps<T> {
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
    pump?.();
    yield next.value;
  }
}

/**
 * Fingerprint of everything a build reads. Stored in the corpus so that start and test
 * can tell a stale corpus file from a current one without rebuilding.
 */
export function sourcesFingerprint(sourcesDir: string, title?: string, originals = true): string {
  const description = readCorpusDescription(sourcesDir, title);
  // The files a build with the default size limit reads, and nothing else (what it cannot read it skips).
  const files: { relativePath: string; sha256: string }[] = [];
  for (const file of listSourceFiles(sourcesDir)) {
    if (sourceFormatOf(file.relativePath) === undefined || file.size > DEFAULT_MAX_FILE_BYTES) continue;
    let bytes: Buffer;
    try {
      bytes = readRegularFile(file.absolutePath, DEFAULT_MAX_FILE_BYTES);
    } catch {
      continue;
    }
    files.push({ relativePath: file.relativePath, sha256: sha256Hex(bytes) });
  }
  return fingerprint(description, files, originals);
}

function fingerprint(description: CorpusDescription, files: { relativePath: string; sha256: string }[], originals: boolean): string {
  const parts = [`builder ${BUILDER_VERSION}`, `format ${CORPUS_FORMAT_VERSION}`, description.id, description.title, description.raw];
  // Only a build without originals says so: the fingerprint of a default build is as before.
  if (!originals) parts.push('no originals');
  for (const file of files) parts.push(`${file.relativePath}\0${file.sha256}`);
  return sha256Hex(parts.join('\n'));
}

/** A unique id for a document: its path id, or that id with a number when another file took it. */
function uniqueId(id: string, taken: Map<string, string>): string {
  if (!taken.has(id)) return id;
  for (let n = 2; ; n++) if (!taken.has(`${id}-${n}`)) return `${id}-${n}`;
}

/**
 * Builds a corpus file from a folder of .txt, .md, .html, .pdf, .epub and .docx sources. Files are read and
 * stored one at a time (in path order, so the same folder gives the same documents, ids and
 * index); a file that cannot be used is skipped with its reason and never stops the build.
 * Writes to a temporary file next to the target and renames it into place only when
 * complete, so a failed build never leaves a half-written corpus or a temporary file.
 */
export function buildCorpus(options: BuildOptions): BuildSummary {
  return runSteps(buildCorpusSteps(options));
}

/**
 * The same build in time slices, for the app: the event loop keeps turning between slices,
 * and aborting the signal stops the build and deletes its temporary file (StepsCancelled).
 */
export function buildCorpusInSlices(options: BuildOptions, slices: SliceOptions = {}): Promise<BuildSummary> {
  return runStepsInSlices(buildCorpusSteps(options), slices);
}

function* buildCorpusSteps(options: BuildOptions): Steps<BuildSummary> {
  const started = performance.now();
  const sourcesDir = path.resolve(options.sourcesDir);
  if (!fs.statSync(sourcesDir, { throwIfNoEntry: false })?.isDirectory()) {
    throw new Error(`Sources folder not found: ${options.sourcesDir}`);
  }
  const maxFileBytes = options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES;
  const description = readCorpusDescription(sourcesDir, options.title);
  const entries = listSourceEntries(sourcesDir);
  const total = entries.length;
  const totalBytes = entries.reduce((sum, entry) => sum + (isReadable(entry, maxFileBytes) ? entry.size : 0), 0);

  const outFile = path.resolve(options.outFile);
  fs.mkdirSync(path.dirname(outFile), { recursive: true });
  removeStaleTempFiles(outFile);
  const tmpFile = tempFileFor(outFile);
  const compactFile = tempFileFor(outFile, '.compact');
  fs.rmSync(tmpFile, { force: true });
  fs.rmSync(compactFile, { force: true });

  const skipped: SkippedFile[] = [];
  const fileShas: { relativePath: string; sha256: string }[] = [];
  const byId = new Map<string, string>();
  const byText = new Map<string, string>();
  const hasher = new ContentHasher();
  const repeated = new RepeatedLines();
  let bytesRead = 0;
  let textChars = 0;
  let documents = 0;
  const keepOriginals = options.originals !== false;
  const originals = { count: 0, bytes: 0 };
  let writer: CorpusWriter | undefined;
  let reader: FileReader | undefined;
  let extractor: Extractor | undefined;
  let entities: EntityPass | undefined;
  let closeIndex: (() => void) | undefined;
  let completed = false;
  const progress = (phase: BuildPhase, done: number, indexed = 0) =>
    options.onProgress?.({ phase, done, total, bytes: bytesRead, totalBytes, documents, indexed });

  try {
    writer = createCorpusWriter(tmpFile);
    // Files are read in a second thread, in order, while this one parses and indexes.
    reader = readAhead(
      entries.filter((entry) => isReadable(entry, maxFileBytes)),
      maxFileBytes,
    );
    for (const [index, entry] of entries.entries()) {
      extractor ??= createExtractor(options.extractTimeoutMs ?? DEFAULT_EXTRACT_TIMEOUT_MS);
      const loaded = yield* loadSourceSteps(entry, maxFileBytes, reader, extractor);
      if (loaded.bytes) {
        bytesRead += loaded.bytes.length;
        fileShas.push({ relativePath: entry.relativePath, sha256: sha256Hex(loaded.bytes) });
      }
      if (!loaded.ok) {
        skipped.push({ path: entry.relativePath, reason: loaded.reason, message: loaded.message });
      } else {
        const { doc } = loaded;
        const sha256 = sha256Hex(doc.text);
        const sameText = byText.get(sha256);
        if (sameText !== undefined) {
          skipped.push({ path: entry.relativePath, reason: 'duplicate', message: `same text as ${sameText}` });
        } else {
          const id = uniqueId(doc.id, byId);
          byId.set(id, entry.relativePath);
          byText.set(sha256, entry.relativePath);
          // The parsed document itself, completed (no copy of its fields), its folded lines apart.
          const lines = edgeLines(doc.text, doc.blocks);
          const folds = documentFolds(doc.text, doc.title, lines);
          const prepared = Object.assign(doc, { id, sha256, wordCount: countWords(doc.text), blocks: applyFolds(doc.text, doc.blocks, folds) });
          const ord = writer!.add(prepared);
          if (keepOriginals && doc.format === 'pdf' && loaded.bytes.length <= MAX_ORIGINAL_BYTES) {
            writer!.addOriginal(ord, 'application/pdf', loaded.bytes, fileShas.at(-1)!.sha256);
            originals.count++;
            originals.bytes += loaded.bytes.length;
          }
          repeated.add(ord, siteOf(doc.source, doc.sourcePath), doc.text, lines, folds);
          hasher.add(prepared);
          textChars += doc.text.length;
          documents++;
          // A large corpus has its entities found in a worker from here on, while the rest is read.
          const worker = entities || options.withoutEntities ? undefined : entityWorkerFor(options, textChars);
          if (worker) entities = writer!.startEntities(worker);
          entities?.pump();
        }
      }
      progress('reading', index + 1);
      yield;
    }

    reader.close();
    extractor?.close();
    // Lines most documents of a site carry at their edges, known now that every document is in.
    for (const [ord, folds] of repeated.folds()) writer.refold(ord, folds);
    progress('indexing', total);
    // People, organisations, places and dates (the entity index), from the stored paragraphs:
    // found in a second thread, when there is one, while this one does the rest.
    if (!options.withoutEntities) entities ??= writer.startEntities(entityWorkerFor(options, textChars));
    entities?.complete();
    // The search index, likewise, in worker threads when there are some.
    const indexEntry = indexWorkerFor(options, textChars);
    const index = indexEntry ? writer.startIndex(indexEntry, options.indexThreads ?? INDEX_THREADS) : undefined;
    closeIndex = index?.close;
    const pumpEntities = entities?.pump;
    const pump = index ? () => (index.pump(), pumpEntities?.()) : pumpEntities;
    // Paragraphs repeated across documents, among the lines left once folded lines are known.
    if (options.repeatedPassages !== false) yield* pumping(writer.writeRepeatedPassages(), pump);
    // Without a worker, before the search index, whose memory then reuses the finder's.
    if (entities && !entities.threaded) yield* pumping(writer.writeEntities(entities), index?.pump);
    let reported = 0;
    for (const indexed of pumping(writer.writeIndex(index), pumpEntities)) {
      // Every INDEX_PROGRESS_EVERY documents (the workers' count moves a batch at a time).
      if (typeof indexed === 'number' && Math.floor(indexed / INDEX_PROGRESS_EVERY) > Math.floor(reported / INDEX_PROGRESS_EVERY)) {
        reported = indexed;
        progress('indexing', total, indexed);
      }
      yield;
    }
    if (entities?.threaded) yield* writer.writeEntities(entities);
    progress('finishing', total, documents);
    yield;
    const contentSha256 = hasher.digest();
    const meta = {
      [META.corpusId]: description.id,
      [META.title]: description.title,
      [META.builderVersion]: BUILDER_VERSION,
      [META.createdAt]: new Date().toISOString(),
      [META.sourcesSha256]: fingerprint(description, fileShas, keepOriginals),
      [META.contentSha256]: contentSha256,
      [META.manifestScheme]: MANIFEST_SCHEME,
      [META.documentCount]: String(documents),
      [META.originals]: keepOriginals ? 'kept' : 'none',
    };
    writer.finish(meta, compactFile);
    fs.rmSync(tmpFile, { force: true });
    fs.renameSync(compactFile, outFile);
    completed = true;
    return {
      corpusId: description.id,
      title: description.title,
      sourcesDir,
      outFile,
      documents,
      skipped,
      totalBytes: bytesRead,
      textChars,
      contentSha256,
      originals,
      durationMs: performance.now() - started,
    };
  } finally {
    reader?.close();
    extractor?.close();
    entities?.close();
    closeIndex?.();
    // An error, or a cancel (the generator returned early): no half-written file stays behind.
    if (!completed) {
      writer?.abort();
      fs.rmSync(tmpFile, { force: true });
      fs.rmSync(compactFile, { force: true });
    }
  }
}
