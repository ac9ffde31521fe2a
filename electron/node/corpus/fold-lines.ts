import type { FoldReason } from '../../common/corpus/corpus-types';
import type { TextBlock } from './text-blocks';

/**
 * Lines the reader folds away (the text itself is never changed: offsets, search positions and
 * highlights stay where they are). Only lines at a document's edges are ever considered, and
 * only short ones:
 * - the title, when the text repeats it as its first line (alone, with a site's name after a
 *   separator, or cut short), and the short lines of site chrome standing before it;
 * - navigation: a short line that is a known navigation phrase ("Skip to main content",
 *   "Select Page", "Media ID: 55367487", "Share on Twitter", "Read more at DailyMail.co.uk", a
 *   breadcrumb "Home › News › World");
 * - repeated: a short line that most documents of the same site carry at their top or bottom
 *   (repeated-lines.ts), found once every document is read.
 * A document is never folded whole: when every line would fold, none does.
 */
export type FoldedBlock = TextBlock & { fold?: FoldReason };

/**
 * A line of a document, [start, end) without its surrounding white space; whole: the only line of
 * its block; top: among the document's first TOP_LINES.
 */
export type TextLine = { start: number; end: number; block: number; whole: boolean; top: boolean };

export type LineFold = { start: number; end: number; reason: FoldReason };

/** Lines from the top, and from the bottom, in which anything may fold. */
export const TOP_LINES = 8;
export const BOTTOM_LINES = 5;
/** Longest line a navigation phrase or a repeated line may be (title lines may be longer). */
export const SHORT_LINE = 60;
/** Longest line of site chrome before a repeated title. */
const PREAMBLE_LINE = 80;
/** Most lines of site chrome before a repeated title. */
const PREAMBLE_LINES = 4;

const NAVIGATION: readonly RegExp[] = [
  /^(skip|jump|go) to (the )?(main )?(content|navigation|menu|search)( area)?$/,
  /^select page$/,
  /^media id:? ?\d+$/,
  /^(main |site )?(menu|navigation)$/,
  /^(toggle|open|close) (navigation|menu|search)$/,
  /^(home|search|share|print|email|e-mail|subscribe|sign in|sign up|log in|login|log out|register|advertisement|advertising|sponsored|back to top|scroll to top|cookie settings|accept cookies|you are here:?)$/,
  /^(share|follow us|follow) on (facebook|twitter|x|linkedin|whatsapp|telegram|instagram)$/,
  /^share (this|this article|this story|this page)$/,
  /^(read|see) more (at|on|from) [\p{L}\p{N}.&' -]{2,40}$/u,
];

/** A breadcrumb: three or more short names joined by › » / | > (tried only on lines holding such a separator). */
const BREADCRUMB = /^[\p{L}\p{N}&'.-]+(?: [\p{L}\p{N}&'.-]+){0,3}(?: [›»/|>] [\p{L}\p{N}&'.-]+(?: [\p{L}\p{N}&'.-]+){0,3}){2,}$/u;
const BREADCRUMB_SEPARATOR = / [›»/|>] /;

