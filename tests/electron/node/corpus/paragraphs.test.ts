import { describe, expect, it } from 'vitest';
import { splitParagraphs } from '../../../../electron/node/corpus/paragraphs';

describe('splitParagraphs', () => {
  it('splits at blank lines and keeps offsets into the unchanged text', () => {
    const text = 'First line\nstill first\n\n  Second  \n \n\nThird';
    const paragraphs = splitParagraphs(text);
    expect(paragraphs.map((p) => text.slice(p.start, p.end))).toEqual(['First line\nstill first', 'Second', 'Third']);
  });

  it('returns nothing for whitespace and handles text without separators', () => {
    expect(splitParagraphs(' \n\n \n')).toEqual([]);
    expect(splitParagraphs('one')).toEqual([{ start: 0, end: 3 }]);
  });

  it('counts UTF-16 code units, so astral characters and Arabic map back exactly', () => {
    const text = '𝔄 math\n\nالخلافة الافتراضية';
    const [first, second] = splitParagraphs(text);
    expect(text.slice(first!.start, first!.end)).toBe('𝔄 math');
    expect(text.slice(second!.start, second!.end)).toBe('الخلافة الافتراضية');
  });
});
