import lunr from 'lunr';
import { isArabicWord } from './normalise';

type TokenFunction = (token: lunr.Token) => lunr.Token | undefined | null;
const englishStemmer = lunr.stemmer as unknown as TokenFunction;

const run = (stemmer: TokenFunction, word: string) => stemmer(new lunr.Token(word, {}))?.toString() ?? '';

/*
 * Arabic words take light stemming (Larkey's light10, as in Lucene) on folded words (ة is
 * already ه): article and conjunction prefixes, then common suffixes, each only if three
 * letters remain. lunr-languages' root stemmer was measured against it and dropped: it
 * conflates unrelated words (خليفة "caliph" and خلاف "dispute" → خلاف, اسلام and سلم
 * "peace, ladder" → سلم), cuts names (بغداد → غداد) and splits inflections (الأموي → موي but
 * الأموية → امو); light10 matched as many inflection pairs with none of those conflations
 * (tests/electron/node/search/normalise.test.ts).
 */
const PREFIXES = ['وال', 'بال', 'كال', 'فال', 'لل', 'ال', 'و'];
const SUFFIXES = ['ها', 'ان', 'ات', 'ون', 'ين', 'يه', 'ه', 'ي'];

export function lightStem(word: string): string {
  let stem = word;
  const prefix = PREFIXES.find((p) => stem.startsWith(p) && stem.length - p.length >= 3);
  if (prefix) stem = stem.slice(prefix.length);
  for (const suffix of SUFFIXES) {
    if (stem.endsWith(suffix) && stem.length - suffix.length >= 3) stem = stem.slice(0, -suffix.length);
  }
  return stem;
}

const cache = new Map<string, string>();

/**
 * The index term of a folded word. A multi-language pipeline: Arabic-script words take the
 * light stemming above, every other word Lunr's English (Porter) stemmer, so neither
 * stemmer mangles the other language. Unlike Lunr's default pipeline, common words are
 * kept: phrases need them, and they help rank long queries (measured in bench/: dropping
 * them cost a tenth of the MRR against FTS5).
 */
export function termOf(word: string): string {
  const cached = cache.get(word);
  if (cached !== undefined) return cached;
  const term = isArabicWord(word) ? lightStem(word) : run(englishStemmer, word) || word;
  if (cache.size > 200_000) cache.clear();
  cache.set(word, term);
  return term;
}
