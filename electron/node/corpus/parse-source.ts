import path from 'node:path';
import matter from 'gray-matter';

export type SourceFormat = 'text' | 'markdown';

export type SourceDocument = {
  id: string;
  title: string;
  source: string;
  author: string;
  language: string;
  /** The file name the text was originally published or delivered under. */
  originalFile: string;
  /** Path relative to the sources folder, with forward slashes: the provenance. */
  sourcePath: string;
  format: SourceFormat;
  text: string;
};

export const SOURCE_EXTENSIONS: Record<string, SourceFormat> = {
  '.txt': 'text',
  '.md': 'markdown',
  '.markdown': 'markdown',
};

export class SourceError extends Error {
  constructor(
    readonly reason: 'invalid-utf8' | 'empty' | 'unsupported-type' | 'bad-front-matter',
    message: string,
  ) {
    super(message);
  }
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Stable document id from the relative path: survives edits of the text itself. */
export function documentIdFromPath(sourcePath: string): string {
  return sourcePath
    .replace(/\.[^./]+$/, '')
    .normalize('NFC')
    .replace(/[^\p{L}\p{N}._\-/]+/gu, '-')
    .replace(/-+/g, '-')
    .replace(/^-|-$/g, '');
}

function stringField(data: Record<string, unknown>, key: string): string {
  const value = data[key];
  if (value === undefined || value === null) return '';
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  return '';
}

/**
 * Parses one source file: optional YAML front matter (title, source, author, language,
 * original_file), then the body, kept as written apart from a BOM and CRLF line ends.
 */
export function parseSource(sourcePath: string, bytes: Uint8Array): SourceDocument {
  const extension = path.posix.extname(sourcePath).toLowerCase();
  const format = SOURCE_EXTENSIONS[extension];
  if (!format) throw new SourceError('unsupported-type', `unsupported file type "${extension || '(none)'}"`);
  let raw: string;
  try {
    raw = utf8.decode(bytes);
  } catch {
    throw new SourceError('invalid-utf8', 'not valid UTF-8 text');
  }
  raw = raw.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');

  let data: Record<string, unknown> = {};
  let body = raw;
  if (raw.startsWith('---\n')) {
    try {
      // A fresh options object bypasses gray-matter's cache, which would share results between files.
      const parsed = matter(raw, {});
      data = parsed.data as Record<string, unknown>;
      body = parsed.content;
    } catch (error) {
      throw new SourceError('bad-front-matter', `front matter is not valid YAML (${(error as Error).message.split('\n')[0]})`);
    }
  }
  if (body.trim() === '') throw new SourceError('empty', 'no text');

  const firstLine = body.trim().split('\n', 1)[0]!.trim();
  return {
    id: documentIdFromPath(sourcePath),
    title: stringField(data, 'title') || firstLine.slice(0, 300),
    source: stringField(data, 'source'),
    author: stringField(data, 'author'),
    language: stringField(data, 'language'),
    originalFile: stringField(data, 'original_file') || path.posix.basename(sourcePath),
    sourcePath,
    format,
    text: body,
  };
}
