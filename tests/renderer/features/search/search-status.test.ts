import { describe, expect, it } from 'vitest';
import { describeResponse, formatTook, moveActive } from '../../../../renderer/src/features/search/search-status';

describe('formatTook', () => {
  it('reads as people say it', () => {
    expect(formatTook(0)).toBe('<1 ms');
    expect(formatTook(0.4)).toBe('<1 ms');
    expect(formatTook(7.49)).toBe('7 ms');
    expect(formatTook(999.4)).toBe('999 ms');
    expect(formatTook(1234)).toBe('1.2 s');
    expect(formatTook(Number.NaN)).toBe('<1 ms');
  });
});

describe('describeResponse', () => {
  it('gives the number of results and the time', () => {
    expect(describeResponse({ total: 2, tookMs: 3.2 })).toBe('2 results · 3 ms');
    expect(describeResponse({ total: 1, tookMs: 0.2 })).toBe('1 result · <1 ms');
    expect(describeResponse({ total: 0, tookMs: 1 })).toBe('No results · 1 ms');
  });

  it('counts every result, since every one is in the list, and says when filters narrow them', () => {
    expect(describeResponse({ total: 1200, tookMs: 12 })).toBe('1,200 results · 12 ms');
    expect(describeResponse({ total: 12, tookMs: 1 }, true)).toBe('12 results (filtered) · 1 ms');
  });
});

describe('moveActive', () => {
  it('moves down and up through the results, wrapping at both ends', () => {
    expect(moveActive(0, 3, 'ArrowDown')).toBe(1);
    expect(moveActive(2, 3, 'ArrowDown')).toBe(0);
    expect(moveActive(0, 3, 'ArrowUp')).toBe(2);
    expect(moveActive(2, 3, 'ArrowUp')).toBe(1);
    expect(moveActive(-1, 3, 'ArrowDown')).toBe(0);
    expect(moveActive(-1, 3, 'ArrowUp')).toBe(2);
  });

  it('moves by pages, stopping at the ends', () => {
    expect(moveActive(5, 60, 'PageDown')).toBe(15);
    expect(moveActive(55, 60, 'PageDown')).toBe(59);
    expect(moveActive(5, 60, 'PageUp')).toBe(0);
  });

  it('has nothing to move to without results', () => {
    expect(moveActive(0, 0, 'ArrowDown')).toBe(-1);
    expect(moveActive(-1, 0, 'ArrowUp')).toBe(-1);
  });
});
