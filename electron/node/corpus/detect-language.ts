/** Enough text to decide; a dictionary entry or an article's first paragraphs. */
const SAMPLE = 4000;
const OTHER_LETTER = /\p{L}/u;
const NOT_ASCII = /[^\x00-\x7F]/;
const ASCII_LETTER = /[A-Za-z]/;

function isArabicLetter(code: number): boolean {
  return (
    (code >= 0x0620 && code <= 0x064a) ||
    (code >= 0x066e && code <= 0x06d3) ||
    (code >= 0x06fa && code <= 0x06ff) ||
    (code >= 0x0750 && code <= 0x077f) ||
    (code >= 0x08a0 && code <= 0x08ff) ||
    (code >= 0xfb50 && code <= 0xfdff) ||
    (code >= 0xfe70 && code <= 0xfefc)
  );
}

/**
 * Guesses a document's language from its script when no metadata gives it: Arabic when at
 * least 30% of its letters are Arabic-script letters, English otherwise ('' for text with
 * no letters). Only the search pipeline and the reader's `lang` depend on it, and both
 * already treat each word by its own script, so a rough guess is enough. One pass over
 * char codes: a regular expression per letter was a tenth of the build time.
 */
export function detectLanguage(text: string): string {
  const end = Math.min(text.length, SAMPLE);
  // ASCII only (most sources): no Arabic letter, so English as soon as there is a letter.
  const sample = text.length > SAMPLE ? text.slice(0, SAMPLE) : text;
  if (!NOT_ASCII.test(sample)) return ASCII_LETTER.test(sample) ? 'en' : '';
  let letters = 0;
  let arabic = 0;
  for (let i = 0; i < end; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) {
      if ((code | 0x20) >= 0x61 && (code | 0x20) <= 0x7a) letters++;
    } else if (isArabicLetter(code)) {
      letters++;
      arabic++;
    } else if (OTHER_LETTER.test(text[i]!)) {
      letters++;
    }
  }
  if (letters === 0) return '';
  return arabic / letters >= 0.3 ? 'ar' : 'en';
}

/** A BCP 47 tag cleaned to something safe to store and put in a `lang` attribute. */
export function normaliseLanguageTag(tag: string): string {
  const match = /^[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{1,8})*$/.exec(tag.trim());
  return match ? match[0].replace(/_/g, '-').toLowerCase().replace(/-([a-z]{2})$/, (_, r: string) => `-${r.toUpperCase()}`) : '';
}
