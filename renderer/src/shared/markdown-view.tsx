import { useMemo, type MouseEvent } from 'react';
import { renderMarkdown } from './safe-markdown';
import './markdown-view.css';

/** Links in notes have no href (safe-markdown.ts); this also stops any click from navigating. */
function stopNavigation(event: MouseEvent<HTMLDivElement>) {
  if ((event.target as Element).closest('a')) event.preventDefault();
}

type HtmlPolicy = { createHTML(source: string): unknown };
type TrustedTypesFactory = { createPolicy(name: string, rules: { createHTML(source: string): string }): HtmlPolicy };

/**
 * The one Trusted Types policy the CSP allows (electron/common/security): the only way a
 * string becomes HTML in Carrel's DOM is by going through the Markdown sanitiser.
 */
const policy = (window as unknown as { trustedTypes?: TrustedTypesFactory }).trustedTypes?.createPolicy('carrel-sanitizer', {
  createHTML: (source) => renderMarkdown(source),
});

/** A note's Markdown, sanitised. */
export function MarkdownView({ source, className = '' }: { source: string; className?: string }) {
  const html = useMemo(() => (policy ? policy.createHTML(source) : renderMarkdown(source)) as string, [source]);
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
