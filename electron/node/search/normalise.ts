import { foldArabic } from './arabic-fold';

const PLAIN = /^[A-Za-z0-9]*$/;
/** Arabic script after NFKD (presentation forms are decomposed into these blocks). */
const ARABIC = /[\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF]/;

const cache = new Map<string, string>();

/**
 * Folds a word for matching, identically at index and query time: compatibility
 * decomposition, combining marks removed (Latin accents and Arabic harakat alike),
 * tatweel and apostrophes removed, Arabic letter variants unified, classical (Uthmani)
 * spelling read as modern spelling writes it (arabic-fold.ts), lower case.
 * `Baghdād` → `baghdad`, `الأُمَوِيّ` → `الاموي`, `مدينة` → `مدينه`, `ٱلصَّلَوٰةَ` → `الصلاه`.
 */
export function foldWord(word: string): string {
  // Fast path (most words of most corpora): plain ASCII letters and digits only need lower case.
  if (PLAIN.test(word)) return word.toLowerCase();
  const cached = cache.get(word);
  if (cached !== undefined) return cached;
  const decomposed = word.normalize('NFKD').replace(/['’]/g, '');
  const folded = (
    ARABIC.test(decomposed) ? foldArabic(decomposed) : decomposed.replace(/[\p{M}\u0640]/gu, '')
  ).toLowerCase();
  if (cache.size > 100_000) cache.clear();
  cache.set(word, folded);
  return folded;
}

/** Arabic-script letters: such words take the Arabic stemmer and stop words. */
export function isArabicWord(word: string): boolean {
  return /[\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF]/.test(word);
}
