/** Shapes of corpus data as the renderer sees them. Offsets count UTF-16 code units (JS string indices). */

export type DocumentMeta = {
  id: string;
  title: string;
  source: string;
  author: string;
  language: string;
  originalFile: string;
  /** Path of the source file relative to the folder the corpus was built from (provenance). */
  sourcePath: string;
  /** Format of the source file ('text', 'markdown', 'html', 'pdf', 'epub', 'docx'); the stored text is always plain. */
  format: string;
  date: string;
  description: string;
  wordCount: number;
  sha256: string;
};

/** kind: what the block was in its source (p, h1..h6, li, quote, pre, row). */
export type Paragraph = {
  start: number;
  end: number;
  kind?: string;
  /** Language and direction the source states for this block (HTML lang/dir); else the document's, and dir="auto". */
  lang?: string;
  dir?: 'rtl' | 'ltr';
  /** The printed label of the page the paragraph starts on (PDF documents); absent when unpaginated. */
  page?: string;
  /** A line the reader folds away (fold-lines.ts): the title repeated, site navigation, a line the site repeats. */
  fold?: FoldReason;
};

/** Why a block is folded away in the reader: it is not the article's own text. */
export type FoldReason = 'title' | 'navigation' | 'repeated';

/** A link of the source document, kept as data: it is shown, never followed. */
export type DocumentLink = { start: number; end: number; href: string };

/** A heading of the document's contents: level 1 (top) to 6, the span it names, its title as listed. */
export type DocumentHeading = { level: number; start: number; end: number; title: string };

export type DocumentView = DocumentMeta & {
  text: string;
  paragraphs: Paragraph[];
  links: DocumentLink[];
  /** The contents, in document order; empty when the document has no headings. */
  headings: DocumentHeading[];
  /** For a PDF document: whether the corpus keeps its original pages ("Show original"), and if not why. */
  original?: OriginalAvailability;
};

/**
 * The first paragraphs of a document, for the reader to show while the whole text is on its way
 * (a book of 5 MB): a DocumentView cut after `paragraphs.length` paragraphs (text, links and
 * headings up to there), with the size of the whole. `complete` when nothing was cut.
 */
export type DocumentStart = DocumentView & { complete: boolean; paragraphCount: number; textLength: number };

/** Paragraphs a document start holds at most: a few screens of text. */
export const DOCUMENT_START_MAX = 2_000;

/** Why a PDF document's original is not in the corpus: built with --no-originals, or the file was too large to keep. */
export type OriginalMissing = 'not-kept' | 'too-large';

export type OriginalAvailability = { kept: true; size: number } | { kept: false; missing: OriginalMissing };

/** A source PDF as the corpus keeps it, for the reader to draw its pages. */
export type OriginalFile = { id: string; mediaType: string; sha256: string; bytes: Uint8Array };

export type CorpusInfo = {
  id: string;
  title: string;
  documentCount: number;
  formatVersion: number;
  builderVersion: string;
  fileName: string;
};

/** What pdf.js asks for besides the PDF: the standard fonts and CMaps pdfjs-dist ships. */
export const PDF_RESOURCE_KINDS = ['standard-font', 'cmap'] as const;
export type PdfResourceKind = (typeof PDF_RESOURCE_KINDS)[number];
