import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { toCsv } from '../../../../electron/node/analysis/csv';
import { CSV_BOM, csvDocument, neutraliseFormula } from '../../../../electron/node/exports/csv';
import { CSV_HEADER, notebookCsv, notebookCsvRows, type ExportDocument } from '../../../../electron/node/exports/notebook-export';
import { DOCUMENTS } from './notebook-markdown-fixture';

// Every CSV Carrel writes (the notebook's and the coding tables' through csvDocument, the
// analysis views' through toCsv), read back by a CSV parser as a spreadsheet would: the
// byte-order mark taken as such, and the same rows, cell for cell.
const HARD: string[][] = [
  ['مجلة "دابق"، العدد ١٥', 'line one\nline two', 'a, b', 'crlf\r\ninside'],
  ['"quoted" at the start', 'ends with a quote "', ',', ''],
  ['=HYPERLINK("http://x","y")', '+1', '-', '@me'],
  ['  spaces kept  ', 'tab\tinside', 'الخلافة\nالافتراضية', '😀 emoji'],
];

const read = (text: string) => parse(text, { bom: true, relax_column_count: false }) as string[][];

describe('CSV exports read back by csv-parse', () => {
  it('csvDocument (notebook, coding tables): the BOM, then the same rows (formulas with their apostrophe)', () => {
    const text = csvDocument(['one', 'two', 'three', 'four'], HARD);
    expect(text.startsWith(CSV_BOM)).toBe(true);
    expect(Buffer.from(text, 'utf8').subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect(read(text)).toEqual([['one', 'two', 'three', 'four'], ...HARD.map((row) => row.map(neutraliseFormula))]);
    // Read from the bytes of the file, as a program opening it does.
    expect(parse(Buffer.from(text, 'utf8'), { bom: true })).toEqual(read(text));
  });

  it('toCsv (analysis views): the same', () => {
    const text = toCsv(['one', 'two', 'three', 'four'], HARD);
    expect(text.startsWith(CSV_BOM)).toBe(true);
    expect(read(text)).toEqual([['one', 'two', 'three', 'four'], ...HARD.map((row) => row.map(neutraliseFormula))]);
    expect(read(toCsv(['n'], [[42], [Number.NaN]]))).toEqual([['n'], ['42'], ['']]);
  });

  it('the notebook CSV: one row per highlight and document note, each cell as the notebook has it', () => {
    const hostile: ExportDocument = {
      ...DOCUMENTS[1]!,
      group: {
        ...DOCUMENTS[1]!.group,
        documentId: 'hostile',
        documentTitle: 'A "title", with a comma',
        entries: [
          {
            kind: 'note',
            note: { id: 'n9', documentId: 'hostile', body: '=1+1\n"quoted", and, commas', tags: ['a, b', 'ج'], createdAt: '2026-12-01T10:00:00.000Z', updatedAt: '2026-12-02T10:00:00.000Z' },
          },
        ],
      },
    };
    const documents = [...DOCUMENTS, hostile];
    const text = notebookCsv(documents);
    expect(text.startsWith(CSV_BOM)).toBe(true);
    const rows = read(text);
    expect(rows[0]).toEqual([...CSV_HEADER]);
    expect(rows.slice(1)).toEqual(notebookCsvRows(documents).map((row) => row.map(neutraliseFormula)));
    expect(rows.slice(1).map((row) => row[3])).toEqual(['highlight', 'highlight', 'note', 'highlight', 'note', 'note']);
    expect(rows[4]![6]).toBe('الخلافة\n"الافتراضية"');
    expect(rows[6]).toMatchObject({ 0: 'A "title", with a comma', 7: '\'=1+1\n"quoted", and, commas', 8: 'a, b; ج' });
  });
});
