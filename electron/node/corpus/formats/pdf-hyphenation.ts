/** A hyphen at the end of a line: hyphen-minus, hyphen, soft hyphen. */
const LINE_END_HYPHEN = /(\p{L})[-\u2010\u00ad]$/u;
const LEADING_LETTER = /^\p{L}/u;
const WORDS = /[\p{L}\p{M}]+(?:[-\u2010][\p{L}\p{M}]+)*/gu;

/** Every word of a document as it is written inside its lines, lower case (hyphenated compounds whole). */
export function documentWords(lines: Iterable<string>): Set<string> {
  const words = new Set<string>();
  for (const line of lines) {
    // The last word of a line ending in a hyphen is half a word: not evidence of anything.
    const body = LINE_END_HYPHEN.test(line) ? line.replace(/\S+$/, '') : line;
    for (const match of body.matchAll(WORDS)) {
      const word = match[0].toLowerCase();
      words.add(word);
      if (word.includes('-') || word.includes('\u2010')) for (const part of word.split(/[-\u2010]/)) words.add(part);
    }
  }
  return words;
}

/**
 * Joins two lines of one paragraph. A word broken by a hyphen at the end of the first line is
 * made whole when the whole word is a word of the document (it is written unbroken somewhere
 * else in it); otherwise the hyphen stays ("well-known", a compound the line happened to break
 * at). A soft hyphen is always a break. Any other pair of lines is joined by a space.
 */
export function joinLines(first: string, second: string, words: ReadonlySet<string>): string {
  const hyphen = LINE_END_HYPHEN.exec(first);
  if (hyphen && LEADING_LETTER.test(second)) {
    if (first.endsWith('\u00ad')) return first.slice(0, -1) + second;
    const head = /[\p{L}\p{M}]+$/u.exec(first.slice(0, -1))?.[0] ?? '';
    const tail = /^[\p{L}\p{M}]+/u.exec(second)?.[0] ?? '';
    if (words.has((head + tail).toLowerCase())) return first.slice(0, -1) + second;
    return first + second;
  }
  return `${first} ${second}`;
}
