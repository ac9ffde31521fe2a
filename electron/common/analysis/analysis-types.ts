/** Shapes of corpus analysis (concordance, collocates) as the renderer and the command line see them. */

/** How concordance lines are ordered: by place in the corpus, or by a word around the keyword. */
export const CONCORDANCE_SORTS = ['corpus', 'keyword', 'left1', 'left2', 'left3', 'right1', 'right2', 'right3'] as const;
export type ConcordanceSort = (typeof CONCORDANCE_SORTS)[number];

/**
 * One keyword in context. `left` and `right` hold up to `width` words each, whitespace
 * collapsed; start and end are the keyword's offsets in the document text (UTF-16 units),
 * `paragraph` its paragraph number (1-based, the locator of an unpaginated text).
 */
export type ConcordanceLine = {
  documentId: string;
  title: string;
  paragraph: number;
  start: number;
  end: number;
  left: string;
  keyword: string;
  right: string;
};

export type ConcordanceDocumentCount = { id: string; title: string; lines: number };

export type ConcordanceResponse = {
  query: string;
  /** Lines found (in the chosen document only, when one is chosen). */
  total: number;
  /** True when the corpus holds more lines than the bound kept (MAX_CONCORDANCE_LINES). */
  truncated: boolean;
  offset: number;
  lines: ConcordanceLine[];
  /** Lines per document over the whole corpus, most first: the document filter's choices. */
  documents: ConcordanceDocumentCount[];
  tookMs: number;
  notice?: string;
};

/** Most lines one concordance keeps: beyond it the answer says it was cut. */
export const MAX_CONCORDANCE_LINES = 100_000;

/**
 * A word seen near the node. `count`: times it stands within the window of an occurrence of
 * the node; `frequency`: its occurrences in the whole corpus. Words are compared by their
 * folded form (case, Arabic variants and marks folded as search does).
 */
export type Collocate = {
  word: string;
  count: number;
  frequency: number;
  /** Dunning's log-likelihood G² of the 2×2 table (window vs rest of corpus). */
  logLikelihood: number;
  /** Pointwise mutual information, log2(O / E) with E = f(node) · f(word) · span / N. */
  mutualInformation: number;
};

export type CollocatesResponse = {
  query: string;
  window: number;
  /** Occurrences of the node found. */
  occurrences: number;
  /** Words in the corpus (N). */
  corpusWords: number;
  collocates: Collocate[];
  tookMs: number;
};
