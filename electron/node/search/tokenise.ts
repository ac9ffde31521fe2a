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
  forEachToken(text, (word, index, start, length) => tokens.push({ word, index, start, length }));
  return tokens;
}

/**
 * The tokens of tokenise(), handed to visit one by one without an object per token (what the
 * indexer runs over every word of a corpus); returns how many there were.
 */
export function forEachToken(text: string, visit: (word: string, index: number, start: number, length: number) => void): number {
  let count = 0;
  WORD.lastIndex = 0;
  for (let match = WORD.exec(text); match !== null; match = WORD.exec(text)) {
    const raw = match[0];
    const word = foldWord(raw.length > MAX_WORD_LENGTH ? raw.slice(0, MAX_WORD_LENGTH) : raw);
    if (word === '') continue;
    visit(word, count++, match.index, raw.length);
  }
  return count;
}
