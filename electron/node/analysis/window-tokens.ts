import type { Span } from '../../common/search/search-types';
import { forEachToken } from '../search/tokenise';
import { CHARS_PER_WORD, tokensAround } from './keyword-context';

/**
 * The words tokensAround() takes around spans, found without tokenising each span's whole reach
 * (width × 40 characters on each side) again for every span: what collocates and the concordance
 * sorts ask of every occurrence of a common word.
 *
 * tokensAround tokenises a slice of the text on each side and drops a word cut by the slice's
 * edge. Here a stretch of text is tokenised from just after a space (or the start of the text) to
 * a space (or the end): a word never holds a space, so its tokens are the whole text's tokens.
 * The words tokensAround takes are then read off it as long as none of them is near the edge of
 * the span's reach (where a cut word, or a word's tail, would stand); a span whose words come that
 * near (a long run of long words) is handed to tokensAround itself. The result is the same either way.
 */

/** Farthest a stretch's ends are moved to find a space; beyond that the span goes to tokensAround. */
const ALIGN = 256;

const isSpace = (code: number) => code === 32 || code === 10 || code === 9 || code === 13;

/** A start at or before `from` just after a space (or 0); -1 if none within ALIGN. */
function alignStart(text: string, from: number): number {
  for (let p = from, stop = Math.max(0, from - ALIGN); p > 0; p--) {
    if (isSpace(text.charCodeAt(p - 1))) return p;
    if (p === stop) return -1;
  }
  return 0;
}

/** An end at or after `to` at a space (or the text's end); -1 if none within ALIGN. */
function alignEnd(text: string, to: number): number {
  for (let p = to, stop = Math.min(text.length, to + ALIGN); p < text.length; p++) {
    if (isSpace(text.charCodeAt(p))) return p;
    if (p === stop) return -1;
  }
  return text.length;
}

/** Tokens of a stretch, in reused arrays: word, start and end in the whole text. */
class Run {
  words: string[] = [];
  starts = new Int32Array(1024);
  ends = new Int32Array(1024);
  count = 0;

  read(text: string, from: number, to: number): void {
    this.count = 0;
    this.words.length = 0;
    forEachToken(text.slice(from, to), (word, _index, start, length) => {
      if (this.count === this.starts.length) {
        const starts = new Int32Array(this.count * 2);
        const ends = new Int32Array(this.count * 2);
        starts.set(this.starts);
        ends.set(this.ends);
        this.starts = starts;
        this.ends = ends;
      }
      this.words.push(word);
      this.starts[this.count] = from + start;
      this.ends[this.count++] = from + start + length;
    });
  }

  /** First token starting at or after `offset`, searched from `from`. */
  seek(offset: number, from: number): number {
    let i = from;
    while (i < this.count && this.starts[i]! < offset) i++;
    return i;
  }
}

/**
 * What collocates count: per span, its left and right words (as tokensAround(text, span, width)
 * gives them, nearest last on the left), as ranges of the current run's tokens, or, for a span
 * that tokensAround has to take itself, as its words.
 */
export type WindowVisitor = {
  /** A new stretch was tokenised: the ranges that follow index these words, until the next. */
  run(words: readonly string[]): void;
  /** Tokens [leftFrom, leftTo) and [rightFrom, rightTo) of the run. */
  window(leftFrom: number, leftTo: number, rightFrom: number, rightTo: number): void;
  /** A span's words, from tokensAround. */
  words(left: readonly string[], right: readonly string[]): void;
};

const run = new Run();

/** Characters read beyond a span per word of its window at first: most words are shorter. */
const GUESS_PER_WORD = 8;

/**
 * Visits the windows of `width` words around each span of one text (spans sorted, not
 * overlapping: a document's matched spans), tokenising each stretch of overlapping windows once:
 * first a few words' worth of text beyond the spans, then, for the spans that need more, their
 * whole reach. Spans are visited in no particular order.
 */
export function forEachWindow(text: string, spans: readonly Span[], width: number, visit: WindowVisitor): void {
  const reach = width * CHARS_PER_WORD + CHARS_PER_WORD;
  const wider = visitStretches(text, spans, width, Math.min(reach, GUESS_PER_WORD * (width + 1)), visit);
  if (wider.length > 0) visitStretches(text, wider, width, reach, visit);
}

