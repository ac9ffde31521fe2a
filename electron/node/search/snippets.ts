import type { Snippet, Span } from '../../common/search/search-types';

export type SnippetOptions = { maxSnippets?: number; radius?: number };

/**
 * Cuts snippets around matched spans (already known from the index's position metadata):
 * each snippet covers the first hit not yet shown plus any hits within reach, widened
 * to word boundaries.
 */
export function makeSnippets(text: string, spans: readonly Span[], options: SnippetOptions = {}): Snippet[] {
  const { maxSnippets = 3, radius = 80 } = options;
  const sorted = [...spans].sort((a, b) => a.start - b.start);
  const snippets: Snippet[] = [];
  let i = 0;
  while (i < sorted.length && snippets.length < maxSnippets) {
    const first = sorted[i]!;
    let start = Math.max(0, first.start - radius);
    let end = Math.min(text.length, first.end + radius);
    while (start > 0 && !/\s/.test(text[start - 1]!) && first.start - start < radius + 20) start--;
    while (end < text.length && !/\s/.test(text[end]!) && end - first.end < radius + 20) end++;
    const highlights: Span[] = [];
    while (i < sorted.length && sorted[i]!.end <= end) {
      highlights.push({ start: sorted[i]!.start - start, end: sorted[i]!.end - start });
      i++;
    }
    if (highlights.length === 0) {
      i++;
      continue;
    }
    const raw = text.slice(start, end);
    const lead = raw.length - raw.trimStart().length;
    const trimmed = raw.trim().replace(/\s/g, ' ');
    snippets.push({
      text: trimmed,
      offset: start + lead,
      highlights: highlights.map((h) => ({ start: h.start - lead, end: h.end - lead })),
    });
  }
  return snippets;
}

/** The opening of a text, for a result matched only outside its text (e.g. in its title). */
export function leadSnippet(text: string, length = 160): Snippet[] {
  const lead = text.length - text.trimStart().length;
  const body = text.slice(lead);
  if (body === '') return [];
  let end = Math.min(body.length, length);
  while (end < body.length && end < length + 20 && !/\s/.test(body[end]!)) end++;
  return [{ text: body.slice(0, end).replace(/\s/g, ' ').trimEnd(), offset: lead, highlights: [] }];
}
