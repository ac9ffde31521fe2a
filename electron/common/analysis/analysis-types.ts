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
  /**
   * Lines per document over the whole corpus, most first (ties in library order): the document
   * filter's choices, at most MAX_CONCORDANCE_DOCUMENTS of them.
   */
  documents: ConcordanceDocumentCount[];
  /** Documents holding a line (beyond those listed in `documents` when there are more). */
  documentsTotal: number;
  tookMs: number;
  notice?: string;
};

/** Most lines one concordance keeps: beyond it the answer says it was cut. */
export const MAX_CONCORDANCE_LINES = 100_000;

/** Most documents the concordance's document filter offers (a common word stands in tens of thousands). */
export const MAX_CONCORDANCE_DOCUMENTS = 1_000;

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

/** Where an export was written, or that the user cancelled the save dialog. */
export type CsvExportResult = { saved: false } | { saved: true; file: string; rows: number };

/** How a word list is ordered: most frequent first, or by the words themselves. */
export const WORD_LIST_SORTS = ['count', 'word'] as const;
export type WordListSort = (typeof WORD_LIST_SORTS)[number];

/** One word or n-gram: its folded words joined by a space, occurrences and documents holding it. */
export type WordListEntry = { words: string; count: number; documents: number };

/** How far the word list being counted has got: documents counted of those asked for. */
export type WordListProgress = { running: boolean; documentsDone: number; documentsTotal: number };

export type WordListResponse = {
  /** Words per entry, 1 to 3. */
  n: number;
  /** Documents counted (the corpus, or the documents chosen). */
  documents: number;
  /** Words (or n-grams) counted, stop words included unless hidden. */
  tokens: number;
  /** Distinct entries found, before the list is cut to MAX_WORD_LIST_ENTRIES. */
  distinct: number;
  /** True when more entries exist than the list holds (only the most frequent are kept). */
  truncated: boolean;
  entries: WordListEntry[];
  tookMs: number;
};

/** Most entries a word list holds: the most frequent (ties by word). */
export const MAX_WORD_LIST_ENTRIES = 10_000;

/** A term's occurrences in one document, and per 10,000 of its words (the library's word count). */
export type DistributionDocument = { id: string; title: string; date: string; words: number; occurrences: number; perTenThousand: number };
/** The same summed over the documents dated in one period ("2016" or "2016-03"). */
export type DistributionPeriod = { period: string; documents: number; words: number; occurrences: number; perTenThousand: number };

export type DistributionResponse = {
  query: string;
  occurrences: number;
  /** Every document (the corpus holds at most MAX_DISTRIBUTION_DOCUMENTS), else those holding the term, most per 10,000 first, cut there. */
  documents: DistributionDocument[];
  /** True when documents were left out (see documents). */
  truncated: boolean;
  /** By year, or by month when every dated document is in one year; empty when no document has a date. */
  periods: DistributionPeriod[];
  tookMs: number;
  notice?: string;
};

/** Most bars of one distribution chart. */
export const MAX_DISTRIBUTION_DOCUMENTS = 60;

/** A document like another, by the cosine of their TF-IDF vectors (0 to 1). */
export type RelatedDocument = { id: string; title: string; score: number };
export type RelatedResponse = { documentId: string; related: RelatedDocument[]; tookMs: number };
