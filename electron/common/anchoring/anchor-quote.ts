import search from 'approx-string-match';
import type { TextPositionSelector, TextQuoteSelector } from '../notes/notes-types';
import { similarity } from './similarity';
import { occurrencesOf } from './text-offsets';

/** A place in the new text where the quote may be, with the scores that rank it (all in [0, 1]). */
export type AnchorCandidate = {
  start: number;
  end: number;
  quoteScore: number;
  prefixScore: number;
  suffixScore: number;
  positionScore: number;
  score: number;
};

export type AnchorResult =
  /** `ambiguous`: other places scored about as well; the user should confirm. */
  | { status: 'exact' | 'moved' | 'fuzzy'; start: number; end: number; score: number; ambiguous: boolean }
  /** `best`: the closest weak match, offered to the user, never applied on its own. */
  | { status: 'orphaned'; best: AnchorCandidate | null };

// Weights as in Hypothesis' quote matcher: the quote counts most, then its context, then position.
const WEIGHTS = { quote: 50, prefix: 20, suffix: 20, position: 2 };
const WEIGHT_SUM = WEIGHTS.quote + WEIGHTS.prefix + WEIGHTS.suffix + WEIGHTS.position;
/** Mean prefix/suffix similarity of an exact quote whose surroundings are (almost) unchanged. */
const UNCHANGED_CONTEXT = 0.9;
/** Mean prefix/suffix similarity above which an exact quote is taken without doubt. */
const CONFIDENT_CONTEXT = 0.5;
/** A quote this long found once is its own evidence, whatever its context became. */
const SELF_EVIDENT_LENGTH = 24;
/** Two places whose scores differ by less than this are indistinguishable. */
const AMBIGUITY_MARGIN = 0.02;
/** A fuzzy place needs at least this quote similarity and overall score, else the highlight is orphaned. */
const FUZZY_MIN_QUOTE = 0.75;
const FUZZY_MIN_SCORE = 0.7;
/** Weak matches below this quote similarity are not even offered. */
const PROPOSAL_MIN_QUOTE = 0.5;
/** At most this many occurrences of a quote are looked at (a short quote in a long text). */
const MAX_OCCURRENCES = 100_000;
/** Candidates fully scored (edit distance of their context), after a cheap first ranking. */
const MAX_SCORED = 32;
/** Context compared by edit distance: the part nearest the quote (it is extended only to be unique). */
const MAX_COMPARED_CONTEXT = 256;
const MAX_CONTEXT_REGIONS = 8;
/** Room around a context match in which the quote itself is looked for. */
const CONTEXT_SLACK = 16;

type Score = (start: number, end: number, errors: number) => AnchorCandidate;

/**
 * Finds a quote again in a changed text: the quote in its old surroundings, else exact quote
 * occurrences ranked by context and by distance from the old position (the old position itself
 * wins when its context still matches), else approximate matches of the quote, scored on
 * quote, prefix, suffix and distance. Pure and deterministic; never moves anything itself.
 */
export function anchorQuote(text: string, quote: TextQuoteSelector, position: TextPositionSelector): AnchorResult {
  const score = scorer(text, quote, position);
  const rankedExact = rank(exactCandidates(text, quote, position, score));
  const bestExact = rankedExact[0];
  // The same text in the same surroundings: no need to look for approximate copies.
  if (bestExact && contextOf(bestExact) >= UNCHANGED_CONTEXT) return placed(bestExact, rankedExact, position, false);
  // Otherwise a slightly changed copy in the right surroundings may beat an exact copy elsewhere.
  const ranked = rank([...rankedExact, ...fuzzyCandidates(text, quote, position, score), ...inContextCandidates(text, quote, position, score)]);
  const best = ranked[0];
  if (!best) return { status: 'orphaned', best: null };
  if (best.quoteScore === 1) {
    const confident = contextOf(best) >= CONFIDENT_CONTEXT || (rankedExact.length === 1 && quote.exact.length >= SELF_EVIDENT_LENGTH);
    return placed(best, ranked, position, !confident);
  }
  if (best.quoteScore >= FUZZY_MIN_QUOTE && best.score >= FUZZY_MIN_SCORE) {
    return { status: 'fuzzy', start: best.start, end: best.end, score: round(best.score), ambiguous: isAmbiguous(ranked) };
  }
  return { status: 'orphaned', best: best.quoteScore >= PROPOSAL_MIN_QUOTE ? best : null };
}

/**
 * Exact occurrences of the quote worth scoring: those still in their whole old context if any,
 * else the MAX_SCORED whose surroundings agree furthest character by character (then nearest
 * the old position), so a short quote in a long text costs little.
 */
function exactCandidates(text: string, quote: TextQuoteSelector, position: TextPositionSelector, score: Score): AnchorCandidate[] {
  const length = quote.exact.length;
  const distance = (start: number) => Math.abs(start - position.start);
  if (quote.prefix || quote.suffix) {
    const inPlace = occurrencesOf(text, quote.prefix + quote.exact + quote.suffix, MAX_OCCURRENCES).map((at) => at + quote.prefix.length);
    if (inPlace.length > 0) {
      return nearest(inPlace, distance).map((start) => score(start, start + length, 0));
    }
  }
  const agreement = (start: number) => agreeBefore(text, start, quote.prefix) + agreeAfter(text, start + length, quote.suffix);
  return occurrencesOf(text, quote.exact, MAX_OCCURRENCES)
    .map((start) => ({ start, agree: agreement(start) }))
    .sort((a, b) => b.agree - a.agree || distance(a.start) - distance(b.start))
    .slice(0, MAX_SCORED)
    .map(({ start }) => score(start, start + length, 0));
}

