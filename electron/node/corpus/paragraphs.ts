import type { Paragraph } from '../../common/corpus/corpus-types';

/**
 * Splits plain text into paragraphs at blank lines. Offsets point into the unchanged
 * text (UTF-16 code units) so that anchors and search hits map back exactly; each
 * paragraph excludes surrounding whitespace but keeps its inner line breaks.
 */
export function splitParagraphs(text: string): Paragraph[] {
  const paragraphs: Paragraph[] = [];
  const separator = /\n[ \t\r\f\v]*\n/g;
  let blockStart = 0;
  const push = (start: number, end: number) => {
    while (start < end && /\s/.test(text[start]!)) start++;
    while (end > start && /\s/.test(text[end - 1]!)) end--;
    if (end > start) paragraphs.push({ start, end });
  };
  for (const match of text.matchAll(separator)) {
    push(blockStart, match.index);
    blockStart = match.index + match[0].length;
  }
  push(blockStart, text.length);
  return paragraphs;
}
