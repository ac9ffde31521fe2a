import { foldWord } from './normalise';
import { ASCII_WORD, hasSurrogates, isJoined, isWordUnit } from './word-chars';
import { forEachToken, MAX_WORD_LENGTH } from './tokenise';

/**
 * The vocabulary of an index being built: every word (folded, as tokenise gives it) numbered
 * in the order first seen. forEachWord() scans a text as forEachToken does, but looks a plain
 * ASCII word up by its characters in the text, hashed while scanning, so that no string is
 * made for a word already known (most words of a corpus): an open-addressing table of hashes
 * and numbers, and the words' characters side by side in one array to compare with.
 */
export class WordTable {
  /** The words by number. */
  readonly words: string[] = [];
  /** Per slot: hash, word number + 1 (0: empty). */
  private slots = new Int32Array(2 * 4096);
  private mask = 4095;
  /** Characters of every word, and where each word's start. */
  private chars = new Uint16Array(1 << 16);
  private charsTop = 0;
  private starts: number[] = [];

  /**
   * Calls visit for each token of text (as forEachToken: same tokens, indices, offsets), with
   * the number of its word; returns the number of tokens.
   */
  forEachWord(text: string, visit: (word: number, index: number, start: number, length: number) => void): number {
    if (hasSurrogates(text)) return forEachToken(text, (word, index, start, length) => visit(this.numberOf(word), index, start, length));
    // Imports as locals: under tsx (the command line, benches) each use of an import is a getter call.
    const asciiWord = ASCII_WORD, wordUnit = isWordUnit, joined = isJoined, maxWord = MAX_WORD_LENGTH;
    const n = text.length;
    let count = 0;
    let i = 0;
    while (i < n) {
      let code = text.charCodeAt(i);
      if (code < 0x80 ? !asciiWord[code] : !wordUnit(code)) {
        i++;
        continue;
      }
      const start = i;
      let plain = true;
      // FNV-1a over the lower-cased characters of the word's first MAX_WORD_LENGTH.
      let hash = 0x811c9dc5 | 0;
      for (;;) {
        while (i < n) {
          code = text.charCodeAt(i);
          if (code < 0x80) {
            const kind = asciiWord[code]!;
            if (kind === 0) break;
            if (i - start < maxWord) hash = Math.imul(hash ^ (kind === 2 ? code | 0x20 : code), 0x01000193);
          } else if (wordUnit(code)) {
            plain = false;
          } else {
            break;
          }
          i++;
        }
        // An apostrophe joins two runs of word characters.
        if (i + 1 < n && (code === 0x27 || code === 0x2019) && joined(text.charCodeAt(i + 1))) {
          plain = false;
          i++;
          continue;
        }
        break;
      }
      const length = i - start;
      let word: number;
      if (plain) {
        const end = length > maxWord ? start + maxWord : i;
        word = this.findPlain(text, start, end, hash);
        if (word < 0) word = this.insert(text.slice(start, end).toLowerCase(), hash);
      } else {
        const folded = foldWord(text.slice(start, length > maxWord ? start + maxWord : i));
        if (folded === '') continue;
        word = this.numberOf(folded);
      }
      visit(word, count++, start, length);
    }
    return count;
  }

  /** The number of a folded word, added if new. */
  numberOf(word: string): number {
    const hash = hashOf(word);
    for (let slot = hash & this.mask; ; slot = (slot + 1) & this.mask) {
      const number = this.slots[slot * 2 + 1]! - 1;
      if (number < 0) return this.insert(word, hash);
      if (this.slots[slot * 2] === hash && this.words[number] === word) return number;
    }
  }

  /** The number of the plain ASCII word text[start, end) lower-cased, or -1. */
  private findPlain(text: string, start: number, end: number, hash: number): number {
    const { slots, chars, starts } = this;
    const length = end - start;
    for (let slot = hash & this.mask; ; slot = (slot + 1) & this.mask) {
      const number = slots[slot * 2 + 1]! - 1;
      if (number < 0) return -1;
      if (slots[slot * 2] !== hash) continue;
      const from = starts[number]!;
      if (starts[number + 1]! - from !== length) continue;
      let same = true;
      for (let k = 0; k < length; k++) {
        const code = text.charCodeAt(start + k);
        if (chars[from + k] !== (code >= 0x41 && code <= 0x5a ? code | 0x20 : code)) {
          same = false;
          break;
        }
      }
      if (same) return number;
    }
  }

  private insert(word: string, hash: number): number {
    const number = this.words.length;
    this.words.push(word);
    if (this.charsTop + word.length > this.chars.length) {
      const grown = new Uint16Array(Math.max(this.charsTop + word.length, this.chars.length * 2));
      grown.set(this.chars);
      this.chars = grown;
    }
    if (number === 0) this.starts.push(0);
    for (let k = 0; k < word.length; k++) this.chars[this.charsTop++] = word.charCodeAt(k);
    this.starts.push(this.charsTop);
    if (this.words.length * 2 > this.mask + 1) this.rehash();
    else this.place(hash, number);
    return number;
  }

  private place(hash: number, number: number): void {
    let slot = hash & this.mask;
    while (this.slots[slot * 2 + 1] !== 0) slot = (slot + 1) & this.mask;
    this.slots[slot * 2] = hash;
    this.slots[slot * 2 + 1] = number + 1;
  }

  private rehash(): void {
    const old = this.slots;
    this.mask = this.mask * 2 + 1;
    this.slots = new Int32Array((this.mask + 1) * 2);
    for (let slot = 0; slot < old.length; slot += 2) if (old[slot + 1] !== 0) this.place(old[slot]!, old[slot + 1]! - 1);
    this.place(hashOf(this.words[this.words.length - 1]!), this.words.length - 1);
  }
}

/** FNV-1a over a word's UTF-16 code units (for plain words, what forEachWord computes while scanning). */
function hashOf(word: string): number {
  let hash = 0x811c9dc5 | 0;
  for (let k = 0; k < word.length; k++) hash = Math.imul(hash ^ word.charCodeAt(k), 0x01000193);
  return hash;
}
