import { describe, expect, it } from 'vitest';
import { countWords } from '../../../../electron/node/corpus/word-count';
import { foldWord } from '../../../../electron/node/search/normalise';
import { tokenise } from '../../../../electron/node/search/tokenise';
import { WordTable } from '../../../../electron/node/search/word-table';

// The scanners written by hand must find exactly what the regular expressions they replace find.
const TOKEN = /[\p{L}\p{N}\p{M}]+(?:['’][\p{L}\p{N}\p{M}]+)*/gu;
const COUNTED = /[\p{L}\p{N}\p{M}]+(?:['’.\-][\p{L}\p{N}\p{M}]+)*/gu;

const byRegExp = (text: string) =>
  [...text.matchAll(TOKEN)]
    .map((m) => ({ word: foldWord(m[0].slice(0, 64)), start: m.index, length: m[0].length }))
    .filter((t) => t.word !== '')
    .map((t, index) => ({ word: t.word, index, start: t.start, length: t.length }));

const PIECES = ['a', 'Z', 'é', 'É', "'", '’', ' ', '-', '.', '1', 'ب', 'ة', '\u064E', '\u0640', 'ß', 'İ', '\u0301', 'Ⅻ', 'ﬁ', '\n', '_', 'A'.repeat(70), '😀', '\uD800', '日本'];

function* samples(count: number): Generator<string> {
  let seed = 42;
  const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  for (let n = 0; n < count; n++) {
    let text = '';
    for (let k = Math.floor(random() * 12); k > 0; k--) text += PIECES[Math.floor(random() * PIECES.length)];
    yield text;
  }
  // Every BMP character inside, before and after a word.
  for (let code = 0; code < 0x10000; code++) {
    if (code >= 0xd800 && code < 0xe000) continue;
    const c = String.fromCharCode(code);
    yield `a${c}b ${c}'x -${c}.y`;
  }
}

// Every BMP character through three scanners: seconds of work, more on a loaded two-core machine.
describe('word scanners', { timeout: 30_000 }, () => {
  it('tokenise finds the words, offsets and folded forms of its regular expression', () => {
    for (const text of samples(20000)) expect(tokenise(text), JSON.stringify(text)).toEqual(byRegExp(text));
  });

  it('countWords counts the matches of its regular expression (space-separated scripts)', () => {
    for (const text of samples(20000)) {
      if (/[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}\p{sc=Thai}\p{sc=Lao}\p{sc=Khmer}\p{sc=Myanmar}]/u.test(text)) continue;
      expect(countWords(text), JSON.stringify(text)).toBe([...text.matchAll(COUNTED)].length);
    }
  });

  it("the indexer's word table numbers exactly tokenise's words, with the same positions", () => {
    const table = new WordTable();
    const seen = new Map<string, number>();
    let texts = 0;
    for (const text of samples(20000)) {
      // Some words again in another case, to be found without being made again.
      const source = texts++ % 2 === 0 ? text : `${text} ${text.toUpperCase()} ${text.toLowerCase()}`;
      const tokens: { word: string; index: number; start: number; length: number }[] = [];
      const count = table.forEachWord(source, (word, index, start, length) => tokens.push({ word: table.words[word]!, index, start, length }));
      const expected = tokenise(source);
      expect(tokens, JSON.stringify(source)).toEqual(expected);
      expect(count).toBe(expected.length);
      for (const token of expected) if (!seen.has(token.word)) seen.set(token.word, seen.size);
    }
    // Numbered once each, in the order first seen.
    expect(table.words).toEqual([...seen.keys()]);
    for (const [word, number] of seen) expect(table.numberOf(word)).toBe(number);
  });
});
