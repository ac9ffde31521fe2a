import { DecoratedText } from '../../shared/decorated-text';
import type { Decoration } from '../../shared/decorations';
import type { Snippet } from '@common/search/search-types';

/** A snippet as text nodes with <mark> on its matched words; a leading "…" when it starts mid-document. */
export function SnippetText({ snippet }: { snippet: Snippet }) {
  const marks: Decoration[] = snippet.highlights.map((h, i) => ({ start: h.start, end: h.end, className: 'snippet-hit', id: String(i) }));
  return (
    <p className="search-snippet" dir="auto">
      {snippet.offset > 0 && <span className="search-ellipsis" aria-hidden="true">… </span>}
      <DecoratedText text={snippet.text} start={0} end={snippet.text.length} decorations={marks} />
      {snippet.page && <span className="search-snippet-page"> (p. {snippet.page})</span>}
    </p>
  );
}
