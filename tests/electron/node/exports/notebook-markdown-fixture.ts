import type { HighlightColor } from '../../../../electron/common/notes/notes-types';
import type { NotebookEntry } from '../../../../electron/common/notes/notebook-types';
import type { ExportDocument } from '../../../../electron/node/exports/notebook-export';

/** Two documents of a notebook, made by hand: what the Markdown and CSV export tests write out. */
const when = '2026-12-01T10:00:00.000Z';

export function highlight(documentId: string, id: string, start: number, exact: string, color: HighlightColor, tags: string[], note: string): NotebookEntry {
  return {
    kind: 'highlight',
    highlight: {
      id,
      documentId,
      documentSha256: '0'.repeat(64),
      color,
      quote: { type: 'TextQuoteSelector', exact, prefix: '', suffix: '' },
      position: { type: 'TextPositionSelector', start, end: start + exact.length },
      note,
      tags,
      createdAt: when,
      updatedAt: when,
      anchor: { status: 'exact', start, end: start + exact.length },
      needsReview: false,
    },
  };
}

export const note = (documentId: string, id: string, body: string, tags: string[]): NotebookEntry => ({
  kind: 'note',
  note: { id, documentId, body, tags, createdAt: when, updatedAt: when },
});

export const bookmark = (documentId: string, id: string, offset: number, label: string): NotebookEntry => ({
  kind: 'bookmark',
  bookmark: { id, documentId, offset, label, createdAt: when, updatedAt: when },
});

/** Paragraphs of 100 characters: an offset's paragraph is offset / 100 + 1. */
export function document(documentId: string, documentTitle: string, author: string, reference: string, entries: NotebookEntry[]): ExportDocument {
  return {
    group: { documentId, documentTitle, documentAvailable: true, entries },
    reference,
    citeAt(offset) {
      if (offset === undefined) return { citation: `(${author})` };
      const value = String(Math.floor(offset / 100) + 1);
      return { citation: `(${author}, para. ${value})`, locator: { label: 'paragraph', value } };
    },
  };
}

export const DOCUMENTS: ExportDocument[] = [
  document('winter', 'Dabiq and the caliphate', 'Winter 2017', 'Winter, Charlie. 2017. “Dabiq and the Caliphate.” Asharq Al-Awsat.', [
    highlight('winter', 'h1', 0, 'The magazine *Dabiq*', 'yellow', ['Dabiq', 'مجلات'], 'Read *this* again.'),
    bookmark('winter', 'b1', 120, 'Second part'),
    highlight('winter', 'h2', 250, 'propaganda videos', 'green', [], ''),
    note('winter', 'n1', 'Overall: strong.', ['Dabiq']),
  ]),
  document('atwan', 'الخلافة الافتراضية', 'عطوان 2015', 'عطوان. 2015. “الخلافة الافتراضية.” رأي اليوم.', [
    highlight('atwan', 'h3', 40, 'الخلافة\n"الافتراضية"', 'yellow', ['مجلات'], ''),
    note('atwan', 'n2', 'No tags here.', []),
  ]),
];
