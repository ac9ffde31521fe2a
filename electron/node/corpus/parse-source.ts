import path from 'node:path';
import matter from 'gray-matter';
import { detectLanguage, normaliseLanguageTag } from './detect-language';
import { declaredCharset, HtmlTooDeepError, parseHtml } from './parse-html';
import { parseMarkdown } from './parse-markdown';
import { splitParagraphs } from './paragraphs';
import type { AssembledText, TextBlock, TextLink } from './text-blocks';
import type { SourceHeading } from './headings';
import type { SkipReason } from '../../common/corpus/skip-reasons';
import { DOCUMENT_ID_MAX_LENGTH } from '../../common/corpus/document-id';
import { sha256Hex } from './sha256';
import { checkDocx, docxText } from './formats/docx-document';
import { epubText } from './formats/epub-document';
import type { ExtractKind } from './formats/extract-worker';
import { pdfText } from './formats/pdf-document';
import type { PdfRaw } from './formats/pdf-raw';
import { SourceError } from './source-error';

export type SourceFormat = 'text' | 'markdown' | 'html' | 'pdf' | 'epub' | 'docx';

/** Formats read from bytes rather than decoded as text. */
type BinaryFormat = Extract<SourceFormat, 'pdf' | 'epub' | 'docx'>;
const isBinary = (format: SourceFormat): format is BinaryFormat => format === 'pdf' || format === 'epub' || format === 'docx';

export type SourceDocument = {
  id: string;
  title: string;
  source: string;
  author: string;
  language: string;
  date: string;
  description: string;
  /** The file name the text was originally published or delivered under. */
  originalFile: string;
  /** Path relative to the sources folder, with forward slashes: the provenance. */
  sourcePath: string;
  format: SourceFormat;
  /** Plain text only, whatever the source format: nothing in it is ever rendered as markup. */
  text: string;
  blocks: TextBlock[];
  links: TextLink[];
  /** Contents given by the format itself; without them the h1..h6 blocks are the contents. */
  headings?: SourceHeading[];
};

export const SOURCE_EXTENSIONS: Record<string, SourceFormat> = {
  '.txt': 'text',
  '.md': 'markdown',
  '.markdown': 'markdown',
  '.html': 'html',
  '.htm': 'html',
  '.pdf': 'pdf',
  '.epub': 'epub',
  '.docx': 'docx',
};

/** What the extraction thread must read of a file before it can be parsed (extract-worker.ts), if anything. */
export function extractKindOf(format: SourceFormat): ExtractKind | undefined {
  return format === 'pdf' || format === 'docx' ? format : undefined;
}

export type { SkipReason };

export { SourceError };

const utf8 = new TextDecoder('utf-8', { fatal: true });
const MAX_TITLE = 300;

/** Room left below DOCUMENT_ID_MAX_LENGTH for the "-2", "-3"… that tell files of the same id apart. */
const ID_PATH_MAX = DOCUMENT_ID_MAX_LENGTH - 32;

/**
 * Stable document id from the relative path: survives edits of the text itself. Never empty
 * (a name of nothing but signs, "?.txt", gets "doc-" and a hash of its path) and never
 * longer than an id may be (a long path keeps its start and a hash of the whole).
 */
export function documentIdFromPath(sourcePath: string): string {
  const id = sourcePath
    .replace(/\.[^./]+$/, '')
    .normalize('NFC')
    .replace(/[^\p{L}\p{N}._\-/]+/gu, '-')
    .replace(/-+/g, '-')
    .replace(/^-|-$/g, '');
  const hash = () => sha256Hex(sourcePath).slice(0, 16);
  if (id === '') return `doc-${hash()}`;
  if (id.length <= ID_PATH_MAX) return id;
  // Cut by code point, never inside a surrogate pair.
  let start = '';
  for (const char of id) {
    if (start.length + char.length > ID_PATH_MAX - 17) break;
    start += char;
  }
  return `${start}-${hash()}`;
}

export function sourceFormatOf(sourcePath: string): SourceFormat | undefined {
  return SOURCE_EXTENSIONS[path.posix.extname(sourcePath).toLowerCase()];
}

/** The error for a file whose type the builder does not read (known from its name alone). */
export function unsupportedType(sourcePath: string): SourceError {
  const extension = path.posix.extname(sourcePath).toLowerCase();
  return new SourceError('unsupported-type', `unsupported file type "${extension || '(none)'}"`);
}

function stringField(data: Record<string, unknown>, key: string): string {
  const value = data[key];
  if (value === undefined || value === null) return '';
  if (typeof value === 'string') return value.replace(/\s+/g, ' ').trim();
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  return '';
}

/** UTF-8 (or, for HTML, the character set it declares), without BOM, with \n line ends. */
function decode(bytes: Uint8Array, format: SourceFormat): string {
  let raw: string | undefined;
  try {
    raw = utf8.decode(bytes);
  } catch {
    const charset = format === 'html' ? declaredCharset(bytes) : undefined;
    if (charset && charset !== 'utf-8' && charset !== 'utf8') {
      try {
        raw = new TextDecoder(charset, { fatal: true }).decode(bytes);
      } catch {
        raw = undefined;
      }
    }
  }
  if (raw === undefined) throw new SourceError('invalid-utf8', 'not valid UTF-8 text');
  return raw.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
}

