import { describe, expect, it } from 'vitest';
import { csvCell, toCsv } from '../../../../electron/node/analysis/csv';

describe('CSV for spreadsheets', () => {
  it('neutralises cells a spreadsheet would run as a formula', () => {
    for (const evil of ['=HYPERLINK("http://x","y")', '+1+2', '-2+3', '@SUM(A1)', '\t=1', '\r=1']) {
      expect(csvCell(evil).replace(/^"/, '').startsWith("'")).toBe(true);
    }
    expect(csvCell('=1+1')).toBe("'=1+1");
    expect(csvCell('a=1')).toBe('a=1');
    expect(csvCell('ISIS - the group')).toBe('ISIS - the group');
    // Numbers stay numbers.
    expect(csvCell(42)).toBe('42');
  });

  it('quotes commas, quotes and line breaks, and doubles quotes', () => {
    expect(csvCell('a, b')).toBe('"a, b"');
    expect(csvCell('he said "no"')).toBe('"he said ""no"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvCell('=a,"b"')).toBe(`"'=a,""b"""`);
  });

  it('starts with a UTF-8 byte-order mark and ends rows with CRLF, Arabic kept as it is', () => {
    const csv = toCsv(['word', 'count'], [['أعماق', 3], ['media', 2]]);
    expect(csv).toBe('\uFEFFword,count\r\nأعماق,3\r\nmedia,2\r\n');
    expect([...Buffer.from(csv, 'utf8').subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  });
});
