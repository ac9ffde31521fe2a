import { useMemo, type MouseEvent } from 'react';
import { renderMarkdown } from './safe-markdown';

/** Links in notes have no href (safe-markdown.ts); this also stops any click from navigating. */
function stopNavigation(event: MouseEvent<HTMLDivElement>) {
  if ((event.target as Element).closest('a')) event.preventDefault();
}

/** A note's Markdown, sanitised. */
export function MarkdownView({ source, className = '' }: { source: string; className?: string }) {
  const html = useMemo(() => renderMarkdown(source), [source]);
  return (
    <div
      className={`markdown ${className}`.trim()}
      dir="auto"
      onClick={stopNavigation}
      // Sanitised by renderMarkdown (DOMPurify with a tag and attribute allow-list).
      dangerouslySetInnerHTML={{ __html: html }}
    />
  );
}
