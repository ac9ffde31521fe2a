import { describe, expect, it } from 'vitest';
import {
  currentHitDecorationId,
  hitDecorations,
  hitLabel,
  stepHit,
} from '../../../../renderer/src/features/reader/hit-navigation';

describe('stepHit', () => {
  it('moves forward and back, wrapping at both ends', () => {
    expect(stepHit(0, 3, 'next')).toBe(1);
    expect(stepHit(2, 3, 'next')).toBe(0);
    expect(stepHit(0, 3, 'previous')).toBe(2);
    expect(stepHit(2, 3, 'previous')).toBe(1);
  });

  it('starts from the first or last hit when none is current, and stays at none without hits', () => {
    expect(stepHit(-1, 4, 'next')).toBe(0);
    expect(stepHit(-1, 4, 'previous')).toBe(3);
    expect(stepHit(7, 4, 'next')).toBe(0);
    expect(stepHit(0, 0, 'next')).toBe(-1);
    expect(stepHit(-1, 0, 'previous')).toBe(-1);
  });

  it('stays on the only hit', () => {
    expect(stepHit(0, 1, 'next')).toBe(0);
    expect(stepHit(0, 1, 'previous')).toBe(0);
  });
});

describe('hitDecorations', () => {
  const matches = [
    { start: 4, end: 9 },
    { start: 20, end: 26 },
    { start: 40, end: 45 },
  ];

  it('marks every hit, the current one as "hit current", with ids unique to the query', () => {
    const marks = hitDecorations(matches, 1, 'caliph');
    expect(marks.map((m) => [m.start, m.end, m.className])).toEqual([
      [4, 9, 'hit'],
      [20, 26, 'hit current'],
      [40, 45, 'hit'],
    ]);
    expect(new Set(marks.map((m) => m.id)).size).toBe(3);
    expect(currentHitDecorationId(matches, 1, 'caliph')).toBe(marks[1]!.id);
    expect(hitDecorations(matches, 1, 'other')[1]!.id).not.toBe(marks[1]!.id);
  });

  it('has no current hit when there are none or the index is out of range', () => {
    expect(hitDecorations([], 0, 'x')).toEqual([]);
    expect(currentHitDecorationId([], 0, 'x')).toBeUndefined();
    expect(currentHitDecorationId(matches, -1, 'x')).toBeUndefined();
    expect(currentHitDecorationId(matches, 3, 'x')).toBeUndefined();
  });
});

describe('hitLabel', () => {
  it('counts from one, with thousands separators', () => {
    expect(hitLabel(2, 12)).toBe('hit 3 of 12');
    expect(hitLabel(0, 1)).toBe('hit 1 of 1');
    expect(hitLabel(1233, 1500)).toBe('hit 1,234 of 1,500');
    expect(hitLabel(-1, 0)).toBe('no hits');
  });
});