function readFrontMatter(raw: string): { data: Record<string, unknown>; body: string } {
  if (!raw.startsWith('---\n')) return { data: {}, body: raw };
  try {
    // A fresh options object bypasses gray-matter's cache, which would share results between files.
    const parsed = matter(raw, {});
    return { data: parsed.data as Record<string, unknown>, body: parsed.content };
  } catch (error) {
    throw new SourceError('bad-front-matter', `front matter is not valid YAML (${(error as Error).message.split('\n')[0]})`);
  }
}

function firstLine(text: string): string {
  return text.trim().split('\n', 1)[0]!.trim();
}

/** Runs a parser, turning a document nested too deeply (HTML, or raw HTML in Markdown) into a skip. */
function refuseTooDeep<T>(parse: () => T): T {
  try {
    return parse();
  } catch (error) {
    if (error instanceof HtmlTooDeepError) throw new SourceError('too-deep', error.message);
    throw error;
  }
}

/** The title a reader would see first: a leading heading, else the first line. */
function leadingTitle(parsed: AssembledText): string {
  const first = parsed.blocks[0];
  if (!first) return '';
  return firstLine(parsed.text.slice(first.start, first.end));
}

/**
 * Parses one source file into plain text, blocks and metadata. Text files keep their body
 * exactly (apart from BOM and CRLF) with blank-line paragraphs; Markdown and HTML are reduced
 * to their readable text. Metadata comes from YAML front matter (text, Markdown: title, source,
 * author, language, date, description, original_file) or HTML <title>/<meta>/<html lang>.
 */
export function parseSource(sourcePath: string, bytes: Uint8Array, extracted?: unknown): SourceDocument {
  const format = sourceFormatOf(sourcePath);
  if (!format) throw unsupportedType(sourcePath);
  let data: Record<string, unknown> = {};
  let parsed: AssembledText;
  let headings: SourceHeading[] | undefined;
  let fromMarkup = { title: '', author: '', date: '', description: '', source: '', language: '' };
  if (isBinary(format)) {
    ({ parsed, meta: fromMarkup, headings } = parseBinary(format, bytes, extracted));
  } else {
    const raw = decode(bytes, format);
    if (format === 'html') {
      const html = refuseTooDeep(() => parseHtml(raw));
      parsed = html;
      fromMarkup = html.meta;
    } else {
      const front = readFrontMatter(raw);
      data = front.data;
      if (format === 'markdown') {
        parsed = refuseTooDeep(() => parseMarkdown(front.body));
      } else {
        const text = front.body;
        parsed = { text, blocks: splitParagraphs(text).map((p) => ({ start: p.start, end: p.end, kind: 'p' as const })), links: [] };
      }
    }
  }
  if (parsed.text.trim() === '' || parsed.blocks.length === 0) throw new SourceError('empty', 'no text');

  const field = (key: keyof typeof fromMarkup) => stringField(data, key) || fromMarkup[key];
  const language = normaliseLanguageTag(field('language')) || detectLanguage(parsed.text);
  const title = field('title') || (format === 'text' ? firstLine(parsed.text) : leadingTitle(parsed));
  return {
    id: documentIdFromPath(sourcePath),
    title: title.slice(0, MAX_TITLE),
    source: field('source'),
    author: field('author'),
    language,
    date: field('date'),
    description: field('description'),
    originalFile: stringField(data, 'original_file') || path.posix.basename(sourcePath),
    sourcePath,
    format,
    text: parsed.text,
    blocks: parsed.blocks,
    links: parsed.links,
    ...(headings ? { headings } : {}),
  };
}

type Metadata = { title: string; author: string; date: string; description: string; source: string; language: string };

/**
 * PDF, EPUB and Word documents: a PDF's and a Word document's content as the extraction thread
 * read it (`extracted`: PdfRaw, mammoth's HTML), an EPUB's in this thread.
 */
function parseBinary(format: BinaryFormat, bytes: Uint8Array, extracted: unknown): { parsed: AssembledText; meta: Metadata; headings?: SourceHeading[] } {
  if (format === 'epub') {
    const book = epubText(bytes);
    return { parsed: book, meta: book.meta, headings: book.headings };
  }
  if (extracted === undefined) throw new Error(`a ${format} file must be read by the extraction thread first`);
  if (format === 'pdf') {
    const pdf = pdfText(extracted as PdfRaw);
    if (pdf.text.trim() === '') {
      throw new SourceError('no-text-layer', `no text layer in its ${pdf.pageCount} page${pdf.pageCount === 1 ? '' : 's'}: run OCR on it first`);
    }
    return { parsed: pdf, meta: { ...pdf.meta, source: '' } };
  }
  const meta = checkDocx(bytes);
  return { parsed: docxText(extracted as string), meta: { ...meta, source: '' } };
}
