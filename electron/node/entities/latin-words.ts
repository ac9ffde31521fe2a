/**
 * The character tests of the Latin name finder (find-names.ts), read with charCodeAt where the
 * text is ASCII and by the regular expressions they stand for where it is not: the same answers
 * without a match object, a substring or a regex run per character. A dictionary gives the finder
 * over a million capitalised words to read; most of its text is ASCII.
 * (tests/electron/node/entities/latin-words.test.ts compares each with its expression.)
 */

/** A word: initials (U.S.), or letters with apostrophes, stops and hyphens inside. */
export const WORD = /(?:\p{Lu}\.){2,}|[\p{L}\p{M}](?:[\p{L}\p{M}\p{N}'’.‑-]*[\p{L}\p{M}\p{N}])?/gu;
const WORD_AT = new RegExp(WORD.source, 'gu');
/** An Arabic article joined to a capital (al-Baghdadi): such a word counts as capitalised. */
export const ARTICLE = /^(?:[aA][lnrstdz]|[aA]sh|[eE]l|[uU][dl])[-‑]\p{Lu}/u;
const ARTICLE_AT = new RegExp(ARTICLE.source.slice(1), 'uy');
const CAPITAL_AT = /\p{Lu}/uy;
const BLANK = /\s/;
const WORD_CHAR = /[\p{L}\p{M}\p{N}'’.‑-]/u;
const SENTENCE_END = /[.!?:;“"‘\n]/;

const DOT = 46;
const isUpper = (c: number) => c >= 65 && c <= 90;
const isLetter = (c: number) => (c | 32) >= 97 && (c | 32) <= 122;
const isDigit = (c: number) => c >= 48 && c <= 57;

/**
 * The first word WORD finds at or after `from` that ends by `limit`, into span ([start, end));
 * false when the first one found ends past `limit` (or there is none).
 */
export function nextWord(text: string, from: number, limit: number, span: Int32Array): boolean {
  let s = from;
  // ASCII other than letters starts no word: skipped here; anything else, the expression reads.
  for (; s < limit; s++) {
    const c = text.charCodeAt(s);
    if (c >= 128) return wordByRegex(text, s, limit, span);
    if (isLetter(c)) break;
  }
  if (s >= limit) return false;
  // Initials first, as WORD tries them first (greedy: as many capitals and stops as there are).
  let e = s;
  for (;;) {
    const c = text.charCodeAt(e);
    if (c >= 128) return wordByRegex(text, s, limit, span);
    if (!isUpper(c) || text.charCodeAt(e + 1) !== DOT) break;
    e += 2;
  }
  if (e - s < 4) {
    // Letters, digits, apostrophes, stops and hyphens; the word ends at its last letter or digit.
    e = s + 1;
    for (let k = s + 1; ; k++) {
      const c = text.charCodeAt(k);
      if (c >= 128) return wordByRegex(text, s, limit, span);
      if (isLetter(c) || isDigit(c)) e = k + 1;
      else if (c !== 39 && c !== DOT && c !== 45) break;
    }
  }
  if (e > limit) return false;
  span[0] = s;
  span[1] = e;
  return true;
}

/** nextWord by WORD alone (what it does where the text is not ASCII). */
export function wordByRegex(text: string, from: number, limit: number, span: Int32Array): boolean {
  WORD_AT.lastIndex = from;
  const m = WORD_AT.exec(text);
  if (!m || m.index + m[0].length > limit) return false;
  span[0] = m.index;
  span[1] = m.index + m[0].length;
  return true;
}

/** The word text[start, end) starts with a capital or an Arabic article joined to one (CAPITAL or ARTICLE on it). */
export function capitalisedAt(text: string, start: number, end: number): boolean {
  const c = text.charCodeAt(start);
  if (isUpper(c)) return true;
  if (c >= 128) {
    CAPITAL_AT.lastIndex = start;
    return CAPITAL_AT.test(text) && CAPITAL_AT.lastIndex <= end;
  }
  // An article starts with a, e or u (A, E and U are capitals already).
  if (c !== 97 && c !== 101 && c !== 117) return false;
  ARTICLE_AT.lastIndex = start;
  return ARTICLE_AT.test(text) && ARTICLE_AT.lastIndex <= end;
}

/** Only blanks (space, tab, no-break space), at least one, between two words. */
export function blanksBetween(text: string, from: number, to: number): boolean {
  if (from >= to) return false;
  for (let k = from; k < to; k++) {
    const c = text.charCodeAt(k);
    if (c !== 32 && c !== 9 && c !== 0xa0) return false;
  }
  return true;
}

/** text[at] is white space (BLANK). */
export function blankAt(text: string, at: number): boolean {
  const c = text.charCodeAt(at);
  if (c < 128) return c === 32 || (c >= 9 && c <= 13);
  return BLANK.test(text[at]!);
}

/** text[at] may be part of a word (WORD_CHAR, one UTF-16 unit as before). */
export function wordCharAt(text: string, at: number): boolean {
  const c = text.charCodeAt(at);
  if (c < 128) return isLetter(c) || isDigit(c) || c === 39 || c === DOT || c === 45;
  return WORD_CHAR.test(text[at]!);
}

/** text[at] ends a sentence or a line (SENTENCE_END). */
export function sentenceEndAt(text: string, at: number): boolean {
  const c = text.charCodeAt(at);
  return c === DOT || c === 33 || c === 63 || c === 58 || c === 59 || c === 34 || c === 10 || c === 0x201c || c === 0x2018;
}

/** text[start, end) has no lower-case letter (equals its upper case), read as a string only when not ASCII. */
export function upperOnlyAt(text: string, start: number, end: number): boolean {
  for (let k = start; k < end; k++) {
    const c = text.charCodeAt(k);
    if (c >= 128) {
      const word = text.slice(start, end);
      return word === word.toUpperCase();
    }
    if (c >= 97 && c <= 122) return false;
  }
  return true;
}

/** More than 12 letters, over 70 % of them capitals (the paragraph is a heading in capitals). */
export function isShouting(text: string): boolean {
  let letters = 0;
  let capitals = 0;
  for (let k = 0; k < text.length; k++) {
    const c = text.charCodeAt(k);
    if (c >= 128) return isShoutingByRegex(text);
    if (isLetter(c)) {
      letters++;
      if (c <= 90) capitals++;
    }
  }
  return letters > 12 && capitals / letters > 0.7;
}

/** isShouting by the expressions it stands for (what it does where the text is not ASCII). */
export function isShoutingByRegex(text: string): boolean {
  const letters = text.replace(/[^\p{L}]/gu, '');
  return letters.length > 12 && letters.replace(/[^\p{Lu}]/gu, '').length / letters.length > 0.7;
}

/** The regular expressions behind the tests above, for the tests that compare them. */
export const PLAIN = { WORD, ARTICLE, CAPITAL: /^\p{Lu}/u, BLANK, WORD_CHAR, SENTENCE_END, BLANKS: /^[ \t\u00A0]+$/ };
