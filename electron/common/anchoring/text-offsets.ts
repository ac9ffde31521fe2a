/** Offsets are UTF-16 code units; these keep a span from splitting a surrogate pair. */

const isHigh = (code: number) => code >= 0xd800 && code <= 0xdbff;
const isLow = (code: number) => code >= 0xdc00 && code <= 0xdfff;

/** Moves a start offset back if it falls between the two halves of a surrogate pair. */
export function snapStart(text: string, offset: number): number {
  const at = Math.max(0, Math.min(offset, text.length));
  return at > 0 && isLow(text.charCodeAt(at)) && isHigh(text.charCodeAt(at - 1)) ? at - 1 : at;
}

/** Moves an end offset forward if it falls between the two halves of a surrogate pair. */
export function snapEnd(text: string, offset: number): number {
  const at = Math.max(0, Math.min(offset, text.length));
  return at < text.length && isLow(text.charCodeAt(at)) && isHigh(text.charCodeAt(at - 1)) ? at + 1 : at;
}

/** Number of (possibly overlapping) occurrences of `needle`, counting no further than `stopAt`. */
export function countOccurrences(text: string, needle: string, stopAt = Number.POSITIVE_INFINITY): number {
  if (needle.length === 0) return 0;
  let count = 0;
  for (let at = text.indexOf(needle); at !== -1 && count < stopAt; at = text.indexOf(needle, at + 1)) count++;
  return count;
}

/** Start offsets of every (possibly overlapping) occurrence, at most `limit` of them. */
export function occurrencesOf(text: string, needle: string, limit: number): number[] {
  const found: number[] = [];
  if (needle.length === 0) return found;
  for (let at = text.indexOf(needle); at !== -1 && found.length < limit; at = text.indexOf(needle, at + 1)) found.push(at);
  return found;
}

/** Narrows [start, end) to exclude white space at either end (a selection dragged past a word). */
export function trimSpan(text: string, start: number, end: number): { start: number; end: number } {
  let from = start;
  let to = end;
  while (from < to && /\s/u.test(text[from]!)) from++;
  while (to > from && /\s/u.test(text[to - 1]!)) to--;
  return { start: from, end: to };
}
