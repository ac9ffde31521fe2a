/**
 * CSV as RFC 4180 says (CRLF line ends, fields quoted when they hold a comma, quote or line end,
 * quotes doubled), in UTF-8 with a byte-order mark so spreadsheets read Arabic right. A cell a
 * spreadsheet would take for a formula (starting with = + - @, or a tab or carriage return) gets a
 * leading apostrophe: text from documents and notes never runs as a formula.
 */
export const CSV_BOM = '\uFEFF';

export function neutraliseFormula(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

export function csvField(value: string): string {
  const safe = neutraliseFormula(value);
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function csvDocument(header: readonly string[], rows: readonly (readonly string[])[]): string {
  return CSV_BOM + [header, ...rows].map((row) => row.map(csvField).join(',')).join('\r\n') + '\r\n';
}
