import { parseSource, SourceError, sourceFormatOf, unsupportedType, type SkipReason, type SourceDocument } from './parse-source';
import { directReader, type FileReader } from './read-ahead';
import { FileRefused, tooLargeMessage } from './read-regular-file';
import type { SourceFile } from './read-source-files';

export type LoadedSource =
  | { ok: true; bytes: Buffer; doc: SourceDocument }
  | { ok: false; reason: SkipReason; message: string; bytes?: Buffer };

/** Whether a build reads this entry at all (type, size and kind are known from the listing). */
export function isReadable(entry: SourceFile, maxFileBytes: number): boolean {
  return !entry.skip && entry.size <= maxFileBytes && sourceFormatOf(entry.relativePath) !== undefined;
}

/**
 * Reads and parses one listed entry, or says why it is skipped. Whatever a file holds, the
 * answer is a document or a reason: a parser failing on strange input skips that file only.
 */
export function loadSource(entry: SourceFile, maxFileBytes: number, reader: FileReader = directReader(maxFileBytes)): LoadedSource {
  if (entry.skip) return { ok: false, ...entry.skip };
  if (!sourceFormatOf(entry.relativePath)) return { ok: false, reason: 'unsupported-type', message: unsupportedType(entry.relativePath).message };
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
    return { ok: true, bytes, doc: parseSource(entry.relativePath, bytes) };
  } catch (error) {
    if (error instanceof SourceError) return { ok: false, reason: error.reason, message: error.message, bytes };
    return { ok: false, reason: 'parse-failed', message: `could not be parsed (${(error as Error).message.split('\n')[0]})`, bytes };
  }
}