function nearest(starts: number[], distance: (start: number) => number): number[] {
  return [...starts].sort((a, b) => distance(a) - distance(b)).slice(0, MAX_SCORED);
}

/** How many characters before `at` equal the end of `prefix`. */
function agreeBefore(text: string, at: number, prefix: string): number {
  let n = 0;
  while (n < prefix.length && at - 1 - n >= 0 && text.charCodeAt(at - 1 - n) === prefix.charCodeAt(prefix.length - 1 - n)) n++;
  return n;
}

/** How many characters from `at` equal the start of `suffix`. */
function agreeAfter(text: string, at: number, suffix: string): number {
  let n = 0;
  while (n < suffix.length && at + n < text.length && text.charCodeAt(at + n) === suffix.charCodeAt(n)) n++;
  return n;
}

function placed(best: AnchorCandidate, ranked: AnchorCandidate[], position: TextPositionSelector, doubtful: boolean): AnchorResult {
  const status = best.start === position.start && best.end === position.end ? 'exact' : 'moved';
  return { status, start: best.start, end: best.end, score: round(best.score), ambiguous: doubtful || isAmbiguous(ranked) };
}

function isAmbiguous(ranked: AnchorCandidate[]): boolean {
  const [first, second] = ranked;
  return !!first && !!second && first.score - second.score < AMBIGUITY_MARGIN;
}

const contextOf = (candidate: AnchorCandidate) => (candidate.prefixScore + candidate.suffixScore) / 2;

/** Best first; a candidate overlapping a better one is the same place found twice and is dropped. */
function rank(candidates: AnchorCandidate[]): AnchorCandidate[] {
  const kept: AnchorCandidate[] = [];
  for (const candidate of [...candidates].sort((a, b) => b.score - a.score || a.start - b.start)) {
    if (!kept.some((better) => candidate.start < better.end && better.start < candidate.end)) kept.push(candidate);
  }
  return kept;
}

function fuzzyCandidates(text: string, quote: TextQuoteSelector, position: TextPositionSelector, score: Score): AnchorCandidate[] {
  const maxErrors = Math.min(256, Math.floor(quote.exact.length * (1 - PROPOSAL_MIN_QUOTE)));
  if (maxErrors < 1) return [];
  const matches = search(text, quote.exact, maxErrors).filter((match) => match.errors > 0);
  return byCostThenDistance(matches, position)
    .slice(0, MAX_SCORED)
    .map((match) => score(match.start, match.end, match.errors));
}

/** Equally good approximate matches nearest the old position first. */
function byCostThenDistance<T extends { start: number; errors: number }>(matches: T[], position: TextPositionSelector): T[] {
  const distance = (match: T) => Math.abs(match.start - position.start);
  return [...matches].sort((a, b) => a.errors - b.errors || distance(a) - distance(b));
}

/**
 * Approximate matches of the quote WITH its context, then of the quote inside each such
 * region: finds a changed copy in the right surroundings even when an unchanged copy of
 * the quote exists elsewhere (approx-string-match reports only the lowest-cost matches).
 */
function inContextCandidates(text: string, quote: TextQuoteSelector, position: TextPositionSelector, score: Score): AnchorCandidate[] {
  if (!quote.prefix && !quote.suffix) return [];
  const pattern = quote.prefix + quote.exact + quote.suffix;
  const quoteErrors = Math.min(256, Math.floor(quote.exact.length * (1 - PROPOSAL_MIN_QUOTE)));
  const oldRegion = { ...position, start: position.start - quote.prefix.length };
  const regions = byCostThenDistance(search(text, pattern, Math.min(256, Math.floor(pattern.length / 2))), oldRegion).slice(0, MAX_CONTEXT_REGIONS);
  const found: AnchorCandidate[] = [];
  for (const region of regions) {
    const from = Math.max(0, region.start - CONTEXT_SLACK);
    const window = text.slice(from, Math.min(text.length, region.end + CONTEXT_SLACK));
    for (const match of search(window, quote.exact, quoteErrors).slice(0, MAX_CONTEXT_REGIONS)) {
      found.push(score(from + match.start, from + match.end, match.errors));
    }
  }
  return found;
}

function scorer(text: string, quote: TextQuoteSelector, position: TextPositionSelector) {
  return (start: number, end: number, errors: number): AnchorCandidate => {
    const quoteScore = 1 - errors / Math.max(1, quote.exact.length);
    const prefix = quote.prefix.slice(-MAX_COMPARED_CONTEXT);
    const suffix = quote.suffix.slice(0, MAX_COMPARED_CONTEXT);
    const prefixScore = contextScore(prefix, text.slice(Math.max(0, start - prefix.length), start));
    const suffixScore = contextScore(suffix, text.slice(end, end + suffix.length));
    const positionScore = 1 - Math.min(1, Math.abs(start - position.start) / Math.max(1, text.length));
    const score =
      (WEIGHTS.quote * quoteScore + WEIGHTS.prefix * prefixScore + WEIGHTS.suffix * suffixScore + WEIGHTS.position * positionScore) /
      WEIGHT_SUM;
    return { start, end, quoteScore, prefixScore, suffixScore, positionScore, score };
  };
}

/** An empty expected context (start or end of the text) is met by an empty actual one. */
function contextScore(expected: string, actual: string): number {
  if (expected.length === 0) return actual.length === 0 ? 1 : 0.5;
  return similarity(expected, actual);
}

const round = (value: number) => Math.round(value * 1000) / 1000;
