import { knownGroup } from './entity-groups';
import type { FoundName } from './find-names';

const LETTERS = '[\\u0621-\\u064A\\u0671-\\u06D3\\u064B-\\u065F\\u0670]';
const WORD = `${LETTERS}{2,}`;
/**
 * Names in Arabic script: a kunya or a nasab (أبو, أم, ابن, بن, بنت) and the word after it, with a
 * nisba or a second name after that when it carries the article (أبو بكر البغدادي, ابن تيمية); and
 * the listed names (entity-groups.ts: داعش, الدولة الإسلامية, أعماق …).
 */
const KUNYA_NAME = new RegExp(`(?<!${LETTERS})(?:أبو|ابو|أبي|ابي|أبا|أم|ام|ابن|إبن|بن|بنت)\\s+${WORD}(?:\\s+ال${WORD})*(?!${LETTERS})`, 'gu');

export function findArabicNames(text: string): FoundName[] {
  if (!/[\u0600-\u06FF]/.test(text)) return [];
  const found: FoundName[] = [];
  const taken = (start: number, end: number) => found.some((f) => start < f.end && end > f.start);
  // Listed names first, longest first: up to three words.
  const words = [...text.matchAll(new RegExp(WORD, 'gu'))];
  for (let i = 0; i < words.length; i++) {
    for (let n = Math.min(3, words.length - i); n >= 1; n--) {
      const first = words[i]!;
      const last = words[i + n - 1]!;
      const start = first.index;
      const end = last.index + last[0].length;
      const surface = text.slice(start, end);
      if (!/^\S+(?:\s+\S+)*$/u.test(surface) || /[^\s\u0600-\u06FF]/u.test(surface)) continue;
      const group = knownGroup(surface);
      if (group && !taken(start, end)) {
        found.push({ start, end, surface, type: group.type });
        i += n - 1;
        break;
      }
    }
  }
  for (const m of text.matchAll(KUNYA_NAME)) {
    if (!taken(m.index, m.index + m[0].length)) found.push({ start: m.index, end: m.index + m[0].length, surface: m[0], type: 'person' });
  }
  return found.sort((a, b) => a.start - b.start);
}