/** A line compared as a reader sees it: case, width, marks of quotation and spacing aside. */
export function lineKey(line: string): string {
  // NFKC changes nothing in ASCII, the common case: skipped there.
  return (NON_ASCII.test(line) ? line.normalize('NFKC') : line)
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .replace(/^[\s"'“”‘’«»]+|[\s"'“”‘’«».:;,]+$/g, '');
}

const NON_ASCII = /[^\x00-\x7f]/;
/** The phrases as one expression: one test a line. */
const ANY_NAVIGATION = new RegExp(NAVIGATION.map((pattern) => `(?:${pattern.source})`).join('|'), 'u');

/** The first words any phrase above starts with: most lines are told apart by this test alone. */
const NAVIGATION_START = /^\W*(skip|jump|go|select|media|main|site|menu|navigation|toggle|open|close|home|search|share|print|e-?mail|subscribe|sign|log|login|register|advertis|sponsored|back|scroll|cookie|accept|you|follow|read|see)/i;

export function isNavigationLine(line: string): boolean {
  if (line.trim().length > SHORT_LINE) return false;
  if (!NAVIGATION_START.test(line) && !BREADCRUMB_SEPARATOR.test(line)) return false;
  const key = lineKey(line);
  if (key.length === 0) return false;
  return ANY_NAVIGATION.test(key) || (BREADCRUMB_SEPARATOR.test(key) && BREADCRUMB.test(key));
}

const SEPARATOR = /^ ?(\||-|–|—|::|·|•|»|:) /;

/** Whether a line is the document's title again: the same words, or with a site's name after a separator, or cut short. */
export function repeatsTitle(line: string, title: string): boolean {
  return repeatsTitleKey(lineKey(line), lineKey(title));
}

function repeatsTitleKey(l: string, t: string): boolean {
  if (t.length < 3 || l.length === 0) return false;
  if (l === t) return true;
  // "Title | Site name", "Title – Site": a short site name after the title.
  if (l.startsWith(t) && SEPARATOR.test(l.slice(t.length)) && l.length - t.length <= PREAMBLE_LINE) return true;
  // The title carries the site's name and the line does not.
  if (t.startsWith(l) && l.length >= 12 && SEPARATOR.test(t.slice(l.length))) return true;
  // A title cut short of its line (long titles are cut when stored).
  return t.length >= 40 && l.startsWith(t);
}

/** Like /\s/ on one UTF-16 unit, without a regular expression. */
function isSpace(code: number): boolean {
  return (
    (code >= 9 && code <= 13) || code === 32 || code === 0xa0 || code === 0x1680 || (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 || code === 0x2029 || code === 0x202f || code === 0x205f || code === 0x3000 || code === 0xfeff
  );
}

/** The non-blank lines of one block, in order. */
function blockLines(text: string, block: TextBlock, index: number): TextLine[] {
  const lines: TextLine[] = [];
  let from = block.start;
  while (from < block.end) {
    let to = text.indexOf('\n', from);
    if (to < 0 || to > block.end) to = block.end;
    let start = from;
    let end = to;
    while (start < end && isSpace(text.charCodeAt(start))) start++;
    while (end > start && isSpace(text.charCodeAt(end - 1))) end--;
    if (end > start) lines.push({ start, end, block: index, whole: false, top: false });
    from = to + 1;
  }
  if (lines.length === 1) lines[0]!.whole = true;
  return lines;
}

/** The document's non-blank lines, in order, each with the block holding it. */
export function textLines(text: string, blocks: readonly TextBlock[]): TextLine[] {
  const lines = blocks.flatMap((block, index) => blockLines(text, block, index));
  lines.forEach((line, i) => (line.top = i < TOP_LINES));
  return lines;
}

/**
 * The lines where folding may happen, in order: the first TOP_LINES and the last BOTTOM_LINES of
 * the document (all of a short one). Only the blocks at both ends are read, however long the text.
 */
export function edgeLines(text: string, blocks: readonly TextBlock[]): TextLine[] {
  const out: TextLine[] = [];
  for (let b = 0; b < blocks.length && out.length < TOP_LINES; b++) {
    for (const line of blockLines(text, blocks[b]!, b)) {
      if (out.length === TOP_LINES) break;
      line.top = true;
      out.push(line);
    }
  }
  // The last lines, back to the first of them or to the last line taken from the top.
  const lastTop = out.length > 0 ? out[out.length - 1]!.start : -1;
  const bottom: TextLine[] = [];
  for (let k = blocks.length - 1; k >= 0 && bottom.length < BOTTOM_LINES; k--) {
    if (blocks[k]!.end <= lastTop) break;
    const lines = blockLines(text, blocks[k]!, k);
    for (let i = lines.length - 1; i >= 0 && bottom.length < BOTTOM_LINES; i--) {
      if (lines[i]!.start <= lastTop) break;
      bottom.push(lines[i]!);
    }
  }
  for (let i = bottom.length - 1; i >= 0; i--) out.push(bottom[i]!);
  return out;
}

/** The folds one document shows by itself (title, chrome before it, navigation phrases), among its edge lines. */
export function documentFolds(text: string, title: string, lines: readonly TextLine[]): LineFold[] {
  const folds: LineFold[] = [];
  const navigation = lines.map((line) => line.end - line.start <= SHORT_LINE && isNavigationLine(text.slice(line.start, line.end)));
  const titleKey = lineKey(title);
  // The title again near the top, with at most a few lines of site chrome above it (navigation
  // phrases, or short lines that are no sentence): those lines are the site's, not the article's.
  let titleAt = -1;
  const titleStart = firstLetter(titleKey);
  for (let i = 0; i < Math.min(lines.length, PREAMBLE_LINES + 1) && lines[i]!.top; i++) {
    const line = text.slice(lines[i]!.start, lines[i]!.end);
    if (firstLetter(line.toLowerCase()) === titleStart && repeatsTitleKey(lineKey(line), titleKey)) {
      titleAt = i;
      break;
    }
    if (!navigation[i] && !isChrome(line)) break;
  }
  lines.forEach((line, i) => {
    if (i === titleAt) folds.push({ start: line.start, end: line.end, reason: 'title' });
    else if (navigation[i] || (titleAt > 0 && i < titleAt)) folds.push({ start: line.start, end: line.end, reason: 'navigation' });
  });
  return folds;
}

/** The first letter or digit of a text, as lineKey leaves it (lower case). */
function firstLetter(text: string): string {
  const match = /[\p{L}\p{N}]/u.exec(text.slice(0, 40));
  return match ? (NON_ASCII.test(match[0]) ? match[0].normalize('NFKC') : match[0]) : '';
}

/** A short line that is no sentence: a site's name, a section list ("Middle-east Arab News Opinion | Asharq Al-awsat"). */
function isChrome(line: string): boolean {
  const trimmed = line.trim();
  return trimmed.length <= PREAMBLE_LINE && !/[.!?:;,"”’)]$/.test(trimmed);
}

/**
 * The blocks with the folded lines in blocks of their own (a block is split at line breaks,
 * each part keeping its kind, language and direction), unless that would fold every line.
 * Only the blocks holding a fold are read.
 */
export function applyFolds(text: string, blocks: readonly FoldedBlock[], folds: readonly LineFold[]): FoldedBlock[] {
  if (folds.length === 0) return [...blocks];
  const reasonAt = new Map(folds.map((f) => [f.start, f.reason]));
  const touched = new Set(folds.map((f) => blockAt(blocks, f.start)));
  const linesOf = new Map<number, TextLine[]>();
  for (const b of touched) linesOf.set(b, blockLines(text, blocks[b]!, b));
  // Every block folded, wholly: the document would show nothing, so nothing more folds.
  const everything = blocks.every((block, b) =>
    touched.has(b) ? linesOf.get(b)!.every((line) => (reasonAt.get(line.start) ?? block.fold) !== undefined) : block.fold !== undefined,
  );
  if (everything) return [...blocks];
  const out: FoldedBlock[] = [];
  blocks.forEach((block, b) => {
    const lines = linesOf.get(b);
    if (!lines) {
      out.push(block);
      return;
    }
    const { fold: _old, ...rest } = block;
    for (let i = 0; i < lines.length; ) {
      const reason = reasonAt.get(lines[i]!.start) ?? block.fold;
      let j = i;
      while (j + 1 < lines.length && (reasonAt.get(lines[j + 1]!.start) ?? block.fold) === reason) j++;
      const part: FoldedBlock = { ...rest, start: lines[i]!.start, end: lines[j]!.end };
      out.push(reason ? { ...part, fold: reason } : part);
      i = j + 1;
    }
  });
  return out;
}

/** The index of the block holding an offset (blocks in order, not overlapping). */
function blockAt(blocks: readonly TextBlock[], offset: number): number {
  let lo = 0;
  let hi = blocks.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >>> 1;
    if (blocks[mid]!.start <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}
