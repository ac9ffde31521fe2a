/** One code of the codebook of the open corpus (a tree: parentId null for a top-level code). */
export type Code = {
  id: string;
  parentId: string | null;
  name: string;
  /** #RRGGBB, or '' for none. */
  color: string;
  description: string;
  memo: string;
  createdAt: string;
  updatedAt: string;
};

/** The codes of the open corpus, parents before children, siblings in their order. */
export type Codebook = { codes: Code[] };

/** A delete or a merge, with the id that undoes it. */
export type CodeRemoval = { deletionId: string };

/** The codes applied to one highlight of a document. */
export type HighlightCodes = { highlightId: string; codeIds: string[] };

/** Coded passages per code and document, and pairs of codes on the same passage. */
export type CodingMatrix = {
  counts: { codeId: string; documentId: string; count: number }[];
  cooccurrence: { a: string; b: string; count: number }[];
  /** The documents named in counts, with their titles, in library order. */
  documents: { id: string; title: string }[];
};

/** A coded passage as the "coded passages" view shows it: the quote in its context, where it is, its codes. */
export type CodedPassageView = {
  highlightId: string;
  documentId: string;
  documentTitle: string;
  start: number;
  end: number;
  quote: string;
  /** Up to a few dozen characters of text before and after the quote (same paragraph or not). */
  before: string;
  after: string;
  /** The printed page, in a paginated (PDF) document. */
  page?: string;
  codeIds: string[];
};

/** What a coding CSV export holds: the code × document matrix, the co-occurrence table, or every coded passage. */
export const CODING_CSV_TABLES = ['matrix', 'cooccurrence', 'passages'] as const;
export type CodingCsvTable = (typeof CODING_CSV_TABLES)[number];
