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

/** A line of a document, [start, end) without its surrounding white space. */
export type TextLine = { start: number; end: number; block: number };

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
  // A breadcrumb: three or more short names joined by › » / | >.
  /^[\p{L}\p{N} &'.-]{2,24}( [›»/|>] [\p{L}\p{N} &'.-]{2,24}){2,}$/u,
];

/** A line compared as a reader sees it: case, width, marks of quotation and spacing aside. */
export function lineKey(line: string): string {
  return line
    .normalize('NFKC')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .replace(/^[\s"'“”‘’«»]+|[\s"'“”‘’«».:;,]+$/g, '');
}

export function isNavigationLine(line: string): boolean {
  const key = lineKey(line);
  return key.length > 0 && line.trim().length <= SHORT_LINE && NAVIGATION.some((pattern) => pattern.test(key));
}

const SEPARATOR = /^ ?(\||-|–|—|::|·|•|»|:) /;

/** Whether a line is the document's title again: the same words, or with a site's name after a separator, or cut short. */
export function repeatsTitle(line: string, title: string): boolean {
  const l = lineKey(line);
  const t = lineKey(title);
  if (t.length < 3 || l.length === 0) return false;
  if (l === t) return true;
  // "Title | Site name", "Title – Site": a short site name after the title.
  if (l.startsWith(t) && SEPARATOR.test(l.slice(t.length)) && l.length - t.length <= PREAMBLE_LINE) return true;
  // The title carries the site's name and the line does not.
  if (t.startsWith(l) && l.length >= 12 && SEPARATOR.test(t.slice(l.length))) return true;
  // A title cut short of its line (long titles are cut when stored).
  return t.length >= 40 && l.startsWith(t);
}

/** The document's non-blank lines, in order, each with the block holding it. */
export function textLines(text: string, blocks: readonly TextBlock[]): TextLine[] {
  const lines: TextLine[] = [];
  blocks.forEach((block, index) => {
    let from = block.start;
    while (from < block.end) {
      let to = text.indexOf('\n', from);
      if (to < 0 || to > block.end) to = block.end;
      let start = from;
      let end = to;
      while (start < end && /\s/.test(text[start]!)) start++;
      while (end > start && /\s/.test(text[end - 1]!)) end--;
      if (end > start) lines.push({ start, end, block: index });
      from = to + 1;
    }
  });
  return lines;
}

/** Whether a line sits where folding may happen: among the first or the last lines of its document. */
export function atEdge(index: number, count: number): boolean {
  return index < TOP_LINES || index >= count - BOTTOM_LINES;
}

/** The folds one document shows by itself (title, chrome before it, navigation phrases). */
export function documentFolds(text: string, title: string, lines: readonly TextLine[]): LineFold[] {
  const folds: LineFold[] = [];
  const words = (line: TextLine) => text.slice(line.start, line.end);
  const navigation = lines.map((line, i) => atEdge(i, lines.length) && isNavigationLine(words(line)));
  // The title again near the top, with at most a few lines of site chrome above it (navigation
  // phrases, or short lines that are no sentence): those lines are the site's, not the article's.
  let titleAt = -1;
  for (let i = 0; i < Math.min(lines.length, PREAMBLE_LINES + 1); i++) {
    const line = words(lines[i]!);
    if (repeatsTitle(line, title)) {
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

/** A short line that is no sentence: a site's name, a section list ("Middle-east Arab News Opinion | Asharq Al-awsat"). */
function isChrome(line: string): boolean {
  const trimmed = line.trim();
  return trimmed.length <= PREAMBLE_LINE && !/[.!?:;,"”’)]$/.test(trimmed);
}

/**
 * The blocks with the folded lines in blocks of their own (a block is split at line breaks,
 * each part keeping its kind, language and direction), unless that would fold every line.
 */
export function applyFolds(text: string, blocks: readonly FoldedBlock[], folds: readonly LineFold[]): FoldedBlock[] {
  if (folds.length === 0) return [...blocks];
  const lines = textLines(text, blocks);
  const reasonAt = new Map(folds.map((f) => [f.start, f.reason]));
  const reasons = lines.map((line) => reasonAt.get(line.start) ?? blocks[line.block]!.fold);
  if (reasons.every((r) => r !== undefined)) return [...blocks];
  const out: FoldedBlock[] = [];
  let i = 0;
  while (i < lines.length) {
    const block = blocks[lines[i]!.block]!;
    let j = i;
    while (j + 1 < lines.length && lines[j + 1]!.block === lines[i]!.block && reasons[j + 1] === reasons[i]) j++;
    const { fold: _old, ...rest } = block;
    const part: FoldedBlock = { ...rest, start: lines[i]!.start, end: lines[j]!.end };
    const reason = reasons[i];
    out.push(reason ? { ...part, fold: reason } : part);
    i = j + 1;
  }
  return out;
}
