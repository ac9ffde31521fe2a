import lunr from 'lunr';
import lunrStemmerSupport from 'lunr-languages/lunr.stemmer.support';
import lunrArabic from 'lunr-languages/lunr.ar';
import { isArabicWord } from './normalise';

lunrStemmerSupport(lunr);
lunrArabic(lunr);

type TokenFunction = (token: lunr.Token) => lunr.Token | undefined | null;
const arabic = (lunr as unknown as { ar: { stemmer: TokenFunction; stopWordFilter: TokenFunction } }).ar;
const english = lunr as unknown as { stemmer: TokenFunction; stopWordFilter: TokenFunction };

function apply(fn: TokenFunction, word: string): string | undefined {
  const result = fn(new lunr.Token(word, {}));
  const out = result?.toString();
  return out === undefined || out === '' ? undefined : out;
}

const cache = new Map<string, string | null>();

/**
 * The index term for a folded word, or undefined for a stop word. A multi-language
 * pipeline: Arabic-script words take lunr-languages' Arabic stop words and stemmer,
 * every other word Lunr's English ones, so neither stemmer mangles the other language.
 */
export function termOf(word: string): string | undefined {
  const cached = cache.get(word);
  if (cached !== undefined) return cached ?? undefined;
  const lang = isArabicWord(word) ? arabic : english;
  const kept = apply(lang.stopWordFilter, word);
  const term = kept === undefined ? undefined : (apply(lang.stemmer, kept) ?? kept);
  if (cache.size > 200_000) cache.clear();
  cache.set(word, term ?? null);
  return term;
}
