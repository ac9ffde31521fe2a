import type { ReactNode } from 'react';

/**
 * The guide's own small Markdown: "#"/"##" headings, paragraphs, "- " lists, **bold** and `keys`.
 * Rendered as React elements, never as HTML: nothing in the file can become markup.
 */
export type GuideBlock = { kind: 'h1' | 'h2' | 'p'; text: string } | { kind: 'ul'; items: string[] };

export function parseGuide(source: string): GuideBlock[] {
  const blocks: GuideBlock[] = [];
  for (const chunk of source.split(/\n\s*\n/)) {
    const lines = chunk.split('\n').map((line) => line.trim()).filter(Boolean);
    if (lines.length === 0) continue;
    const first = lines[0]!;
    if (first.startsWith('## ')) blocks.push({ kind: 'h2', text: first.slice(3) });
    else if (first.startsWith('# ')) blocks.push({ kind: 'h1', text: first.slice(2) });
    else if (first.startsWith('- ')) blocks.push({ kind: 'ul', items: lines.map((line) => line.replace(/^- /, '')) });
    else blocks.push({ kind: 'p', text: lines.join(' ') });
  }
  return blocks;
}

/** **bold** and `key` inside a line. */
export function inline(text: string): ReactNode[] {
  return text.split(/(\*\*[^*]+\*\*|`[^`]+`)/).map((part, i) => {
    if (part.startsWith('**') && part.endsWith('**') && part.length > 4) return <strong key={i}>{part.slice(2, -2)}</strong>;
    if (part.startsWith('`') && part.endsWith('`') && part.length > 2) return <kbd key={i}>{part.slice(1, -1)}</kbd>;
    return part;
  });
}
