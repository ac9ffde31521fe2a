/** What the exports and imports of the notebook give back to the window. */

export const NOTEBOOK_EXPORT_FORMATS = ['markdown', 'csv', 'jsonld'] as const;
export type NotebookExportFormat = (typeof NOTEBOOK_EXPORT_FORMATS)[number];

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
