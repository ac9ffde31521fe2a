import { extractKindOf, parseSource, SourceError, sourceFormatOf, unsupportedType, type SkipReason, type SourceDocument } from './parse-source';
import { checkDocx } from './formats/docx-document';
import { createExtractor, type Extractor } from './formats/extract-worker';
import { directReader, type FileReader } from './read-ahead';
import { FileRefused, tooLargeMessage } from './read-regular-file';
import type { SourceFile } from './read-source-files';
import { runSteps, type Steps } from '../steps/run-steps';

export type LoadedSource =
  | { ok: true; bytes: Buffer; doc: SourceDocument }
  | { ok: false; reason: SkipReason; message: string; bytes?: Buffer };

/** Longest blocking wait for the extraction thread between two steps (the app's event loop turns between them). */
const POLL_MS = 10;

/** Whether a build reads this entry at all (type, size and kind are known from the listing). */
export function isReadable(entry: SourceFile, maxFileBytes: number): boolean {
  return !entry.skip && entry.size <= maxFileBytes && sourceFormatOf(entry.relativePath) !== undefined;
}

/**
 * Reads and parses one listed entry, or says why it is skipped. Whatever a file holds, the
 * answer is a document or a reason: a parser failing on strange input skips that file only.
 */
export function loadSource(entry: SourceFile, maxFileBytes: number, reader: FileReader = directReader(maxFileBytes), extractor?: Extractor): LoadedSource {
  const own = extractor ?? createExtractor();
  try {
    return runSteps(loadSourceSteps(entry, maxFileBytes, reader, own));
  } finally {
    if (!extractor) own.close();
  }
}

/**
 * loadSource as steps: a PDF or a Word document is read by the extraction thread (bounded in
 * time and memory), and the steps yield while it works, so a build in the app keeps answering.
 */
export function* loadSourceSteps(entry: SourceFile, maxFileBytes: number, reader: FileReader, extractor: Extractor): Steps<LoadedSource> {
  if (entry.skip) return { ok: false, ...entry.skip };
  const format = sourceFormatOf(entry.relativePath);
  if (!format) return { ok: false, reason: 'unsupported-type', message: unsupportedType(entry.relativePath).message };
  if (entry.size > maxFileBytes) {
    return { ok: false, reason: 'too-large', message: tooLargeMessage(entry.size, maxFileBytes) };
  }
  let bytes: Buffer;
  try {
    bytes = reader.read(entry.absolutePath);
  } catch (error) {
    // Changed since the listing: a FIFO, a device or a link in its place, or grown too large.
    if (error instanceof FileRefused) return { ok: false, reason: error.reason, message: error.message };
    return { ok: false, reason: 'unreadable', message: `cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})` };
  }
  try {
    let extracted: unknown;
    const kind = extractKindOf(format);
    if (kind) {
      // A Word document's zip is checked here before mammoth (which trusts it) opens it.
      if (kind === 'docx') checkDocx(bytes);
      const job = extractor.start(kind, bytes);
      let result = job.poll(POLL_MS);
      while (!result) {
        yield;
        result = job.poll(POLL_MS);
      }
      if (!result.ok) return { ok: false, reason: result.reason, message: result.message, bytes };
      extracted = result.value;
    }
    return { ok: true, bytes, doc: parseSource(entry.relativePath, bytes, extracted) };
  } catch (error) {
    if (error instanceof SourceError) return { ok: false, reason: error.reason, message: error.message, bytes };
    return { ok: false, reason: 'parse-failed', message: `could not be parsed (${(error as Error).message.split('\n')[0]})`, bytes };
  }
}
