import { hasSurrogates, isWordUnit } from '../search/word-chars';

/** A word: letters, digits and combining marks, joined by an apostrophe, hyphen or dot inside. */
const WORD = /[\p{L}\p{N}\p{M}]+(?:['’.\-][\p{L}\p{N}\p{M}]+)*/gu;
/** Scripts written without spaces between words, where one match would swallow a sentence. */
const UNSPACED = /[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}\p{sc=Thai}\p{sc=Lao}\p{sc=Khmer}\p{sc=Myanmar}]/u;
const segmenter = new Intl.Segmenter('und', { granularity: 'word' });

/**
 * Counts words. A regular expression does it for space-separated scripts (Latin, Arabic...):
 * Intl.Segmenter is slow on long strings in V8 (worse than linear), far below the builder's
 * throughput goal, so it only handles the short runs of scripts written without spaces.
 */
export function countWords(text: string): number {
  if (hasSurrogates(text) || UNSPACED.test(text)) return countMatchedWords(text);
  // Only space-separated scripts: the matches of WORD, counted by hand (see word-chars.ts).
  // Imports as locals: under tsx (the command line, benches) each use of an import is a getter call.
  const wordUnit = isWordUnit;
  const n = text.length;
  let count = 0;
  let i = 0;
  while (i < n) {
    if (!wordUnit(text.charCodeAt(i))) {
      i++;
      continue;
    }
    count++;
    for (;;) {
      while (i < n && wordUnit(text.charCodeAt(i))) i++;
      const code = text.charCodeAt(i);
      if (i + 1 < n && (code === 0x27 || code === 0x2019 || code === 0x2e || code === 0x2d) && wordUnit(text.charCodeAt(i + 1))) {
        i++;
        continue;
      }
      break;
    }
  }
  return count;
}

function countMatchedWords(text: string): number {
  let count = 0;
  WORD.lastIndex = 0;
  for (let match = WORD.exec(text); match !== null; match = WORD.exec(text)) {
    const word = match[0];
    if (UNSPACED.test(word)) {
      for (const segment of segmenter.segment(word)) if (segment.isWordLike) count++;
    } else {
      count++;
    }
  }
  return count;
}
