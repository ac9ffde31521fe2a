import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { CSV_BOM, csvDocument, csvField, neutraliseFormula } from '../../../../electron/node/exports/csv';

describe('CSV export', () => {
  it('neutralises cells a spreadsheet would run as formulas', () => {
    for (const cell of ['=HYPERLINK("http://x","y")', '+1+1', '-2+3', '@SUM(A1)', '\t=1', '\r=1']) expect(neutraliseFormula(cell)).toBe(`'${cell}`);
    for (const cell of ['plain', ' =not first', 'a=b', '', 'دابق']) expect(neutraliseFormula(cell)).toBe(cell);
    expect(csvField('=1+1')).toBe("'=1+1");
    expect(csvField('-"x", y')).toBe(`"'-""x"", y"`);
  });

  it('writes RFC 4180 with a byte-order mark, read back by a CSV parser to the same rows (Arabic, quotes, newlines)', () => {
    const rows = [
      ['مجلة "دابق"', 'line one\nline two', 'a, b'],
      ['=cmd|/C calc!A0', '', 'plain'],
    ];
    const text = csvDocument(['one', 'two', 'three'], rows);
    expect(text.startsWith(CSV_BOM)).toBe(true);
    expect(text).toContain('\r\n');
    const parsed = parse(text.slice(1), { relax_column_count: false }) as string[][];
    expect(parsed).toEqual([['one', 'two', 'three'], rows[0], ["'=cmd|/C calc!A0", '', 'plain']]);
  });
});
