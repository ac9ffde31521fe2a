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
};
