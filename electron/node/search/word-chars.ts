/**
 * Word characters (letters, digits, combining marks: `[\p{L}\p{N}\p{M}]`) by UTF-16 code
 * unit, for the hand-written word scanners of the tokeniser and the word count, which do
 * what their regular expressions do without a match object per word. Outside ASCII each
 * code unit is classified by the regular expression itself, once, the first time it is seen.
 * Surrogates are never classified: texts that hold any take the regular expressions.
 */
const WORD_CHAR = /^[\p{L}\p{N}\p{M}]$/u;
const SURROGATE = /[\uD800-\uDFFF]/;

/** 0 not yet known, 1 word character, 2 not. */
const classes = new Uint8Array(0x10000);
for (let code = 0; code < 0x80; code++) {
  const lower = code | 0x20;
  classes[code] = (lower >= 0x61 && lower <= 0x7a) || (code >= 0x30 && code <= 0x39) ? 1 : 2;
}

/** Whether a code unit (not a surrogate) is a word character. */
export function isWordUnit(code: number): boolean {
  let known = classes[code]!;
  if (known === 0) classes[code] = known = WORD_CHAR.test(String.fromCharCode(code)) ? 1 : 2;
  return known === 1;
}

/** Whether a text holds surrogates (characters beyond the BMP, or lone halves). */
export function hasSurrogates(text: string): boolean {
  return SURROGATE.test(text);
}

/** ASCII by code: 0 not a word character, 1 lower case letter or digit, 2 upper case letter. */
export const ASCII_WORD = new Uint8Array(0x80).map((_, code) =>
  (code >= 0x61 && code <= 0x7a) || (code >= 0x30 && code <= 0x39) ? 1 : code >= 0x41 && code <= 0x5a ? 2 : 0,
);

/** Whether a code unit (not a surrogate) is a word character: what may follow a joining apostrophe. */
export const isJoined = (code: number): boolean => (code < 0x80 ? ASCII_WORD[code] !== 0 : isWordUnit(code));
