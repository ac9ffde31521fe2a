import type { BlockKind } from '../text-blocks';
import type { OrderedFragment } from './pdf-columns';
import { documentWords, joinLines } from './pdf-hyphenation';

/** A paragraph of a PDF: its lines joined, its kind, and the page it starts on (0-based). */
export type PdfParagraph = { text: string; kind: BlockKind; page: number };

const SENTENCE_END = /[.!?:;…"”’)\]»]$/u;
const STARTS_LOWER = /^\p{Ll}/u;

function median(values: number[]): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

/** The body text's font size: the size most characters are set in. */
function bodySize(lines: readonly OrderedFragment[]): number {
  const chars = new Map<number, number>();
  for (const line of lines) {
    const size = Math.round(line.size * 10) / 10;
    chars.set(size, (chars.get(size) ?? 0) + line.text.length);
  }
  let best = 0;
  let most = -1;
  for (const [size, count] of chars) if (count > most || (count === most && size < best)) [best, most] = [size, count];
  return best;
}

const sameSize = (a: number, b: number) => Math.abs(a - b) <= 0.15 * Math.max(a, b);

/**
 * Joins the lines of a document (in reading order, running lines already left out) into
 * paragraphs. A paragraph ends at a wider gap than the usual line spacing, a change of font
 * size, an indented first line, or a short line ending a sentence; it runs on into the next
 * column or page when it stops mid-sentence and the next line starts in lower case. Lines set
 * larger than the body text are headings, a level per size (the largest h1). Each paragraph
 * keeps the page it starts on.
 */
export function pdfParagraphs(lines: readonly OrderedFragment[]): PdfParagraph[] {
  if (lines.length === 0) return [];
  const body = bodySize(lines);
  const words = documentWords(lines.map((line) => line.text));
  const left = new Map<string, number>();
  const right = new Map<string, number>();
  const streamOf = (line: OrderedFragment) => `${line.page}:${line.column}`;
  for (const line of lines) {
    const stream = streamOf(line);
    left.set(stream, Math.min(left.get(stream) ?? Infinity, line.x0));
    right.set(stream, Math.max(right.get(stream) ?? -Infinity, line.x1));
  }
  const gaps: number[] = [];
  for (let i = 1; i < lines.length; i++) {
    const [a, b] = [lines[i - 1]!, lines[i]!];
    const dy = a.y - b.y;
    if (streamOf(a) === streamOf(b) && sameSize(a.size, b.size) && dy > 0.5 * a.size && dy < 3 * a.size) gaps.push(dy / a.size);
  }
  const lineGap = median(gaps) || 1.2;

  // Heading levels by size: the largest size set above the body text is h1, the next h2… (h6 at most).
  const round = (size: number) => Math.round(size * 2) / 2;
  const headingSizes = [...new Set(lines.map((l) => round(l.size)).filter((size) => size >= 1.2 * body))].sort((a, b) => b - a);
  const kindOf = (size: number): BlockKind => {
    const level = headingSizes.indexOf(round(size));
    return level < 0 ? 'p' : (`h${Math.min(6, level + 1)}` as BlockKind);
  };
  const out: PdfParagraph[] = [];
  let current: { text: string; kind: BlockKind; page: number; last: OrderedFragment } | undefined;
  const close = () => {
    if (current) out.push({ text: current.text, kind: current.kind, page: current.page });
    current = undefined;
  };
  for (const line of lines) {
    const kind = kindOf(line.size);
    if (current && continues(current.last, line, current.kind, kind)) {
      current.text = joinLines(current.text, line.text, words);
      current.last = line;
      continue;
    }
    close();
    current = { text: line.text, kind, page: line.page, last: line };
  }
  close();
  return out;

  function continues(a: OrderedFragment, b: OrderedFragment, kindA: BlockKind, kindB: BlockKind): boolean {
    if (kindA !== kindB || !sameSize(a.size, b.size)) return false;
    const hyphenated = /\p{L}[-\u2010\u00ad]$/u.test(a.text);
    if (streamOf(a) !== streamOf(b)) {
      // Into the next column or page: only a sentence left unfinished runs on.
      return kindA === 'p' && !SENTENCE_END.test(a.text) && (STARTS_LOWER.test(b.text) || hyphenated);
    }
    const dy = a.y - b.y;
    if (dy <= 0 || dy > (lineGap + 0.5) * a.size) return false;
    if (kindA !== 'p') return true;
    const stream = streamOf(a);
    const indent = 0.8 * b.size;
    // A line starts at the left edge of its column, or the right one when written right to left.
    const inset = (line: OrderedFragment) => (line.rtl ? right.get(stream)! - line.x1 : line.x0 - left.get(stream)!);
    const startsIndented = inset(b) > indent && inset(a) <= indent;
    if (startsIndented && !hyphenated) return false;
    const endsShort = (a.rtl ? a.x0 - left.get(stream)! : right.get(stream)! - a.x1) > 4 * a.size;
    if (endsShort && SENTENCE_END.test(a.text)) return false;
    return true;
  }
}
