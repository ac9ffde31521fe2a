import lunr from 'lunr';
import lunrStemmerSupport from 'lunr-languages/lunr.stemmer.support';
import lunrArabic from 'lunr-languages/lunr.ar';
import { isArabicWord } from './normalise';

lunrStemmerSupport(lunr);
lunrArabic(lunr);

type TokenFunction = (token: lunr.Token) => lunr.Token | undefined | null;
const arabicStemmer = (lunr as unknown as { ar: { stemmer: TokenFunction } }).ar.stemmer;
const englishStemmer = lunr.stemmer as unknown as TokenFunction;

const cache = new Map<string, string>();

/**
 * The index term of a folded word. A multi-language pipeline: Arabic-script words take
 * lunr-languages' Arabic stemmer, every other word Lunr's English (Porter) stemmer, so
 * neither stemmer mangles the other language. Unlike Lunr's default pipeline, common
 * words are kept: phrases need them, and they help rank long queries (measured in
 * bench/: dropping them cost a tenth of the MRR against FTS5).
 */
export function termOf(word: string): string {
  const cached = cache.get(word);
  if (cached !== undefined) return cached;
  const stemmer = isArabicWord(word) ? arabicStemmer : englishStemmer;
  const stemmed = stemmer(new lunr.Token(word, {}))?.toString();
  // The Arabic stemmer empties its own stop words: keep such words as they are.
  const term = stemmed === undefined || stemmed === '' ? word : stemmed;
  if (cache.size > 200_000) cache.clear();
  cache.set(word, term);
  return term;
}
