import type { CitationLocator } from '../../common/citations/citation-types';
import { DEFAULT_MARKDOWN_OPTIONS, type MarkdownContent, type MarkdownGrouping, type MarkdownOptions } from '../../common/exports/export-types';
import type { NotebookEntry, NotebookGroup } from '../../common/notes/notebook-types';
import { HIGHLIGHT_COLORS } from '../../common/notes/notes-types';
import { csvDocument } from './csv';
import { nestHeadings } from './nest-headings';
import { escapeHidingElements, escapeUnclosedHtml, listsMerge, ownLinkLabels, type LinkLabels } from './self-contained-note';

/**
 * The notebook as the user filtered it, written out: Markdown to read anywhere, CSV for a
 * spreadsheet. Each document comes with its formatted reference; each highlight with its
 * in-text citation (paragraph or page) so a quotation pasted from the export is already cited.
 */
export type ExportDocument = {
  group: NotebookGroup;
  /** The full reference in the chosen style. */
  reference: string;
  /** The in-text citation of a place in the document, and its locator, given its offset (undefined for an orphaned highlight). */
  citeAt(offset: number | undefined): { citation: string; locator?: CitationLocator };
};

export const COLOR_NAMES = { yellow: 'Yellow', green: 'Green', blue: 'Blue', pink: 'Pink', purple: 'Purple', orange: 'Orange' } as const;

export function locatorText(locator: CitationLocator | undefined): string {
  if (!locator) return '';
  return `${locator.label === 'page' ? 'page' : 'paragraph'} ${locator.value}`;
}

/** Markdown text of a quotation: every line of it in the blockquote, and Markdown signs in it shown as themselves. */
function blockquote(text: string): string {
  return text
    .split(/\r?\n/)
    .map((line) => `> ${escapeMarkdown(line)}`.trimEnd())
    .join('\n');
}

