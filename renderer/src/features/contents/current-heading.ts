import type { DocumentHeading } from '@common/corpus/corpus-types';

/** The section being read: the last heading at or before the first offset in view, or -1 before the first. */
export function currentHeadingIndex(headings: readonly DocumentHeading[], offset: number): number {
  let found = -1;
  for (let i = 0; i < headings.length; i++) {
    if (headings[i]!.start > offset) break;
    found = i;
  }
  return found;
}
