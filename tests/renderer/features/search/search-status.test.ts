import { describe, expect, it } from 'vitest';
import type { SearchResult } from '../../../../electron/common/search/search-types';
import { describeResponse, formatTook, moveActive } from '../../../../renderer/src/features/search/search-status';

const result = (id: string): SearchResult => ({ id, title: id, source: '', author: '', date: '', score: 1, hitCount: 1, snippets: [] });

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
    expect(describeResponse({ total: 2, results: [result('a'), result('b')], tookMs: 3.2 })).toBe('2 results · 3 ms');
    expect(describeResponse({ total: 1, results: [result('a')], tookMs: 0.2 })).toBe('1 result · <1 ms');
    expect(describeResponse({ total: 0, results: [], tookMs: 1 })).toBe('No results · 1 ms');
  });

  it('says when only some of the results are shown', () => {
    expect(describeResponse({ total: 1200, results: [result('a'), result('b')], tookMs: 12 })).toBe('Showing 2 of 1,200 results · 12 ms');
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

  it('has nothing to move to without results', () => {
    expect(moveActive(0, 0, 'ArrowDown')).toBe(-1);
    expect(moveActive(-1, 0, 'ArrowUp')).toBe(-1);
  });
});
