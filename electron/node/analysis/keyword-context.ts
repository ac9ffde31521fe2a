import type { Span } from '../../common/search/search-types';
import { tokenise, type Token } from '../search/tokenise';

/** Characters read on each side per word of context: generous, words are rarely this long. */
export const CHARS_PER_WORD = 40;

export type KeywordContext = {
  left: string;
  keyword: string;
  right: string;
  /** Folded words to the left, nearest first, and to the right, nearest first (a sort reads its key alone: nthWordBeside). */
  leftWords: string[];
  rightWords: string[];
};

/** Whitespace runs made one space, the ends trimmed: how a line's parts are shown. */
export const collapse = (text: string) => text.replace(/\s+/g, ' ').trim();

/**
 * Up to `width` words on each side of a span, nearest last on the left and first on the right,
 * with offsets in the whole text; read from a window around it, never the whole of a long text.
 */
export function tokensAround(text: string, span: Span, width: number): { left: Token[]; right: Token[] } {
  const reach = width * CHARS_PER_WORD + CHARS_PER_WORD;
  const leftFrom = Math.max(0, span.start - reach);
  const leftTokens = tokenise(text.slice(leftFrom, span.start));
  // A word cut by the window's edge is dropped rather than counted in part.
  if (leftFrom > 0 && leftTokens[0]?.start === 0) leftTokens.shift();
  const rightTo = Math.min(text.length, span.end + reach);
  const rightTokens = tokenise(text.slice(span.end, rightTo));
  const last = rightTokens.at(-1);
  if (rightTo < text.length && last && last.start + last.length === rightTo - span.end) rightTokens.pop();
  return {
    left: leftTokens.slice(-width).map((t) => ({ ...t, start: t.start + leftFrom })),
    right: rightTokens.slice(0, width).map((t) => ({ ...t, start: t.start + span.end })),
  };
}

/** Punctuation kept beside the outer words (an opening quote, a closing full stop): up to the next space. */
const ATTACHED = 8;

/** The keyword of a span with up to `width` words on each side, whitespace collapsed. */
export function keywordContext(text: string, span: Span, width: number): KeywordContext {
  const { left, right } = tokensAround(text, span, width);
  let from = left[0]?.start ?? span.start;
  for (let k = 0; k < ATTACHED && from > 0 && !/\s/.test(text[from - 1]!) && from > 0; k++) from--;
  const last = right.at(-1);
  let to = last ? last.start + last.length : span.end;
  for (let k = 0; k < ATTACHED && to < text.length && !/\s/.test(text[to]!); k++) to++;
  return {
    left: collapse(text.slice(from, span.start)),
    keyword: collapse(text.slice(span.start, span.end)),
    right: collapse(text.slice(span.end, to)),
    leftWords: left.map((t) => t.word).reverse(),
    rightWords: right.map((t) => t.word),
  };
}
