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
  const latin = findLatinNames(text);
  const arabic = findArabicNames(text);
  const found = findDates(text);
  // Names in Latin letters alone, in order and apart (as the finder gives them): the sort and the
  // merge below would leave them as they are.
  if (arabic.length === 0 && found.length === 0 && ordered(latin)) return latin;
  const names: FoundEntity[] = [...latin, ...arabic];
  const dates: FoundEntity[] = found.map((d) => ({ start: d.start, end: d.end, surface: d.surface, type: 'date' as const, iso: d.iso }));
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

/** Each find starts after the one before it starts and ends (no tie for the sort to break). */
function ordered(found: readonly FoundEntity[]): boolean {
  for (let k = 1; k < found.length; k++) if (found[k]!.start < found[k - 1]!.end || found[k]!.start <= found[k - 1]!.start) return false;
  return true;
}
