/** What a byline says when a document states neither its source nor its author. */
export const NO_BYLINE = 'Source not stated';

/**
 * The one byline rule of the library, the reader and search results: the source, then the
 * author, each only when stated (blank metadata is not stated), a name given as both shown once.
 */
export function bylineParts(doc: { source?: string; author?: string }): string[] {
  const source = (doc.source ?? '').trim();
  const author = (doc.author ?? '').trim();
  if (source !== '' && author.toLowerCase() === source.toLowerCase()) return [source];
  return [source, author].filter((part) => part !== '');
}

/** The byline as one line: "Source · Author", or NO_BYLINE. */
export function bylineText(doc: { source?: string; author?: string }): string {
  const parts = bylineParts(doc);
  return parts.length > 0 ? parts.join(' · ') : NO_BYLINE;
}