/** forEachWindow with stretches reaching `guess` characters beyond the spans; returns the spans that need a wider one. */
function visitStretches(text: string, spans: readonly Span[], width: number, guess: number, visit: WindowVisitor): Span[] {
  const reach = width * CHARS_PER_WORD + CHARS_PER_WORD;
  const final = guess >= reach;
  const length = text.length;
  const wider: Span[] = [];
  const byTokensAround = (span: Span) => {
    const { left, right } = tokensAround(text, span, width);
    visit.words(
      left.map((t) => t.word),
      right.map((t) => t.word),
    );
  };
  for (let first = 0; first < spans.length; ) {
    // Spans whose stretches overlap share one.
    let last = first;
    let to = Math.min(length, spans[first]!.end + guess);
    while (last + 1 < spans.length && spans[last + 1]!.start - guess <= to) to = Math.min(length, spans[++last]!.end + guess);
    const from = alignStart(text, Math.max(0, spans[first]!.start - guess));
    const end = alignEnd(text, to);
    if (from < 0 || end < 0) {
      for (let s = first; s <= last; s++) byTokensAround(spans[s]!);
      first = last + 1;
      continue;
    }
    run.read(text, from, end);
    visit.run(run.words);
    let cursor = 0;
    for (let s = first; s <= last; s++) {
      const span = spans[s]!;
      const i = (cursor = run.seek(span.start, cursor));
      const j = run.seek(span.end, i);
      const leftEdge = Math.max(0, span.start - reach);
      const rightEdge = Math.min(length, span.end + reach);
      // tokensAround cuts at the span's own edges: a token across one (never, for an index's spans) is its business.
      const across = (i > 0 && run.ends[i - 1]! > span.start) || (j > 0 && run.ends[j - 1]! > span.end && run.starts[j - 1]! < span.end);
      let lo = i - width;
      // The farthest word on the left must start after the reach's edge, where tokensAround could
      // find a cut word; at the text's start nothing is cut (when the stretch starts there too).
      const leftSure = lo >= 0 && run.starts[lo]! > leftEdge ? true : leftEdge === 0 && from === 0 ? ((lo = Math.max(0, lo)), true) : false;
      let hi = j + width;
      const rightSure = hi <= run.count && run.ends[hi - 1]! < rightEdge ? true : rightEdge === length && end === length ? ((hi = Math.min(run.count, hi)), true) : false;
      if (across || ((!leftSure || !rightSure) && final)) byTokensAround(span);
      else if (!leftSure || !rightSure) wider.push(span);
      else visit.window(lo, i, j, hi);
    }
    first = last + 1;
  }
  return wider;
}

/**
 * The n-th word (1-based) on one side of a span, folded, as keywordContext(text, span, width)
 * gives it in leftWords / rightWords; '' when there is none. Tokenises a few words' worth of text,
 * not the span's whole reach.
 */
export function nthWordBeside(text: string, span: Span, width: number, side: 'left' | 'right', n: number): string {
  if (n > width) return '';
  const reach = width * CHARS_PER_WORD + CHARS_PER_WORD;
  const length = text.length;
  for (let guess = 16 * n; ; guess *= 4) {
    if (side === 'left') {
      const edge = Math.max(0, span.start - reach);
      const from = alignStart(text, Math.max(0, span.start - guess));
      if (from < 0) break;
      run.read(text, from, span.start);
      const k = run.count - n;
      if (k >= 0 && run.starts[k]! > edge) return run.words[k]!;
      if (from <= edge) {
        if (edge === 0) return k >= 0 ? run.words[k]! : '';
        break;
      }
    } else {
      const edge = Math.min(length, span.end + reach);
      const to = alignEnd(text, Math.min(length, span.end + guess));
      if (to < 0) break;
      run.read(text, span.end, to);
      if (run.count >= n && run.ends[n - 1]! < edge) return run.words[n - 1]!;
      if (to >= edge) {
        if (edge === length) return run.count >= n ? run.words[n - 1]! : '';
        break;
      }
    }
  }
  const { left, right } = tokensAround(text, span, width);
  return (side === 'left' ? left.at(-n)?.word : right[n - 1]?.word) ?? '';
}
