import { foldWord } from './normalise';

/** One word of a text: its folded form and where it stands in the original string. */
export type Token = {
  /** Folded word (see foldWord), before stop words and stemming. */
  word: string;
  /** Position among the words of the field (0, 1, 2 …): what phrases and NEAR compare. */
  index: number;
  /** Offset and length in UTF-16 code units in the original text. */
  start: number;
  length: number;
};

/**
 * Words are runs of letters, digits and combining marks (Arabic harakat, tatweel and
 * Latin accents stay inside the word), with inner apostrophes. Unicode-aware, unlike
 * Lunr's default trimmer, which reduces Arabic words to nothing.
 */
const WORD = /[\p{L}\p{N}\p{M}]+(?:['’][\p{L}\p{N}\p{M}]+)*/gu;

/** Longest word kept; longer runs (base64, hashes) are cut so terms stay bounded. */
const MAX_WORD_LENGTH = 64;

export function tokenise(text: string): Token[] {
  const tokens: Token[] = [];
  for (const match of text.matchAll(WORD)) {
    const word = foldWord(match[0].slice(0, MAX_WORD_LENGTH));
    if (word === '') continue;
    tokens.push({ word, index: tokens.length, start: match.index, length: match[0].length });
  }
  return tokens;
}
