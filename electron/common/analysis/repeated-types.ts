/** One place a repeated passage stands: a paragraph of a document. */
export type PassagePlace = {
  documentId: string;
  title: string;
  /** The paragraph's number in its document (1-based, as the concordance counts). */
  paragraph: number;
  /** The printed page it starts on (PDF documents); absent when unpaginated. */
  page?: string;
  /** Its span of the document's text (UTF-16 offsets), to open it in the reader. */
  start: number;
  end: number;
  words: number;
};

/** Another place of a paragraph, and how alike the two are (Jaccard of their three-word shingles, 0 to 1). */
export type PassageElsewhere = PassagePlace & { similarity: number };

/**
 * A paragraph of the open document that also stands elsewhere: what its mark needs. Its other
 * places are read when the mark is opened (paragraphElsewhere): ranking them for every paragraph
 * of a book took seconds and answered megabytes, and held the find behind it.
 */
export type RepeatedParagraph = {
  /** Its number in the document (1-based). */
  paragraph: number;
  /** Its group in the corpus (repeated_passages.grp). */
  group: number;
  /** How many other places it stands in. */
  others: number;
};

export type DocumentRepeats = { documentId: string; paragraphs: RepeatedParagraph[] };

/** The other places of one paragraph of a document, most alike first. */
export type ParagraphElsewhere = {
  documentId: string;
  /** The paragraph's number in its document (1-based). */
  paragraph: number;
  /** At most MAX_ELSEWHERE, most alike first (ties in corpus order); empty when the paragraph stands nowhere else. */
  elsewhere: PassageElsewhere[];
  /** Places not listed beyond MAX_ELSEWHERE. */
  more: number;
};

/** Most other places listed for one paragraph. */
export const MAX_ELSEWHERE = 12;

/** A group of passages: the same paragraph, word for word or nearly, in several places. */
export type RepeatedGroup = {
  group: number;
  /** Places in the group, and the documents among them. */
  size: number;
  documents: number;
  /** The least similarity of a place to the group's first (1 when every copy is exact). */
  similarity: number;
  /** The beginning of the first place's text. */
  preview: string;
  /** Places in corpus order, each with its similarity to the first (at most MAX_GROUP_PLACES). */
  places: (PassagePlace & { similarity: number })[];
};

/** size: the groups with the most places first; similarity: the closest copies first. */
export const REPEATED_SORTS = ['size', 'similarity'] as const;
export type RepeatedSort = (typeof REPEATED_SORTS)[number];

export type RepeatedResponse = {
  /** Fewest words a passage has to be listed (at least the build's 8). */
  minWords: number;
  /** Groups in the corpus with passages that long. */
  total: number;
  offset: number;
  sort: RepeatedSort;
  /** Largest groups first, then the most alike, then corpus order (or the most alike first: sort). */
  groups: RepeatedGroup[];
  tookMs: number;
};

/** Most places listed in one group. */
export const MAX_GROUP_PLACES = 50;
/** Words a passage has at least to be found at all (repeated-passages.ts, MIN_WORDS). */
export const BUILD_MIN_WORDS = 8;
