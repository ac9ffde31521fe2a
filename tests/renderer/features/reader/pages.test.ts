import { describe, expect, it } from 'vitest';
import type { Paragraph } from '@common/corpus/corpus-types';
import { findPage, pageRange, pageStarts } from '../../../../renderer/src/features/reader/pages';
import { pageAtOffset } from '../../../../renderer/src/shared/page-at-offset';

const paragraphs: Paragraph[] = [
  { start: 0, end: 10, page: 'i' },
  { start: 12, end: 20, page: 'i' },
  { start: 22, end: 30, page: '1' },
  { start: 32, end: 40, page: '2' },
  { start: 42, end: 50, page: '2' },
  { start: 52, end: 60, page: '12' },
];

describe('pages of a paginated document', () => {
  const pages = pageStarts(paragraphs);

  it('starts a page at the first paragraph of each label', () => {
    expect(pages).toEqual([
      { label: 'i', paragraph: 0 },
      { label: '1', paragraph: 2 },
      { label: '2', paragraph: 3 },
      { label: '12', paragraph: 5 },
    ]);
    expect(pageStarts([{ start: 0, end: 3 }])).toEqual([]);
  });

  it('finds a page by its printed label first, then by its position', () => {
    expect(findPage(pages, ' I ')?.paragraph).toBe(0);
    expect(findPage(pages, '12')?.paragraph).toBe(5);
    expect(findPage(pages, '2')?.paragraph).toBe(3);
    // No page is labelled 3: the third page.
    expect(findPage(pages, '3')?.label).toBe('2');
    expect(findPage(pages, '9')).toBeUndefined();
    expect(findPage(pages, 'xx')).toBeUndefined();
    expect(findPage(pages, '')).toBeUndefined();
    expect(pageRange(pages)).toBe('i–12');
  });

  it('knows the page of any offset, between paragraphs too', () => {
    expect(pageAtOffset(paragraphs, 0)).toBe('i');
    expect(pageAtOffset(paragraphs, 21)).toBe('i');
    expect(pageAtOffset(paragraphs, 45)).toBe('2');
    expect(pageAtOffset(paragraphs, 1000)).toBe('12');
    expect(pageAtOffset([], 3)).toBeUndefined();
  });
});
