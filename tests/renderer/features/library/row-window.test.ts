import { describe, expect, it } from 'vitest';
import { rowsInView, scrollToShow } from '../../../../renderer/src/features/library/row-window';

const H = 92;
const geometry = { count: 126_240, rowHeight: H, listTop: 200, scrollY: 0, viewportHeight: 800 };

describe('rowsInView', () => {
  it('gives the rows the viewport shows, widened by the overscan and kept within the list', () => {
    // The list starts 200 px down: 600 px of it are in view, rows 0–6.
    expect(rowsInView(geometry, 0)).toEqual({ first: 0, last: 6 });
    expect(rowsInView(geometry, 6)).toEqual({ first: 0, last: 12 });
    // Scrolled to row 10,000's top: it and the 8 below it (800 / 92 = 8.7 rows) are in view.
    expect(rowsInView({ ...geometry, scrollY: 200 + 10_000 * H }, 0)).toEqual({ first: 10_000, last: 10_008 });
    expect(rowsInView({ ...geometry, scrollY: 200 + 10_000 * H + 50 }, 2)).toEqual({ first: 9_998, last: 10_011 });
    // At the end the range stops at the last row.
    expect(rowsInView({ ...geometry, scrollY: 200 + 126_240 * H - 800 }, 6)).toEqual({ first: 126_225, last: 126_239 });
  });

  it('is empty for an empty list or a list scrolled out of view', () => {
    expect(rowsInView({ ...geometry, count: 0 }, 6)).toBeNull();
    expect(rowsInView({ ...geometry, count: 3, scrollY: 10_000 }, 0)).toBeNull();
    expect(rowsInView({ ...geometry, count: 3 }, 6)).toEqual({ first: 0, last: 2 });
  });
});

describe('scrollToShow', () => {
  const withHeader = { ...geometry, headerHeight: 60 };

  it('does not move for a row already whole in view below the header', () => {
    expect(scrollToShow(0, 'auto', withHeader)).toBeNull();
    expect(scrollToShow(5, 'auto', withHeader)).toBeNull();
  });

  it('scrolls the least that shows a row below the view or under the header', () => {
    // Row 7 ends at 200 + 8 × 92 = 936: its bottom goes to the window's bottom.
    expect(scrollToShow(7, 'auto', withHeader)).toBe(936 - 800);
    // Row 100 is far below; row 3 is above the view once scrolled down: its top goes just below the header.
    expect(scrollToShow(100, 'auto', withHeader)).toBe(200 + 101 * H - 800);
    expect(scrollToShow(3, 'auto', { ...withHeader, scrollY: 5_000 })).toBe(200 + 3 * H - 60);
    // Never above the page's top.
    expect(scrollToShow(0, 'auto', { ...withHeader, scrollY: 300 })).toBe(200 - 60);
    expect(scrollToShow(0, 'auto', { ...withHeader, listTop: 20, scrollY: 300 })).toBe(0);
  });

  it('centres a row in the view below the header', () => {
    const target = scrollToShow(57_004, 'center', withHeader)!;
    const top = 200 + 57_004 * H - target;
    // The space above the row (below the header) and below it are equal.
    expect(top - 60).toBeCloseTo(800 - (top + H));
  });
});
