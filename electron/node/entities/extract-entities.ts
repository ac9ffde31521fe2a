import type { EntityType } from '../../common/entities/entity-types';
import { findArabicNames } from './find-arabic-names';
import { findDates } from './find-dates';
import { findLatinNames } from './find-names';

/** A name or date found in a paragraph, with offsets into the paragraph's text. */
export type FoundEntity = { start: number; end: number; surface: string; type: EntityType | undefined; iso?: string };

/** Characters of a paragraph read: a longer one (a table, a PDF without breaks) is read this far. */
export const MAX_PARAGRAPH_CHARS = 20_000;

/** The people, organisations, places and dates of one paragraph, in order, none overlapping (a name wins over a date it holds). */
export function extractEntities(paragraph: string): FoundEntity[] {
  const text = paragraph.length > MAX_PARAGRAPH_CHARS ? paragraph.slice(0, MAX_PARAGRAPH_CHARS) : paragraph;
  const names: FoundEntity[] = [...findLatinNames(text), ...findArabicNames(text)];
  const dates: FoundEntity[] = findDates(text).map((d) => ({ start: d.start, end: d.end, surface: d.surface, type: 'date' as const, iso: d.iso }));
  const all = [...dates, ...names].sort((a, b) => a.start - b.start || b.end - a.end);
  const out: FoundEntity[] = [];
  for (const e of all) {
    const prev = out[out.length - 1];
    if (prev && e.start < prev.end) {
      // Overlap: the typed one, else the longer.
      if (prev.type === undefined && e.type !== undefined) out[out.length - 1] = e;
      continue;
    }
    out.push(e);
  }
  return out;
}
