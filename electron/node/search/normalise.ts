const PLAIN = /^[A-Za-z0-9]*$/;

/**
 * Folds a word for matching, identically at index and query time: compatibility
 * decomposition, combining marks removed (Latin accents and Arabic harakat alike),
 * tatweel and apostrophes removed, Arabic letter variants unified, lower case.
 * `Baghdād` → `baghdad`, `الأُمَوِيّ` → `الاموي`, `مدينة` → `مدينه`.
 */
export function foldWord(word: string): string {
  // Fast path (most words of most corpora): plain ASCII letters and digits only need lower case.
  if (PLAIN.test(word)) return word.toLowerCase();
  return word
    .normalize('NFKD')
    .replace(/[\p{M}\u0640'’]/gu, '')
    .replace(/[\u0622\u0623\u0625\u0671\u0672\u0673]/g, '\u0627') // آ أ إ ٱ (and rare hamza forms) → ا
    .replace(/\u0629/g, '\u0647') // ة → ه
    .replace(/\u0649/g, '\u064A') // ى → ي
    .toLowerCase();
}

/** Arabic-script letters: such words take the Arabic stemmer and stop words. */
export function isArabicWord(word: string): boolean {
  return /[\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF]/.test(word);
}
