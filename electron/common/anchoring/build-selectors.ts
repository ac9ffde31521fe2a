import type { TextPositionSelector, TextQuoteSelector } from '../notes/notes-types';
import { countOccurrences, snapEnd, snapStart } from './text-offsets';

export type Selectors = { quote: TextQuoteSelector; position: TextPositionSelector };

export const MIN_CONTEXT = 32;
/** Context grows in these steps until the quote with its context occurs once in the text. */
const CONTEXT_STEP = 32;
const MAX_CONTEXT = 1024;

/**
 * Builds the W3C selectors of [start, end) in `text` (UTF-16 code units; a split surrogate
 * pair is widened to the whole character). Prefix and suffix are at least MIN_CONTEXT long
 * where the text allows, and longer until prefix + exact + suffix is unique in the text.
 */
export function buildSelectors(text: string, start: number, end: number): Selectors {
  const from = snapStart(text, start);
  const to = snapEnd(text, Math.max(end, from));
  const exact = text.slice(from, to);
  let size = MIN_CONTEXT;
  let prefix = '';
  let suffix = '';
  for (;;) {
    prefix = text.slice(snapEnd(text, Math.max(0, from - size)), from);
    suffix = text.slice(to, snapStart(text, Math.min(text.length, to + size)));
    const reachesBothEnds = from - size <= 0 && to + size >= text.length;
    if (reachesBothEnds || size >= MAX_CONTEXT || countOccurrences(text, prefix + exact + suffix, 2) <= 1) break;
    size += CONTEXT_STEP;
  }
  return {
    quote: { type: 'TextQuoteSelector', exact, prefix, suffix },
    position: { type: 'TextPositionSelector', start: from, end: to },
  };
}
