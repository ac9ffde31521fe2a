/**
 * Bibliographic details of a document, as CSL-JSON (the Citation Style Language's data model),
 * and the styles and formats Carrel ships. Styles are bundled in resources/csl/ (nothing is fetched).
 */

export const CITATION_STYLES = ['apa', 'chicago-author-date', 'mla', 'harvard'] as const;
export type CitationStyle = (typeof CITATION_STYLES)[number];

export const CITATION_STYLE_LABELS: Record<CitationStyle, string> = {
  apa: 'APA (7th edition)',
  'chicago-author-date': 'Chicago (author-date, 18th edition)',
  mla: 'MLA (9th edition)',
  harvard: 'Harvard (Cite Them Right)',
};

export const DEFAULT_CITATION_STYLE: CitationStyle = 'chicago-author-date';

export const BIBLIOGRAPHY_FORMATS = ['bibtex', 'ris', 'csl-json'] as const;
export type BibliographyFormat = (typeof BIBLIOGRAPHY_FORMATS)[number];

/** CSL item types a user can pick for a document (a subset of CSL's). */
export const CSL_TYPES = ['article-newspaper', 'article-magazine', 'article-journal', 'webpage', 'post-weblog', 'report', 'book', 'chapter', 'document'] as const;
export type CslType = (typeof CSL_TYPES)[number];

/** A name: family and given parts, or one literal (an organisation, an Arabic name kept whole). */
export type CslName = { family?: string; given?: string; literal?: string };
export type CslDate = { 'date-parts'?: [number, number?, number?][]; raw?: string };

/** The CSL-JSON fields Carrel fills and lets the user edit. */
export type CslItem = {
  id: string;
  type: CslType;
  title: string;
  author?: CslName[];
  issued?: CslDate;
  'container-title'?: string;
  publisher?: string;
  URL?: string;
  page?: string;
  language?: string;
};

/** What the "Edit details…" dialog edits: plain fields, turned into CSL-JSON by the service. */
export type DocumentDetailsInput = {
  type: CslType;
  title: string;
  /** One name per entry, as written ("Charlie Winter", "Winter, Charlie", "عبد الباري عطوان"). */
  authors: string[];
  /** YYYY, YYYY-MM or YYYY-MM-DD (or empty). */
  date: string;
  containerTitle: string;
  publisher: string;
  url: string;
  page: string;
};

export type DocumentDetails = {
  item: CslItem;
  /** The same details as the dialog's fields. */
  fields: DocumentDetailsInput;
  /** True when the user changed them (kept in the notes database); false: derived from the corpus. */
  edited: boolean;
};

/**
 * Where a quotation is in its document. Paragraph numbers count the document's blocks from 1.
 * Paginated documents (PDF, added by another branch) give a page instead: see locate-span.ts.
 */
export type CitationLocator = { label: 'paragraph' | 'page'; value: string };

export type FormattedCitation = {
  style: CitationStyle;
  /** The in-text citation, with the locator when a span was given: "(Winter 2017, para. 4)". */
  citation: string;
  /** The full reference, as in a bibliography. */
  reference: string;
  locator?: CitationLocator;
  /** The quoted text, when a span was given. */
  quote?: string;
  /** “quote” (citation), then the reference on its own line. */
  quoteWithCitation?: string;
};
