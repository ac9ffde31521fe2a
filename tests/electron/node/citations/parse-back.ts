import { Cite } from '@citation-js/core';
import type { CslItem, CslName, CslType } from '../../../../electron/common/citations/citation-types';

/**
 * Reading a BibTeX or RIS export back with citation-js, and what it should give: the CSL-JSON it
 * was made from, less what the format cannot carry. Each loss is listed with its reason; any
 * other difference is a bug of the export.
 */
export type ParseBackFormat = 'bibtex' | 'ris';

/** The CSL-JSON fields Carrel fills (CslItem), compared one by one. */
export const COMPARED = ['id', 'type', 'title', 'author', 'issued', 'container-title', 'publisher', 'URL', 'page', 'language'] as const;

export const LOSSES: Record<ParseBackFormat, Record<string, string>> = {
  bibtex: {
    id: 'a BibTeX entry has a key, not an id: citation-js makes it from the first author, the year and the title (Carrel makes it unique in the file)',
    type: 'BibTeX has no newspaper, magazine, web page or blog entries: articles are @article (read back as article-journal), web pages and blog posts @misc (read back as document)',
    'container-title': 'only @article (journal) and @inbook (booktitle) have a field for it: a web page, blog post, report, book or document loses it',
    author: 'a name kept whole ({literal}) is written in braces, which BibTeX reads as a family name without a given name: it comes back as {family}, cited the same',
    language: 'classic BibTeX has no language field (langid is biblatex), and citation-js writes none',
  },
  ris: {
    'container-title': 'citation-js maps RIS T2 to the series (collection-title) of a web page (ELEC), report (RPRT) or book (BOOK): their container is not written',
    page: 'citation-js writes no pages (SP) for a web page (ELEC) or blog post (BLOG)',
    publisher: 'citation-js writes no publisher (PB) for a journal article (JOUR)',
  },
};

const BIBTEX_TYPE: Partial<Record<CslType, CslType>> = { 'article-newspaper': 'article-journal', 'article-magazine': 'article-journal', webpage: 'document', 'post-weblog': 'document' };
const BIBTEX_CONTAINER: CslType[] = ['article-newspaper', 'article-magazine', 'article-journal', 'chapter'];
const RIS_NO_CONTAINER: CslType[] = ['webpage', 'report', 'book'];
const RIS_NO_PAGE: CslType[] = ['webpage', 'post-weblog'];

/** The item as the format gives it back (see LOSSES), in the compared fields only. */
export function expectedBack(item: CslItem, format: ParseBackFormat): Record<string, unknown> {
  const out: Record<string, unknown> = { ...item };
  if (format === 'bibtex') {
    delete out.id;
    delete out.language;
    out.type = BIBTEX_TYPE[item.type] ?? item.type;
    if (!BIBTEX_CONTAINER.includes(item.type)) delete out['container-title'];
    if (item.author) out.author = item.author.map((name): CslName => (name.literal ? { family: name.literal } : name));
  } else {
    if (RIS_NO_CONTAINER.includes(item.type)) delete out['container-title'];
    if (RIS_NO_PAGE.includes(item.type)) delete out.page;
    if (item.type === 'article-journal') delete out.publisher;
  }
  return project(out, format);
}

export function project(item: Record<string, unknown>, format: ParseBackFormat): Record<string, unknown> {
  const fields = COMPARED.filter((field) => !(format === 'bibtex' && field === 'id'));
  return Object.fromEntries(fields.filter((field) => item[field] !== undefined).map((field) => [field, item[field]]));
}

/** citation-js reading the file, as a user's reference manager would (never from an address). */
export function parseBack(text: string, format: ParseBackFormat): Record<string, unknown>[] {
  return new Cite(text, { forceType: format === 'bibtex' ? '@biblatex/text' : '@ris/file' }).data;
}
