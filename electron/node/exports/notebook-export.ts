import type { CitationLocator } from '../../common/citations/citation-types';
import type { NotebookGroup } from '../../common/notes/notebook-types';
import { csvDocument } from './csv';

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

export function notebookMarkdown(title: string, exportedAt: string, documents: ExportDocument[]): string {
  const out: string[] = [`# ${heading(title)}`, '', `Exported from Carrel on ${exportedAt.slice(0, 10)}.`, ''];
  for (const doc of documents) {
    out.push(`## ${heading(doc.group.documentTitle || doc.group.documentId)}`, '', escapeMarkdown(doc.reference), '');
    const notes = doc.group.entries.filter((entry) => entry.kind === 'note');
    const bookmarks = doc.group.entries.filter((entry) => entry.kind === 'bookmark');
    for (const entry of doc.group.entries) {
      if (entry.kind !== 'highlight') continue;
      const h = entry.highlight;
      const at = doc.citeAt(h.anchor.status === 'orphaned' ? undefined : h.anchor.start);
      out.push(blockquote(h.quote.exact), '>', `> — ${escapeMarkdown(at.citation)}`, '');
      const facts = [`Colour: ${COLOR_NAMES[h.color]}`, ...(at.locator ? [`Place: ${locatorText(at.locator)}`] : ['Place: not found in the current text'])];
      if (h.tags.length) facts.push(`Tags: ${h.tags.map(escapeMarkdown).join(', ')}`);
      out.push(facts.join(' · '), '');
      if (h.note.trim()) out.push(h.note.trim(), '');
    }
    if (notes.length) {
      out.push('### Document notes', '');
      for (const entry of notes) {
        if (entry.kind !== 'note') continue;
        out.push(entry.note.body.trim(), '');
        if (entry.note.tags.length) out.push(`Tags: ${entry.note.tags.map(escapeMarkdown).join(', ')}`, '');
      }
    }
    if (bookmarks.length) {
      out.push('### Bookmarks', '');
      for (const entry of bookmarks) {
        if (entry.kind !== 'bookmark') continue;
        const at = doc.citeAt(entry.bookmark.offset);
        out.push(`- ${escapeMarkdown(entry.bookmark.label || 'Bookmark')} (${locatorText(at.locator) || 'place unknown'})`);
      }
      out.push('');
    }
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
