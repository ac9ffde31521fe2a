import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildSelectors, MIN_CONTEXT } from '../../../../electron/common/anchoring/build-selectors';
import { countOccurrences } from '../../../../electron/common/anchoring/text-offsets';
import { SEEDS_DIR } from '../../../harness/paths';

const seed000 = fs.readFileSync(path.join(SEEDS_DIR, '000_83ec540f884ec08d.txt'), 'utf8');
const CAPTION = 'ISIS fighter with an American accent delivers a propaganda message';

function unique(text: string, start: number, end: number) {
  const { quote } = buildSelectors(text, start, end);
  return countOccurrences(text, quote.prefix + quote.exact + quote.suffix);
}

describe('buildSelectors', () => {
  it('makes W3C quote and position selectors with at least 32 code units of context', () => {
    const start = seed000.indexOf('hemorrhaged militants');
    const { quote, position } = buildSelectors(seed000, start, start + 'hemorrhaged militants'.length);
    expect(quote).toEqual({
      type: 'TextQuoteSelector',
      exact: 'hemorrhaged militants',
      prefix: seed000.slice(start - MIN_CONTEXT, start),
      suffix: seed000.slice(start + 21, start + 21 + MIN_CONTEXT),
    });
    expect(position).toEqual({ type: 'TextPositionSelector', start, end: start + 21 });
  });

  it('extends the context until a repeated caption is unique, for each copy', () => {
    const first = seed000.indexOf(CAPTION);
    const second = seed000.indexOf(CAPTION, first + 1);
    expect(second).toBeGreaterThan(first);
    for (const at of [first, second]) {
      expect(unique(seed000, at, at + CAPTION.length)).toBe(1);
      // The words inside a repeated caption too.
      const word = at + CAPTION.indexOf('American accent');
      expect(unique(seed000, word, word + 'American accent'.length)).toBe(1);
    }
    // Whole repeated paragraphs need more than the minimum context.
    const paragraphEnd = seed000.indexOf('\n', second);
    const { quote } = buildSelectors(seed000, second, paragraphEnd);
    expect(quote.prefix.length + quote.suffix.length).toBeGreaterThanOrEqual(2 * MIN_CONTEXT);
    expect(countOccurrences(seed000, quote.prefix + quote.exact + quote.suffix)).toBe(1);
  });

  it('counts UTF-16 code units and never splits a surrogate pair', () => {
    const text = 'Notes 📜 on Baghdād and بغداد ' + 'x'.repeat(40);
    const scroll = text.indexOf('📜');
    // Start in the middle of the pair: widened to the whole character.
    const { quote, position } = buildSelectors(text, scroll + 1, scroll + 2);
    expect(quote.exact).toBe('📜');
    expect(position).toMatchObject({ start: scroll, end: scroll + 2 });
    const arabic = text.indexOf('بغداد');
    expect(buildSelectors(text, arabic, arabic + 5).quote.exact).toBe('بغداد');
  });

  it('stops at the ends of the text', () => {
    const text = 'short text short text';
    const { quote } = buildSelectors(text, 0, 5);
    expect(quote.prefix).toBe('');
    expect(quote.suffix).toBe(text.slice(5));
  });
});
