import { describe, expect, it } from 'vitest';
import {
  PLAIN,
  blankAt,
  blanksBetween,
  capitalisedAt,
  isShouting,
  isShoutingByRegex,
  nextWord,
  sentenceEndAt,
  upperOnlyAt,
  wordByRegex,
  wordCharAt,
} from '../../../../electron/node/entities/latin-words';

/** Characters that put each test at an edge: capitals and articles, initials, word signs, blanks, non-ASCII letters, marks, digits, astral letters. */
const ALPHABET = [
  'A', 'B', 'U', 'Z', 'a', 'e', 'u', 'l', 's', 'h', 'd', 'n', 'x', '0', '9', "'", '’', '.', '-', '‑', ' ', '\t', '\u00A0', '\n', ',', '(', '!', '?', ':', ';', '"', '“', '‘',
  'é', 'É', 'ß', 'İ', 'ǅ', 'Ω', 'ω', '\u0301', '𝐀', '𝐚', 'ا', '٣', '\u2003', '\u3000', '\u2028',
];
/** Words that test the longer patterns (initials, articles, pairs of initials). */
const PIECES = ['U.S.', 'U.S.A', 'A.B.É.', 'al-Baghdadi', 'al‑Ḥ', 'ash-Sham', 'el-X', 'ud-É', 'SDF-ISF', "O'Neil’s", 'x.y.', 'A.', 'Ab.c-d', '1913', 'IX'];

/** A fixed pseudo-random sequence (mulberry32): the same texts every run. */
function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function texts(count: number): string[] {
  const next = random(16);
  const out: string[] = [];
  for (let n = 0; n < count; n++) {
    let text = '';
    const length = Math.floor(next() * 24);
    for (let k = 0; k < length; k++) text += next() < 0.15 ? PIECES[Math.floor(next() * PIECES.length)]! : ALPHABET[Math.floor(next() * ALPHABET.length)]!;
    out.push(text);
  }
  return out;
}

const TEXTS = texts(6000);
const fast = new Int32Array(2);
const plain = new Int32Array(2);

/** What differs between a test and its expression, on every text (collected: an expect per case is slow). */
function mismatches(check: (text: string, miss: (what: string) => void) => void): string[] {
  const out: string[] = [];
  for (const text of TEXTS) check(text, (what) => out.push(`${JSON.stringify(text)}: ${what}`));
  return out.slice(0, 5);
}

describe('the Latin finder’s character tests read by charCodeAt', () => {
  it('find the words WORD finds, from every offset, within every limit', () => {
    let words = 0;
    const missed = mismatches((text, miss) => {
      for (let from = 0; from < text.length; from++) {
        for (const limit of [text.length, from + 1, from + 5]) {
          const a = nextWord(text, from, limit, fast);
          const b = wordByRegex(text, from, limit, plain);
          if (a !== b || (a && (fast[0] !== plain[0] || fast[1] !== plain[1]))) miss(`from ${from} to ${limit}: ${a} ${[...fast]} against ${b} ${[...plain]}`);
          if (a) words++;
        }
      }
    });
    expect(missed).toEqual([]);
    expect(words).toBeGreaterThan(50_000);
  });

  it('say a word is capitalised as CAPITAL or ARTICLE on it', () => {
    let capitalised = 0;
    const missed = mismatches((text, miss) => {
      for (const m of text.matchAll(PLAIN.WORD)) {
        // Every start of the word too, as a pair of initials is split (SDF-ISF).
        for (let end = m.index + 1; end <= m.index + m[0].length; end++) {
          const word = text.slice(m.index, end);
          const expected = PLAIN.CAPITAL.test(word) || PLAIN.ARTICLE.test(word);
          if (capitalisedAt(text, m.index, end) !== expected) miss(JSON.stringify(word));
          if (expected) capitalised++;
        }
      }
    });
    expect(missed).toEqual([]);
    expect(capitalised).toBeGreaterThan(1000);
  });

  it('read blanks, word characters, sentence ends and capitals as the expressions do', () => {
    const missed = mismatches((text, miss) => {
      for (let at = 0; at < text.length; at++) {
        const c = text[at]!;
        if (blankAt(text, at) !== PLAIN.BLANK.test(c)) miss(`blank ${JSON.stringify(c)}`);
        if (wordCharAt(text, at) !== PLAIN.WORD_CHAR.test(c)) miss(`word character ${JSON.stringify(c)}`);
        if (sentenceEndAt(text, at) !== PLAIN.SENTENCE_END.test(c)) miss(`sentence end ${JSON.stringify(c)}`);
        for (let to = at; to <= Math.min(text.length, at + 6); to++) {
          const between = text.slice(at, to);
          if (blanksBetween(text, at, to) !== PLAIN.BLANKS.test(between)) miss(`blanks ${JSON.stringify(between)}`);
          if (upperOnlyAt(text, at, to) !== (between === between.toUpperCase())) miss(`capitals ${JSON.stringify(between)}`);
        }
      }
    });
    expect(missed).toEqual([]);
  });

  it('tell a heading in capitals as the expressions do', () => {
    const headings = ['TWITTER AND THE CALIFATE', 'TWITTER AND THE Califate', 'TWITTER AND THE caLIFATE', 'ÉTAT ISLAMIQUE ET LE CALIFAT', 'SHORT ONE', 'ABCDEFGHIJKLmnopq', 'ABCDEFGHIJKLMNOPQRstuvwxyz', 'ZZZZ ZZZZ ZZZZ ZZZZ'];
    const all = [...headings, ...TEXTS, ...TEXTS.map((t) => t.toUpperCase())];
    expect(all.filter((text) => isShouting(text) !== isShoutingByRegex(text))).toEqual([]);
    expect(all.filter(isShouting).length).toBeGreaterThan(100);
  });
});
