import fs from 'node:fs';
import path from 'node:path';
import { openDatabase } from '../sqlite/open-database';
import { writeSearchIndex } from '../search/build-search-index';
import {
  BUILDER_VERSION,
  CORPUS_APPLICATION_ID,
  CORPUS_FORMAT_VERSION,
  CORPUS_SCHEMA,
  META,
} from './corpus-format';
import { readCorpusDescription, type CorpusDescription } from './corpus-description';
import { splitParagraphs } from './paragraphs';
import { parseSource, SourceError, type SourceDocument } from './parse-source';
import { listSourceFiles } from './read-source-files';
import { sha256Hex } from './sha256';
import { countWords } from './word-count';

export type SkippedFile = { path: string; reason: string; message: string };

export type BuildSummary = {
  corpusId: string;
  title: string;
  outFile: string;
  documents: number;
  skipped: SkippedFile[];
  totalBytes: number;
  durationMs: number;
};

export type BuildOptions = {
  sourcesDir: string;
  outFile: string;
  title?: string;
  onProgress?: (done: number, total: number, bytes: number) => void;
};

type PreparedDocument = SourceDocument & { sha256: string; wordCount: number };

/**
 * Fingerprint of everything a build reads. Stored in the corpus so that start and test
 * can tell a stale corpus file from a current one without rebuilding.
 */
export function sourcesFingerprint(sourcesDir: string, title?: string): string {
  const description = readCorpusDescription(sourcesDir, title);
  const files = listSourceFiles(sourcesDir).map((file) => ({
    relativePath: file.relativePath,
    sha256: sha256Hex(fs.readFileSync(file.absolutePath)),
  }));
  return fingerprint(description, files);
}

function fingerprint(description: CorpusDescription, files: { relativePath: string; sha256: string }[]): string {
  const parts = [`builder ${BUILDER_VERSION}`, `format ${CORPUS_FORMAT_VERSION}`, description.id, description.title, description.raw];
  for (const file of files) parts.push(`${file.relativePath}\0${file.sha256}`);
  return sha256Hex(parts.join('\n'));
}

/**
 * Builds a corpus file from a folder of sources. Writes to a temporary file next to the
 * target and renames it into place only when complete, so a failed build never leaves a
 * half-written corpus. Same sources, same documents, ids and index.
 */
export function buildCorpus(options: BuildOptions): BuildSummary {
  const started = performance.now();
  const sourcesDir = path.resolve(options.sourcesDir);
  if (!fs.statSync(sourcesDir, { throwIfNoEntry: false })?.isDirectory()) {
    throw new Error(`Sources folder not found: ${options.sourcesDir}`);
  }
  const description = readCorpusDescription(sourcesDir, options.title);
  const files = listSourceFiles(sourcesDir);
  const fileShas: { relativePath: string; sha256: string }[] = [];

  const documents: PreparedDocument[] = [];
  const skipped: SkippedFile[] = [];
  const byId = new Map<string, string>();
  const bySha = new Map<string, string>();
  let totalBytes = 0;
  files.forEach((file, index) => {
    const bytes = fs.readFileSync(file.absolutePath);
    fileShas.push({ relativePath: file.relativePath, sha256: sha256Hex(bytes) });
    totalBytes += bytes.length;
    try {
      const doc = parseSource(file.relativePath, bytes);
      const sha256 = sha256Hex(doc.text);
      const sameId = byId.get(doc.id);
      const sameText = bySha.get(sha256);
      if (sameId !== undefined) {
        skipped.push({ path: file.relativePath, reason: 'duplicate-id', message: `same document id as ${sameId}` });
      } else if (sameText !== undefined) {
        skipped.push({ path: file.relativePath, reason: 'duplicate', message: `same text as ${sameText}` });
      } else {
        byId.set(doc.id, file.relativePath);
        bySha.set(sha256, file.relativePath);
        documents.push({ ...doc, sha256, wordCount: countWords(doc.text) });
      }
    } catch (error) {
      if (!(error instanceof SourceError)) throw error;
      skipped.push({ path: file.relativePath, reason: error.reason, message: error.message });
    }
    options.onProgress?.(index + 1, files.length, totalBytes);
  });

  const outFile = path.resolve(options.outFile);
  fs.mkdirSync(path.dirname(outFile), { recursive: true });
  const tmpFile = `${outFile}.tmp-${process.pid}`;
  fs.rmSync(tmpFile, { force: true });
  try {
    writeCorpusFile(tmpFile, documents, {
      [META.corpusId]: description.id,
      [META.title]: description.title,
      [META.builderVersion]: BUILDER_VERSION,
      [META.createdAt]: new Date().toISOString(),
      [META.sourcesSha256]: fingerprint(description, fileShas),
      [META.contentSha256]: sha256Hex(documents.map((d) => `${d.id}\0${d.sha256}`).join('\n')),
      [META.documentCount]: String(documents.length),
    });
    fs.renameSync(tmpFile, outFile);
  } catch (error) {
    fs.rmSync(tmpFile, { force: true });
    throw error;
  }
  return {
    corpusId: description.id,
    title: description.title,
    outFile,
    documents: documents.length,
    skipped,
    totalBytes,
    durationMs: performance.now() - started,
  };
}

function writeCorpusFile(file: string, documents: PreparedDocument[], meta: Record<string, string>): void {
  const db = openDatabase(file);
  try {
    db.pragma('journal_mode = OFF');
    db.pragma('synchronous = OFF');
    db.pragma(`application_id = ${CORPUS_APPLICATION_ID}`);
    db.exec(CORPUS_SCHEMA);
    const insertDoc = db.prepare(
      `INSERT INTO documents (ord, id, title, source, author, language, original_file, source_path, format, text, word_count, sha256)
       VALUES (@ord, @id, @title, @source, @author, @language, @originalFile, @sourcePath, @format, @text, @wordCount, @sha256)`,
    );
    const insertParagraph = db.prepare('INSERT INTO paragraphs (doc_ord, idx, start, end) VALUES (?, ?, ?, ?)');
    const insertMeta = db.prepare('INSERT INTO meta (key, value) VALUES (?, ?)');
    db.transaction(() => {
      documents.forEach((doc, ord) => {
        insertDoc.run({ ...doc, ord });
        splitParagraphs(doc.text).forEach((p, idx) => insertParagraph.run(ord, idx, p.start, p.end));
      });
      writeSearchIndex(db, documents);
      for (const [key, value] of Object.entries(meta)) insertMeta.run(key, value);
    })();
    // Written last: a file without the version mark is never taken for a corpus.
    db.pragma(`user_version = ${CORPUS_FORMAT_VERSION}`);
    db.exec('VACUUM');
  } finally {
    db.close();
  }
}
