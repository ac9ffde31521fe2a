import * as chrono from 'chrono-node';

export type FoundDate = { start: number; end: number; surface: string; /** ISO: `2016`, `2016-06` or `2016-06-12`. */ iso: string };

/**
 * The reference date chrono needs: fixed, so that a build never depends on the day it runs.
 * Dates that only a reference date could place ("Tuesday", "last year", "now") are left out.
 */
const REFERENCE = new Date(Date.UTC(2000, 0, 1));
const RELATIVE = /\b(?:ago|last|next|this|now|today|tonight|yesterday|tomorrow|recent|past|coming)\b/i;
/** A year standing alone after a word that dates it (in 2014, since 2013, by 2016, 2014-2016). */
const YEAR = /\b(?:in|since|by|until|till|from|during|of|early|late|mid-?|between|before|after|circa)\s+((?:1[0-9]{3}|20[0-9]{2})(?![\p{N}.,]\p{N}))(?:\s*[-–]\s*((?:1[0-9]{3}|20[0-9]{2})\b))?/giu;
/** A span of years in brackets, as histories write a reign: (661-750), (750–1258). */
const YEAR_RANGE = /\(((?:[1-9][0-9]{2,3}))\s*[-–]\s*([1-9][0-9]{2,3})\)/g;
/** Where chrono is worth asking: a month's name next to a number, or a numeric date. */
const MONTH = '(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)';
const CHRONO_HINT = new RegExp(`\\b${MONTH}\\.?,?\\s+\\d|\\d\\s+${MONTH}\\b|\\b\\d{1,2}[./-]\\d{1,2}[./-]\\d{2,4}\\b`, 'i');
/** What YEAR needs, quick to look for: a year after a blank ("[1913 Webster]" has none). */
const YEAR_HINT = /\s(?:1[0-9]{3}|20[0-9]{2})/;
const pad = (n: number) => String(n).padStart(2, '0');

/** Dates written out in a paragraph (English month names, numeric dates, years after a preposition). */
export function findDates(text: string): FoundDate[] {
  const found: FoundDate[] = [];
  // Every date written has a digit: most paragraphs go no further.
  if (!/[0-9]/.test(text)) return found;
  if (CHRONO_HINT.test(text)) {
    for (const r of chrono.parse(text, REFERENCE)) {
      // The year must be written (chrono dates "after a few days" from the reference date).
      if (RELATIVE.test(r.text) || !/\d{3,4}|\d{1,2}[./-]\d{1,2}[./-]\d{2}/.test(r.text)) continue;
      const c = r.start;
      if (!c.isCertain('year')) continue;
      const year = c.get('year')!;
      const iso = c.isCertain('day') ? `${year}-${pad(c.get('month')!)}-${pad(c.get('day')!)}` : c.isCertain('month') ? `${year}-${pad(c.get('month')!)}` : String(year);
      found.push({ start: r.index, end: r.index + r.text.length, surface: r.text, iso });
    }
  }
  const taken = (start: number, end: number) => found.some((d) => start < d.end && end > d.start);
  // exec on one expression (matchAll copies it for every paragraph).
  YEAR.lastIndex = 0;
  for (let m = YEAR_HINT.test(text) ? YEAR.exec(text) : null; m; m = YEAR.exec(text)) {
    const yearAt = m.index + m[0].indexOf(m[1]!);
    if (!taken(yearAt, yearAt + 4)) found.push({ start: yearAt, end: yearAt + m[1]!.length, surface: m[1]!, iso: m[1]! });
    if (m[2]) {
      const endAt = m.index + m[0].lastIndexOf(m[2]);
      if (!taken(endAt, endAt + 4)) found.push({ start: endAt, end: endAt + m[2].length, surface: m[2], iso: m[2] });
    }
  }
  YEAR_RANGE.lastIndex = 0;
  for (let m = YEAR_RANGE.exec(text); m; m = YEAR_RANGE.exec(text)) {
    if (Number(m[1]) >= Number(m[2])) continue;
    for (const year of [m[1]!, m[2]!]) {
      const at = m.index + m[0].indexOf(year, year === m[2] ? m[0].indexOf(m[1]!) + m[1]!.length : 0);
      if (!taken(at, at + year.length)) found.push({ start: at, end: at + year.length, surface: year, iso: year.padStart(4, '0') });
    }
  }
  return found.sort((a, b) => a.start - b.start);
}
