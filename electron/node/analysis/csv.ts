/**
 * CSV as spreadsheets read it (RFC 4180: commas, CRLF, quotes doubled), made safe to open:
 * a text cell a spreadsheet would take for a formula (starting with = + - @, or a tab or
 * carriage return, OWASP's list) gets a leading apostrophe, so a document's text cannot run
 * as a formula. The file starts with a UTF-8 byte-order mark, without which spreadsheets
 * read UTF-8 as a legacy code page and Arabic comes out as mojibake.
 */
export type CsvValue = string | number;

const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

export const CSV_BOM = '\uFEFF';

export function csvCell(value: CsvValue): string {
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export const csvRow = (values: readonly CsvValue[]): string => `${values.map(csvCell).join(',')}\r\n`;

/** A whole CSV document: BOM, header row, rows. */
export function toCsv(header: readonly string[], rows: Iterable<readonly CsvValue[]>): string {
  const parts = [CSV_BOM, csvRow(header)];
  for (const row of rows) parts.push(csvRow(row));
  return parts.join('');
}
