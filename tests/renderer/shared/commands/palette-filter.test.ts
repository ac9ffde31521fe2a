import { describe, expect, it } from 'vitest';
import { matchesQuery, stepActive } from '../../../../renderer/src/shared/commands/palette-filter';

describe('matchesQuery', () => {
  it('finds every word of the query, in any order, whatever the case and accents', () => {
    expect(matchesQuery('Highlight yellow Text selected 1', 'yel high')).toBe(true);
    expect(matchesQuery('Open Corpus… Anywhere Ctrl+O', 'ctrl+o')).toBe(true);
    expect(matchesQuery('Résumé des notes', 'resume')).toBe(true);
    expect(matchesQuery('Highlight yellow', 'yellow green')).toBe(false);
    expect(matchesQuery('Anything', '   ')).toBe(true);
  });
});

describe('stepActive', () => {
  it('moves and wraps at both ends', () => {
    expect(stepActive(0, 3, 'ArrowDown')).toBe(1);
    expect(stepActive(2, 3, 'ArrowDown')).toBe(0);
    expect(stepActive(0, 3, 'ArrowUp')).toBe(2);
    expect(stepActive(-1, 0, 'ArrowDown')).toBe(-1);
  });
});
