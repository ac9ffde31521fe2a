import { describe, expect, it } from 'vitest';
import { step } from '../../../../renderer/src/features/reader/use-keyboard-selection';

const TEXT = 'Hi 😀 there.\n\nنشر التنظيم مجلة';
const PARAGRAPHS = [
  { start: 0, end: 12 },
  { start: 14, end: TEXT.length },
];

describe('keyboard caret steps', () => {
  it('moves over a surrogate pair as one character, both ways', () => {
    const emoji = TEXT.indexOf('😀');
    expect(step(TEXT, PARAGRAPHS, emoji, true, false)).toBe(emoji + 2);
    expect(step(TEXT, PARAGRAPHS, emoji + 2, false, false)).toBe(emoji);
  });

  it('jumps the unrendered gap between paragraphs', () => {
    expect(step(TEXT, PARAGRAPHS, 12, true, false)).toBe(14);
    expect(step(TEXT, PARAGRAPHS, 14, false, false)).toBe(12);
    expect(step(TEXT, PARAGRAPHS, TEXT.length, true, false)).toBe(TEXT.length);
    expect(step(TEXT, PARAGRAPHS, 0, false, false)).toBe(0);
  });

  it('moves by whole words, Arabic included', () => {
    expect(step(TEXT, PARAGRAPHS, 0, true, true)).toBe(2);
    expect(step(TEXT, PARAGRAPHS, 14, true, true)).toBe(14 + 'نشر'.length);
    expect(step(TEXT, PARAGRAPHS, 14 + 'نشر'.length, true, true)).toBe(14 + 'نشر التنظيم'.length);
    expect(step(TEXT, PARAGRAPHS, TEXT.length, false, true)).toBe(TEXT.indexOf('مجلة'));
  });
});
