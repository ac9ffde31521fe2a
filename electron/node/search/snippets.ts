import type { Snippet, Span } from '../../common/search/search-types';

/** hidden: stretches of the text a snippet never shows (the lines the reader folds away), in order. */
export type SnippetOptions = { maxSnippets?: number; radius?: number; hidden?: readonly Span[] };

/**
 * A stretch of a document's text: `text` is what stands from `base` on, in a text of
 * `length` UTF-16 code units (a whole text is `{ text, base: 0, length: text.length }`).
 */
export type TextWindow = { text: string; base: number; length: number };

/** Characters a snippet may widen by, on each side, to reach a word boundary. */
const WIDEN = 20;

/**
 * The stretch of text makeSnippets reads for these spans, [from, to), found from the spans
 * alone: each snippet ends at most radius + WIDEN after the end of its first span, so the
 * first span of the next can only be among those ending before that bound, and so on. Lets a
 * caller read only this much of a long document.
 */
export function snippetWindow(spans: readonly Span[], options: SnippetOptions = {}): [number, number] {
  const { maxSnippets = 3, radius = 80 } = options;
  const sorted = [...spans].sort((a, b) => a.start - b.start);
  if (sorted.length === 0) return [0, 0];
  let maxEnd = sorted[0]!.end;
  let bound = maxEnd + radius + WIDEN;
  let j = 1;
  for (let k = 1; k < maxSnippets && j < sorted.length; k++) {
    // The next snippet starts at one of these (the first ending after this one does).
    while (j < sorted.length && sorted[j]!.end <= bound) maxEnd = Math.max(maxEnd, sorted[j++]!.end);
    if (j < sorted.length) maxEnd = Math.max(maxEnd, sorted[j++]!.end);
    bound = maxEnd + radius + WIDEN;
  }
  return [Math.max(0, sorted[0]!.start - radius - WIDEN - 1), bound + 1];
}

/**
 * Cuts snippets around matched spans (already known from the index's position metadata):
 * each snippet covers the first hit not yet shown plus any hits within reach, widened
 * to word boundaries. The text may be a window holding snippetWindow(spans) of it.
 */
export function makeSnippets(source: string | TextWindow, spans: readonly Span[], options: SnippetOptions = {}): Snippet[] {
  const { maxSnippets = 3, radius = 80, hidden = [] } = options;
  const { text: window, base, length } = typeof source === 'string' ? { text: source, base: 0, length: source.length } : source;
  const at = (k: number) => {
    if (k < base || k >= base + window.length) throw new Error(`makeSnippets: offset ${k} outside the text window given`);
    return window[k - base]!;
  };
  const sorted = [...spans].sort((a, b) => a.start - b.start);
  const snippets: Snippet[] = [];
  let i = 0;
  // Where the snippet before ends: the next starts there at the earliest, so no text shows twice.
  let shownTo = 0;
  while (i < sorted.length && snippets.length < maxSnippets) {
    const first = sorted[i]!;
    // Hidden stretches bound the snippet as the text's ends do.
    let low = shownTo;
    let high = length;
    for (const h of hidden) {
      if (h.end <= first.start) low = Math.max(low, h.end);
      else if (h.start >= first.end) {
        high = Math.min(high, h.start);
        break;
      }
    }
    let start = Math.max(low, Math.min(first.start, Math.max(0, first.start - radius)));
    let end = Math.min(high, first.end + radius);
    while (start > low && !/\s/.test(at(start - 1)) && first.start - start < radius + WIDEN) start--;
    while (end < high && !/\s/.test(at(end)) && end - first.end < radius + WIDEN) end++;
    const from = i;
    while (i < sorted.length && sorted[i]!.end <= end) i++;
    if (i === from) {
      i++;
      continue;
    }
    if (start < base || end > base + window.length) throw new Error('makeSnippets: snippet outside the text window given');
    const raw = window.slice(start - base, end - base);
    const lead = raw.length - raw.trimStart().length;
    const trimmed = raw.trim().replace(/\s/g, ' ');
    const textStart = start + lead;
    const textEnd = textStart + trimmed.length;
    // Every span the snippet shows is marked: also those an earlier snippet already showed (a
    // snippet reaches back up to radius characters before its first new span) and a span it cuts.
    const highlights: Span[] = [];
    for (const span of sorted) {
      if (span.start >= textEnd) break;
      const a = Math.max(span.start, textStart);
      const b = Math.min(span.end, textEnd);
      if (b > a) highlights.push({ start: a - textStart, end: b - textStart });
    }
    snippets.push({ text: trimmed, offset: textStart, highlights });
    shownTo = end;
  }
  return snippets;
}

/**
 * The opening of a text, for a result matched only outside its text (e.g. in its title): from
 * its first character not hidden (the lines the reader folds away, in order).
 */
export function leadSnippet(text: string, length = 160, hidden: readonly Span[] = []): Snippet[] {
  let lead = text.length - text.trimStart().length;
  for (const h of hidden) {
    if (h.start > lead) break;
    lead = Math.max(lead, h.end);
    while (lead < text.length && /\s/.test(text[lead]!)) lead++;
  }
  const body = text.slice(lead);
  if (body === '') return [];
  let end = Math.min(body.length, length);
  while (end < body.length && end < length + 20 && !/\s/.test(body[end]!)) end++;
  return [{ text: body.slice(0, end).replace(/\s/g, ' ').trimEnd(), offset: lead, highlights: [] }];
}
