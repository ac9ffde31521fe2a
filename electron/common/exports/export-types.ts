/** What the exports and imports of the notebook give back to the window. */

export const NOTEBOOK_EXPORT_FORMATS = ['markdown', 'csv', 'jsonld'] as const;
export type NotebookExportFormat = (typeof NOTEBOOK_EXPORT_FORMATS)[number];

/**
 * What a Markdown export holds. `all`: highlights with their notes, document notes, bookmarks.
 * `highlights`: the quotations (citation, colour, place, tags) without any note, and no
 * bookmarks. `notes`: what the user wrote: document notes, and the note of each highlight that
 * has one, shown with its quotation on one line for context; highlights without a note and
 * bookmarks are left out.
 */
export const MARKDOWN_CONTENTS = ['all', 'highlights', 'notes'] as const;
export type MarkdownContent = (typeof MARKDOWN_CONTENTS)[number];
export const MARKDOWN_CONTENT_LABELS: Record<MarkdownContent, string> = { all: 'Everything', highlights: 'Highlights only', notes: 'Notes only' };

/** How a Markdown export is arranged: per document (each with its reference), per tag, or per colour (then a list of references). */
export const MARKDOWN_GROUPINGS = ['document', 'tag', 'colour'] as const;
export type MarkdownGrouping = (typeof MARKDOWN_GROUPINGS)[number];
export const MARKDOWN_GROUPING_LABELS: Record<MarkdownGrouping, string> = { document: 'By document', tag: 'By tag', colour: 'By colour' };

export type MarkdownOptions = { include: MarkdownContent; groupBy: MarkdownGrouping };
export const DEFAULT_MARKDOWN_OPTIONS: MarkdownOptions = { include: 'all', groupBy: 'document' };

export const EXPORT_FORMAT_LABELS = {
  markdown: 'Markdown (.md)',
  csv: 'CSV spreadsheet (.csv)',
  jsonld: 'W3C Web Annotations (.jsonld)',
  bibtex: 'BibTeX (.bib)',
  ris: 'RIS (.ris)',
  'csl-json': 'CSL-JSON (.json)',
} as const;

/** A file written (atomically: a temporary file renamed into place), or the user closed the dialog. */
export type ExportResult = { status: 'saved'; file: string; count: number } | { status: 'cancelled' };

/** One annotation of an imported file that was not added, and why (in words). */
export type ImportProblem = { id: string; quote: string; reason: string };

/** What an import did; nothing is overwritten, so an annotation is imported, already here, kept as a new note, or not placed. */
export type ImportReport = {
  file: string;
  /** Added as new highlights, notes or bookmarks. */
  imported: number;
  /** The same target and body as one already here: skipped. */
  alreadyHere: number;
  /** The same id as one already here with a different body: kept as a new note beside it, the existing one untouched. */
  keptAsNew: number;
  /** Could not be placed in the open corpus; kept for the user in the review list when their document is known. */
  unplaced: ImportProblem[];
  /** Not a text annotation Carrel can use (an image target, no selector): left out. */
  skipped: ImportProblem[];
  dryRun: boolean;
  /** One sentence: "12 imported, 3 already here, 1 could not be placed (…)". */
  summary: string;
};

export type ImportResult = ({ status: 'imported' } & ImportReport) | { status: 'cancelled' };
