import type { EntityType } from '../../common/entities/entity-types';
import { foldArabic } from '../search/arabic-fold';

const APOSTROPHES = /['’‘`´ʼʾʿ′]/g;
const ARABIC = /[\u0600-\u06FF]/;
const ASCII = /^[\x20-\x7E]*$/;
const ASCII_DROPPED = /['`]/g;

/**
 * The spelling of a name that variants share: Unicode-composed, diacritics dropped (Baghdādī →
 * baghdadi), apostrophes and the ʿayn/hamza signs dropped (Da'esh → daesh, Ka‘ba → kaba), hyphens
 * and other signs made one space (al-Baghdadi = al Baghdadi), dots of initials dropped (U.S. = US), lower case; Arabic script folded
 * as search folds it (marks, alef and ya variants, ة/ه). Never empty for a name with letters.
 */
export function normaliseName(name: string): string {
  // Letters and digits, words one space apart (most names and words): only the case changes.
  return plainWords(name) ? name.toLowerCase() : normaliseAnyName(name);
}

/** normaliseName without its shortcut (tests compare them). */
export function normaliseAnyName(name: string): string {
  // Plain ASCII (most names in Latin letters): nothing to decompose or fold.
  if (ASCII.test(name)) return name.replace(ASCII_DROPPED, '').replace(/\.(?=[A-Za-z]|$)/g, '').replace(/[^A-Za-z0-9]+/g, ' ').trim().toLowerCase();
  let s = name.normalize('NFKD');
  if (ARABIC.test(s)) s = foldArabic(s);
  s = s.replace(/\p{M}+/gu, '').normalize('NFC');
  return s.replace(APOSTROPHES, '').replace(/\.(?=\p{L}|$)/gu, '').replace(/[^\p{L}\p{N}]+/gu, ' ').trim().toLowerCase();
}

/**
 * ASCII letters and digits first and last, and between them only those and single spaces (with
 * `signs`: hyphens and stops too): what normaliseName only lower-cases and cleanSurface leaves
 * as it is (read by charCodeAt: it is asked for every name found).
 */
export function plainWords(name: string, signs = false): boolean {
  const n = name.length;
  if (n === 0 || !isAlnum(name.charCodeAt(0)) || !isAlnum(name.charCodeAt(n - 1))) return false;
  for (let k = 1; k < n - 1; k++) {
    const c = name.charCodeAt(k);
    if (isAlnum(c)) continue;
    if (c === 32 ? name.charCodeAt(k - 1) === 32 : !signs || (c !== 45 && c !== 46)) return false;
  }
  return true;
}
const isAlnum = (c: number) => (c >= 48 && c <= 57) || ((c | 32) >= 97 && (c | 32) <= 122);

/** A name as written, without a possessive ending or punctuation around it ("ISIS’s" → "ISIS"). */
export function cleanSurface(name: string): string {
  // Letters and digits, words one space apart (with hyphens and stops inside): nothing to clean.
  return plainWords(name, true) ? name : cleanAnySurface(name);
}

/** cleanSurface without its shortcut (tests compare them). */
export function cleanAnySurface(name: string): string {
  return name
    .replace(/\s+/g, ' ')
    .replace(/(?:['’]s|s['’]|['’])$/u, (m) => (m.length === 1 ? '' : m.startsWith('s') ? 's' : ''))
    .replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}.]+$/gu, '')
    .replace(/(?<!\b\p{L})\.$/u, '');
}

/** The key of a spelling: its type and normalised form (`org:daesh`), what user edits refer to. */
export const variantKey = (type: EntityType, name: string): string => `${type}:${normaliseName(name)}`;

/** The normalised name without Arabic articles (al-, el-, ad-, …): "al baghdadi" → "baghdadi". */
export function withoutArticles(normalised: string): string {
  return normalised
    .split(' ')
    .filter((t) => !/^(?:al|el|ad|an|ar|as|ash|at|az|ul)$/.test(t))
    .join(' ');
}
