const ARABIC_LETTER = /[\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF\uFB50-\uFDFF\uFE70-\uFEFF]/gu;
const ANY_LETTER = /\p{L}/gu;
/** Enough text to decide; a dictionary entry or an article's first pages. */
const SAMPLE = 20_000;

/**
 * Guesses a document's language from its script when no metadata gives it: Arabic when at
 * least 30% of its letters are Arabic-script letters, English otherwise ('' for text with
 * no letters). Only the search pipeline and the reader's `lang` depend on it, and both
 * already treat each word by its own script, so a rough guess is enough.
 */
export function detectLanguage(text: string): string {
  const sample = text.length > SAMPLE ? text.slice(0, SAMPLE) : text;
  const letters = sample.match(ANY_LETTER)?.length ?? 0;
  if (letters === 0) return '';
  const arabic = sample.match(ARABIC_LETTER)?.length ?? 0;
  return arabic / letters >= 0.3 ? 'ar' : 'en';
}

/** A BCP 47 tag cleaned to something safe to store and put in a `lang` attribute. */
export function normaliseLanguageTag(tag: string): string {
  const match = /^[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{1,8})*$/.exec(tag.trim());
  return match ? match[0].replace(/_/g, '-').toLowerCase().replace(/-([a-z]{2})$/, (_, r: string) => `-${r.toUpperCase()}`) : '';
}
