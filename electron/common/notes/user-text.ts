/**
 * Rules for text the user writes and Carrel stores (notes, tags, bookmark labels, titles).
 *
 * Lone UTF-16 surrogates are refused, not repaired: SQLite stores UTF-8, where half of a
 * surrogate pair cannot exist, so it would silently become U+FFFD. The schemas refuse such text
 * with a message that says where the broken character is; the editor keeps the text.
 */

const LONE_SURROGATE = /\p{Cs}/u;

/** Index (UTF-16 code units) of the first unpaired surrogate, or -1 when the text is well formed. */
export function loneSurrogateAt(text: string): number {
  return text.search(LONE_SURROGATE);
}

/** Position of a code-unit index as a person counts characters (1-based, surrogate pairs count once). */
export function characterNumber(text: string, index: number): number {
  return [...text.slice(0, index)].length + 1;
}

/**
 * Invisible characters that mean nothing in a tag and could make two tags look alike or turn
 * the text around it: soft hyphen, Arabic letter mark, Mongolian vowel separator, zero-width
 * space, LRM/RLM, the bidi embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069),
 * word joiner and invisible operators, the deprecated format controls, and the BOM. Removed
 * wherever they are. ZWNJ and ZWJ stay inside a tag (Persian words, emoji sequences need them).
 */
const DROPPED_IN_TAGS = /[\u00AD\u061C\u180E\u200B\u200E\u200F\u202A-\u202E\u2060-\u2064\u2066-\u206F\uFEFF]/gu;
/** At the start nothing invisible belongs to a tag. */
const INVISIBLE_START = /^[\s\p{Default_Ignorable_Code_Point}\u2800]+/u;
/** At the end, variation selectors and tag characters stay (they belong to the emoji before them). */
const INVISIBLE_END = /[\s\u034F\u115F\u1160\u200C\u200D\u2800\u3164\uFFA0]+$/u;
const VISIBLE = /[\p{L}\p{N}\p{P}\p{S}]/u;
const IGNORABLE = /[\p{Default_Ignorable_Code_Point}\u2800]/gu;

/** How a tag is written: NFC, invisible and direction-control characters dropped, trimmed, inner whitespace collapsed. */
export function cleanTag(name: string): string {
  return name.normalize('NFC').replace(DROPPED_IN_TAGS, '').replace(INVISIBLE_START, '').replace(INVISIBLE_END, '').replace(/\s+/gu, ' ');
}

/** Whether the text has at least one letter, digit, punctuation mark or symbol that shows. */
export function hasVisibleCharacter(text: string): boolean {
  return VISIBLE.test(text.replace(IGNORABLE, ''));
}