function escapeMarkdown(text: string): string {
  return text.replace(/([\\`*_{}[\]<>#|~])/g, '\\$1').replace(/^(\s*)([-+]|\d+\.)(\s)/, '$1\\$2$3');
}

const heading = (text: string) => escapeMarkdown(text.replace(/\s+/g, ' ').trim());

type Highlight = Extract<NotebookEntry, { kind: 'highlight' }>['highlight'];
type DocumentNote = Extract<NotebookEntry, { kind: 'note' }>['note'];
type Bookmark = Extract<NotebookEntry, { kind: 'bookmark' }>['bookmark'];

/** What of one document an export holds, in reading order (highlights by offset, as the notebook gives them). */
type Picked = { doc: ExportDocument; highlights: Highlight[]; notes: DocumentNote[]; bookmarks: Bookmark[] };

function pick(doc: ExportDocument, include: MarkdownContent): Picked {
  const picked: Picked = { doc, highlights: [], notes: [], bookmarks: [] };
  for (const entry of doc.group.entries) {
    if (entry.kind === 'highlight' && (include !== 'notes' || entry.highlight.note.trim())) picked.highlights.push(entry.highlight);
    else if (entry.kind === 'note' && include !== 'highlights') picked.notes.push(entry.note);
    else if (entry.kind === 'bookmark' && include === 'all') picked.bookmarks.push(entry.bookmark);
  }
  return picked;
}

const isEmpty = (p: Picked) => p.highlights.length + p.notes.length + p.bookmarks.length === 0;

/** The number of entries an export with these options writes (one under two tags counts once). */
export function markdownEntryCount(documents: ExportDocument[], options: MarkdownOptions = DEFAULT_MARKDOWN_OPTIONS): number {
  return documents.map((doc) => pick(doc, options.include)).reduce((sum, p) => sum + p.highlights.length + p.notes.length + p.bookmarks.length, 0);
}

const tagsLine = (tags: string[]) => `Tags: ${tags.map(escapeMarkdown).join(', ')}`;

/**
 * A note is Markdown the user wrote: written as it is, except that its headings nest under
 * `under`, the level of the heading it stands under here (see nestHeadings), and that what it
 * leaves open is ended, so that it does not take in what follows it: HTML left open is shown as
 * text (first, so that the headings it hid nest too), a code fence left open is closed; and that
 * its links lead where they do in the note, whatever labels the notes before it define (`labels`,
 * the export's so far).
 */
const noteText = (body: string, under: number, labels: LinkLabels) => ownLinkLabels(nestHeadings(escapeHidingElements(escapeUnclosedHtml(body.trim())), under), labels);

function highlightLines(doc: ExportDocument, h: Highlight, include: MarkdownContent, under: number, labels: LinkLabels): string[] {
  const at = doc.citeAt(h.anchor.status === 'orphaned' ? undefined : h.anchor.start);
  const facts = [`Colour: ${COLOR_NAMES[h.color]}`, at.locator ? `Place: ${locatorText(at.locator)}` : 'Place: not found in the current text'];
  if (h.tags.length) facts.push(tagsLine(h.tags));
  if (include === 'notes') {
    // The note is the point; its quotation, on one line, says what it is about.
    return [`On “${escapeMarkdown(h.quote.exact.replace(/\s+/g, ' ').trim())}” — ${escapeMarkdown(at.citation)} · ${facts.join(' · ')}`, '', noteText(h.note, under, labels), ''];
  }
  const lines = [blockquote(h.quote.exact), '>', `> — ${escapeMarkdown(at.citation)}`, '', facts.join(' · '), ''];
  if (include === 'all' && h.note.trim()) lines.push(noteText(h.note, under, labels), '');
  return lines;
}

/**
 * Document notes one after the other. Only a blank line stands between two when the first has no
 * tags, and a list ending one note and a list of the same kind starting the next would be one
 * list (the second note's "1." numbered on from the first's): CommonMark's own separator, an
 * empty comment, keeps them apart. Nothing else runs on past a blank line (a heading is never a
 * lazy line, and a note, trimmed, never starts indented).
 */
function notesLines(notes: DocumentNote[], under: number, labels: LinkLabels): string[] {
  const texts = notes.map((note) => noteText(note.body, under, labels));
  return notes.flatMap((note, i) => {
    const lines = [texts[i]!, '', ...(note.tags.length ? [tagsLine(note.tags), ''] : [])];
    const next = texts[i + 1];
    return next !== undefined && !note.tags.length && listsMerge(texts[i]!, next) ? [...lines, '<!-- -->', ''] : lines;
  });
}

function bookmarkLines(doc: ExportDocument, bookmarks: Bookmark[]): string[] {
  return [
    ...bookmarks.map((b) => `- ${escapeMarkdown(b.label || 'Bookmark')} (${locatorText(doc.citeAt(b.offset).locator) || 'place unknown'})`),
    '',
  ];
}

const titleOf = (doc: ExportDocument) => heading(doc.group.documentTitle || doc.group.documentId);

const INCLUDE_NOTES: Record<MarkdownContent, string | undefined> = {
  all: undefined,
  highlights: 'Highlights only: the quotations with their citation, colour, place and tags; notes and bookmarks are left out.',
  notes: 'Notes only: the document notes, and the note of each highlight that has one, after the quotation it is on; highlights without a note and bookmarks are left out.',
};
function groupingNote(groupBy: MarkdownGrouping, include: MarkdownContent): string | undefined {
  const references = ' The references of the documents are at the end.';
  if (groupBy === 'tag') {
    const after = include === 'all' ? ' Bookmarks, which have no tags, come after.' : '';
    return `Grouped by tag: a highlight or note with several tags appears under each of them, and one without a tag under “Untagged”.${after}${references}`;
  }
  if (groupBy === 'colour') {
    const after = { all: ' Document notes and bookmarks, which have no colour, come after.', notes: ' Document notes, which have no colour, come after.', highlights: '' }[include];
    return `Grouped by colour, in the order of the palette (${HIGHLIGHT_COLORS.map((c) => COLOR_NAMES[c]).join(', ')}).${after}${references}`;
  }
  return undefined;
}

/**
 * A section of a grouped export (a tag, a colour): under it each document that has something
 * in it, by title, in library order, with its entries in reading order.
 */
function section(out: string[], title: string, parts: Picked[], include: MarkdownContent, notesHeading: boolean, labels: LinkLabels): void {
  const shown = parts.filter((p) => !isEmpty(p));
  if (!shown.length) return;
  out.push(`## ${title}`, '');
  for (const p of shown) {
    out.push(`### ${titleOf(p.doc)}`, '');
    for (const h of p.highlights) out.push(...highlightLines(p.doc, h, include, 3, labels));
    if (p.notes.length && notesHeading) out.push('#### Document notes', '');
    out.push(...notesLines(p.notes, notesHeading ? 4 : 3, labels));
    if (p.bookmarks.length) out.push(...bookmarkLines(p.doc, p.bookmarks));
  }
}

/** A set of tags in a stable, alphabetical order (the same in every locale: an export is a file). */
const byName = new Intl.Collator('en', { sensitivity: 'base', numeric: true });
const sortTags = (tags: Iterable<string>) => [...tags].sort((a, b) => byName.compare(a, b) || (a < b ? -1 : a > b ? 1 : 0));

export function notebookMarkdown(title: string, exportedAt: string, documents: ExportDocument[], options: MarkdownOptions = DEFAULT_MARKDOWN_OPTIONS): string {
  const { include, groupBy } = options;
  const out: string[] = [`# ${heading(title)}`, '', `Exported from Carrel on ${exportedAt.slice(0, 10)}.`, ''];
  for (const note of [INCLUDE_NOTES[include], groupingNote(groupBy, include)]) if (note) out.push(note, '');
  const picked = documents.map((doc) => pick(doc, include)).filter((p) => !isEmpty(p));
  const labels: LinkLabels = new Map();

  if (groupBy === 'document') {
    for (const { doc, highlights, notes, bookmarks } of picked) {
      out.push(`## ${titleOf(doc)}`, '', escapeMarkdown(doc.reference), '');
      for (const h of highlights) out.push(...highlightLines(doc, h, include, 2, labels));
      if (notes.length) out.push('### Document notes', '', ...notesLines(notes, 3, labels));
      if (bookmarks.length) out.push('### Bookmarks', '', ...bookmarkLines(doc, bookmarks));
    }
  } else {
    const only = (p: Picked, keep: { highlights?: (h: Highlight) => boolean; notes?: (n: DocumentNote) => boolean; bookmarks?: boolean }): Picked => ({
      doc: p.doc,
      highlights: keep.highlights ? p.highlights.filter(keep.highlights) : [],
      notes: keep.notes ? p.notes.filter(keep.notes) : [],
      bookmarks: keep.bookmarks ? p.bookmarks : [],
    });
    if (groupBy === 'tag') {
      const tags = sortTags(new Set(picked.flatMap((p) => [...p.highlights.flatMap((h) => h.tags), ...p.notes.flatMap((n) => n.tags)])));
      for (const tag of tags) {
        const has = (item: { tags: string[] }) => item.tags.includes(tag);
        section(out, `Tag: ${heading(tag)}`, picked.map((p) => only(p, { highlights: has, notes: has })), include, true, labels);
      }
      const untagged = (item: { tags: string[] }) => item.tags.length === 0;
      section(out, 'Untagged', picked.map((p) => only(p, { highlights: untagged, notes: untagged })), include, true, labels);
    } else {
      for (const color of HIGHLIGHT_COLORS) section(out, COLOR_NAMES[color], picked.map((p) => only(p, { highlights: (h) => h.color === color })), include, false, labels);
      section(out, 'Document notes', picked.map((p) => only(p, { notes: () => true })), include, false, labels);
    }
    section(out, 'Bookmarks', picked.map((p) => only(p, { bookmarks: true })), include, false, labels);
    if (picked.length) out.push('## References', '', ...picked.map((p) => `- ${escapeMarkdown(p.doc.reference)}`), '');
  }
  return `${out.join('\n').replace(/\n{3,}/g, '\n\n').trimEnd()}\n`;
}

export const CSV_HEADER = ['document', 'document_id', 'reference', 'kind', 'locator', 'citation', 'quote', 'note', 'tags', 'colour', 'created', 'modified'] as const;

/** One row per highlight and per document note (bookmarks are places, not writing: Markdown has them). */
export function notebookCsvRows(documents: ExportDocument[]): string[][] {
  const rows: string[][] = [];
  for (const doc of documents) {
    const title = doc.group.documentTitle || doc.group.documentId;
    for (const entry of doc.group.entries) {
      if (entry.kind === 'highlight') {
        const h = entry.highlight;
        const at = doc.citeAt(h.anchor.status === 'orphaned' ? undefined : h.anchor.start);
        rows.push([title, doc.group.documentId, doc.reference, 'highlight', locatorText(at.locator), at.citation, h.quote.exact, h.note, h.tags.join('; '), COLOR_NAMES[h.color], h.createdAt, h.updatedAt]);
      } else if (entry.kind === 'note') {
        const n = entry.note;
        rows.push([title, doc.group.documentId, doc.reference, 'note', '', '', '', n.body, n.tags.join('; '), '', n.createdAt, n.updatedAt]);
      }
    }
  }
  return rows;
}

export function notebookCsv(documents: ExportDocument[]): string {
  return csvDocument(CSV_HEADER, notebookCsvRows(documents));
}
