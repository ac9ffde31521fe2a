import { foldWord } from '../search/normalise';
import { forEachToken, MAX_WORD_LENGTH } from '../search/tokenise';
import { ASCII_WORD, hasSurrogates, isJoined, isWordUnit } from '../search/word-chars';

/** Words per shingle: three words in a row (a caption of eight words has six; a 30-word paragraph with three words changed, apart, keeps half of its shingles). */
export const SHINGLE_WORDS = 3;

/** FNV-1a over a word's UTF-16 units: the same word gives the same number on every machine. */
function wordHash(word: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < word.length; i++) h = Math.imul(h ^ word.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** MurmurHash3's finaliser: spreads the bits of a 32-bit number. */
export function mix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/**
 * The hash of every word of a text (wordHash of the word as forEachToken folds it), in order.
 * The same words as forEachToken, scanned the same way, but a plain ASCII word (most words) is
 * hashed from its characters, lower-cased on the fly, without making a string of it.
 */
export function wordHashes(text: string): number[] {
  const hashes: number[] = [];
  if (hasSurrogates(text)) {
    forEachToken(text, (word) => {
      hashes.push(wordHash(word));
    });
    return hashes;
  }
  // Imports as locals: under tsx (the command line, benches) each use of an import is a getter call.
  const asciiWord = ASCII_WORD, wordUnit = isWordUnit, joined = isJoined, maxWord = MAX_WORD_LENGTH;
  const n = text.length;
  let i = 0;
  while (i < n) {
    let code = text.charCodeAt(i);
    if (code < 0x80 ? !asciiWord[code] : !wordUnit(code)) {
      i++;
      continue;
    }
    const start = i;
    let plain = true;
    let h = 0x811c9dc5;
    for (;;) {
      while (i < n) {
        code = text.charCodeAt(i);
        if (code < 0x80) {
          const kind = asciiWord[code]!;
          if (kind === 0) break;
          if (i - start < maxWord) h = Math.imul(h ^ (kind === 2 ? code + 32 : code), 0x01000193);
        } else if (wordUnit(code)) {
          plain = false;
        } else {
          break;
        }
        i++;
      }
      if (i + 1 < n && (code === 0x27 || code === 0x2019) && joined(text.charCodeAt(i + 1))) {
        plain = false;
        i++;
        continue;
      }
      break;
    }
    if (plain) {
      hashes.push(h >>> 0);
      continue;
    }
    const length = i - start;
    const word = foldWord(text.slice(start, length > maxWord ? start + maxWord : i));
    if (word !== '') hashes.push(wordHash(word));
  }
  return hashes;
}

/**
 * A passage's shingles: every run of SHINGLE_WORDS words (folded as search folds them: case,
 * Arabic letter variants and marks), hashed to 32 bits, sorted, each once. Punctuation and
 * spacing do not count, so a quotation with other quote marks is the same passage.
 * Returns the shingles and the number of words.
 */
export function passageShingles(text: string): { shingles: Uint32Array; words: number } {
  const hashes = wordHashes(text);
  const words = hashes.length;
  if (words < SHINGLE_WORDS) return { shingles: new Uint32Array(0), words };
  const shingles = new Uint32Array(words - SHINGLE_WORDS + 1);
  for (let i = 0; i < shingles.length; i++) {
    let h = 0;
    for (let k = 0; k < SHINGLE_WORDS; k++) h = Math.imul(h ^ hashes[i + k]!, 0x9e3779b1) >>> 0;
    shingles[i] = mix32(h);
  }
  shingles.sort();
  let n = 0;
  for (let i = 0; i < shingles.length; i++) if (i === 0 || shingles[i] !== shingles[i - 1]) shingles[n++] = shingles[i]!;
  return { shingles: shingles.subarray(0, n), words };
}

/** Jaccard similarity of two sorted sets of shingles: shared / all. */
export function jaccard(a: Uint32Array, b: Uint32Array): number {
  if (a.length === 0 || b.length === 0) return 0;
  let i = 0;
  let j = 0;
  let shared = 0;
  while (i < a.length && j < b.length) {
    if (a[i]! === b[j]!) {
      shared++;
      i++;
      j++;
    } else if (a[i]! < b[j]!) i++;
    else j++;
  }
  return shared / (a.length + b.length - shared);
}
